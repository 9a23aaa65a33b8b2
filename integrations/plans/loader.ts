import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS_VERSION } from './version.ts';
import { findPlansOptions, registerOnDemandPlans, reloadPages } from './integration-options.ts';
import { MermaidCache, mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { type MermaidSettings, prepareMermaid } from './diagrams/mermaid/prepare.ts';
import { planIdFromPath } from './parse/paths.ts';
import { createPlanRenderer, markdownContext, planRendererOptions } from './markdown/pipeline.ts';
import { PlanReader } from './render/plan-reader.ts';
import { OnDemandPlans, type OnDemandRenderer, type PlanVersion } from './render/on-demand.ts';
import { waitsForMermaid } from './render/read-plan.ts';
import type { MarkdownRenderer, RenderedPlan, RenderSettings } from './render/renderer.ts';
import { RenderedHtmlFiles, renderedHtmlDir } from './render/html-files.ts';
import { RenderThreads, renderThreadCount } from './render/threads.ts';
import { formatProblem, githubAnnotation, inGitHubActions, type Problem } from './parse/problems.ts';
import { normalizeSource } from './parse/source.ts';
import type { PlansOptions } from './options.ts';
import { type PlanData, PlanDataSchema } from './schema.ts';
import { findPlanFiles, type PlanFile } from './validate/plan-files.ts';
import { planProblems, sortProblems } from './validate/plans.ts';

export interface PlansLoaderOptions {
	/**
	 * Folder of the plans, relative to the project root. Defaults to the `directory` option
	 * of the `plans()` integration (itself `'plans'` by default).
	 */
	directory?: string;
}

/** Meta-store key: ids of plans stored before all their Mermaid diagrams had a render. */
const WAITING_FOR_MERMAID = 'plans-waiting-for-mermaid';

/**
 * Content loader of the plans collection. Reads `plans/**\/*.{md,mdx}`, computes each
 * file's typed `Plan` once, renders Markdown through the site's processor (with the plans
 * plugins) into `RenderedHtmlFiles`, and skips files whose content digest is unchanged
 * since the last build. MDX plans are rendered by `@astrojs/mdx` when their page is built,
 * so components work. Pages show a plan's body with `components/PlanContent.astro`, not `render(entry)`.
 *
 * ```ts
 * // src/content.config.ts
 * export const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };
 * ```
 */
export function plansLoader(loaderOptions: PlansLoaderOptions = {}) {
	return {
		name: 'plans-loader',
		schema: PlanDataSchema,
		async load(context) {
			const site = loadSetup(context, loaderOptions);
			if (context.watcher) await watchPlans(context, site, context.watcher);
			else await syncForBuild(context, site);
		},
	} satisfies Loader;
}

/** What every sync of one site's plans works with. */
interface LoadSetup {
	options: PlansOptions;
	root: string;
	directory: string;
	plansDir: string;
	settings: RenderSettings;
	htmlFiles: RenderedHtmlFiles;
	mermaidCache: MermaidCache;
	mermaid: MermaidSettings;
	/** Builds the plan renderer of this thread on first use. */
	renderer: () => Promise<MarkdownRenderer>;
	/** A plan file's digest: our version and the options that change its HTML are part of it. */
	digestOf(raw: string): string;
}

function loadSetup(context: LoaderContext, loaderOptions: PlansLoaderOptions): LoadSetup {
	const { config, watcher } = context;
	const options = findPlansOptions(config);
	const directory = loaderOptions.directory ?? options.directory;
	const root = fileURLToPath(config.root);
	const settings: RenderSettings = { context: markdownContext(config, options, { dev: Boolean(watcher) }), renderer: planRendererOptions(config) };
	const renderFingerprint = JSON.stringify({ sanitize: settings.context.sanitize, showDiagramErrors: settings.context.showDiagramErrors, dev: settings.context.dev });
	let renderer: Promise<MarkdownRenderer> | undefined;
	return {
		options,
		root,
		directory,
		plansDir: join(root, directory),
		settings,
		htmlFiles: new RenderedHtmlFiles(renderedHtmlDir(config.cacheDir)),
		mermaidCache: new MermaidCache(mermaidCacheDir(config.cacheDir)),
		mermaid: {
			cacheDir: mermaidCacheDir(config.cacheDir),
			browser: options.mermaid.browser,
			severity: (options.mermaid.onError ?? (watcher ? 'show' : 'error')) === 'show' ? 'warning' : 'error',
			timeout: options.mermaid.timeout,
		},
		renderer: () => (renderer ??= createPlanRenderer(settings)),
		// A new release, or another `sanitize` setting, renders every plan again.
		digestOf: (raw) => context.generateDigest(`${PLANS_VERSION}\n${renderFingerprint}\n${raw}`),
	};
}

/** A plan file read from disk, with its digest. */
type PlanFileRead = PlanFile & { raw: string; digest: string };

/** Reads the plan files; a file deleted since it was listed is left out (the next sync removes it). */
async function readPlanFiles(files: PlanFile[], site: LoadSetup): Promise<PlanFileRead[]> {
	const read = await Promise.all(
		files.map(async (file) => {
			const raw = await readFile(file.absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') return undefined;
				throw error;
			});
			return raw === undefined ? undefined : { ...file, raw, digest: site.digestOf(raw) };
		}),
	);
	return read.filter((file) => file !== undefined);
}

/** Removes the plans whose file is gone from the store. */
function removeDeletedPlans(files: PlanFile[], store: DataStore, onRemoved: (id: string) => void = () => {}): void {
	const ids = new Set(files.map((file) => file.id));
	for (const id of [...store.keys()]) {
		if (ids.has(id)) continue;
		store.delete(id);
		onRemoved(id);
	}
}

/** A plan read again: its data validated by the collection schema. */
interface ChangedPlan {
	file: PlanFileRead;
	source: string;
	data: PlanData;
	imagePaths: string[];
	rendered: RenderedPlan | undefined;
}

/**
 * Reads plans (their data, and their HTML unless `deferRender`) in render threads when many
 * changed, else one after the other in this thread, and validates their data. Yields them in
 * the order of their files.
 */
async function* readPlans(context: LoaderContext, site: LoadSetup, reader: PlanReader, files: PlanFileRead[], deferRender: boolean): AsyncGenerator<ChangedPlan> {
	const reading = files.map((file) => ({ file, read: reader.read({ ...file, sanitize: site.settings.context.sanitize, deferRender }) }));
	for (const { file, read } of reading) {
		const { data: parsedData, source, rendered, imagePaths } = await read;
		const data = (await context.parseData({ id: file.id, data: parsedData, filePath: file.file })) as PlanData;
		yield { file, source, data, imagePaths, rendered };
	}
}

/** A reader with as many render threads as `count` plans to read are worth. */
function planReader(site: LoadSetup, count: number, logger: LoaderContext['logger']): PlanReader {
	const threadCount = renderThreadCount(site.options.renderThreads, count);
	const threads = threadCount > 0 ? startRenderThreads(threadCount, site.settings, logger) : undefined;
	return new PlanReader(threads, site.renderer, site.mermaidCache);
}

/** Stores an MDX plan: `@astrojs/mdx` renders it with its page, so components work. */
function storeMdxPlan(store: DataStore, plan: ChangedPlan): void {
	store.set({ id: plan.file.id, data: plan.data, body: plan.source, filePath: plan.data.file, digest: plan.file.digest, deferredRender: true });
}

/**
 * `astro build`: reads the plans whose content changed since the last build, draws their
 * Mermaid diagrams, renders their HTML into `RenderedHtmlFiles`, and fails on any error.
 */
async function syncForBuild(context: LoaderContext, site: LoadSetup): Promise<void> {
	const { store, logger } = context;
	const { files, problems } = await findPlanFiles(site.root, site.directory);
	assertMdxPlansCanRender(files, context.config);
	warnIfNoPlans(files, problems, site.directory, logger);
	removeDeletedPlans(files, store);
	const waitingForMermaid = new Set<string>(JSON.parse(context.meta.get(WAITING_FOR_MERMAID) ?? '[]'));
	const toRead = (await readPlanFiles(files, site)).filter((file) => !upToDate(file, store, site.htmlFiles, waitingForMermaid));

	const reader = planReader(site, toRead.filter(({ path }) => !/\.mdx$/i.test(path)).length, logger);
	const changed = new Map<string, PlanData>();
	const rendering: Array<{ plan: ChangedPlan; rendered: Promise<RenderedPlan> }> = [];
	const waitingForRenders: ChangedPlan[] = [];
	try {
		for await (const plan of readPlans(context, site, reader, toRead, false)) {
			changed.set(plan.file.id, plan.data);
			if (plan.data.format === 'mdx') storeMdxPlan(store, plan);
			else if (plan.rendered) rendering.push({ plan, rendered: Promise.resolve(plan.rendered) });
			else waitingForRenders.push(plan);
		}
		// Every Mermaid diagram not yet in the cache, drawn in one browser; then the plans that waited for them.
		const unchanged = [...store.values()].filter((entry) => !changed.has(entry.id)).map((entry) => entry.data as PlanData);
		problems.push(...(await prepareMermaid([...unchanged, ...changed.values()], site.mermaid, logger)));
		for (const plan of waitingForRenders) rendering.push({ plan, rendered: reader.render(plan.file.absolute, plan.source, site.settings.context.sanitize) });
		// The HTML in its own file, then the data in the store, in the order of the files.
		for (const { plan, rendered } of rendering) {
			const { html, imagePaths } = await rendered;
			site.htmlFiles.write(plan.file.digest, html);
			store.set({ id: plan.file.id, data: plan.data, filePath: plan.data.file, digest: plan.file.digest, assetImports: imagePaths });
		}
	} finally {
		await reader.close();
	}

	const entries = [...store.values()];
	site.htmlFiles.keepOnly(entries.filter((entry) => !entry.deferredRender).map((entry) => String(entry.digest)));
	const plans = entries.map((entry) => entry.data as PlanData);
	context.meta.set(WAITING_FOR_MERMAID, JSON.stringify(plans.filter((plan) => waitsForMermaid(plan, site.mermaidCache)).map((plan) => planIdFromPath(plan.path)!)));
	problems.push(...planProblems(plans, site.options.brokenLinks));
	report(problems, logger, 'throw');
}

/**
 * Tells whether a plan's stored data and HTML are those of its file. A Markdown plan stored
 * while some of its Mermaid diagrams had no render (no browser) holds their in-browser
 * fallback: it is read again, in case a browser is there now.
 */
function upToDate(file: PlanFileRead, store: DataStore, htmlFiles: RenderedHtmlFiles, waitingForMermaid: Set<string>): boolean {
	const existing = store.get(file.id);
	if (existing?.digest !== file.digest) return false;
	if (existing.deferredRender) {
		if (existing.filePath) store.addModuleImport(existing.filePath);
		return true;
	}
	if (!waitingForMermaid.has(file.id) && htmlFiles.has(file.digest)) return true;
	// The store ignores a set() with an unchanged digest.
	store.delete(file.id);
	return false;
}

/**
 * `astro dev`: the server is ready once every plan's data is read. A Markdown plan's HTML,
 * and its Mermaid diagrams, are rendered when its page is first requested (`OnDemandPlans`),
 * and again when its file changes. Problems are printed and shown in the plan's page; none
 * stops the server.
 */
async function watchPlans(context: LoaderContext, site: LoadSetup, watcher: NonNullable<LoaderContext['watcher']>): Promise<void> {
	const { logger } = context;
	const onDemand = new OnDemandPlans({
		htmlFiles: site.htmlFiles,
		renderer: onDemandRenderer(site, logger),
		// The page shows a broken diagram as `astro build` would count it.
		mermaid: { ...site.mermaid, severity: site.options.mermaid.onError === 'show' ? 'warning' : 'error' },
		logger,
	});
	registerOnDemandPlans(context.config.root, onDemand);
	await syncForDev(context, site, onDemand, { initial: true });

	// Saved files are read again alone; an added or deleted file reads the folder again.
	let changed: Set<string> | 'all' = new Set();
	const sync = serialized(async () => {
		const files = changed;
		changed = new Set();
		await syncForDev(context, site, onDemand, { initial: false, changed: files === 'all' ? undefined : files }).catch((error: Error) => logger.error(error.message));
	});
	watcher.add(site.plansDir);
	const onEvent = (event: 'change' | 'add' | 'unlink') => (path: string) => {
		if (!path.startsWith(site.plansDir) || !/\.mdx?$/i.test(path)) return;
		if (event === 'change' && changed !== 'all') changed.add(path);
		else changed = 'all';
		void sync();
	};
	watcher.on('change', onEvent('change'));
	watcher.on('add', onEvent('add'));
	watcher.on('unlink', onEvent('unlink'));
}

/**
 * Renders plans and checks their diagrams for `astro dev` in one render thread, started when
 * first needed (after the server is ready), so that a plan being rendered never holds up the
 * server; in this thread when the site's settings cannot cross to a thread.
 */
function onDemandRenderer(site: LoadSetup, logger: LoaderContext['logger']): OnDemandRenderer {
	let reader: PlanReader | undefined;
	const started = () => (reader ??= new PlanReader(startRenderThreads(1, site.settings, logger, { quiet: true }), site.renderer, site.mermaidCache));
	return {
		render: async (absolute, source) => (await started().render(absolute, source, site.settings.context.sanitize)).html,
		checkMermaid: (sources) => started().checkMermaid(sources),
		warmUp: () => started().warmUp(),
		close: async () => reader?.close(),
	};
}

/**
 * One sync of `astro dev`: the plans whose file changed (`changed`, or else any) are read again;
 * nothing is rendered.
 */
async function syncForDev(context: LoaderContext, site: LoadSetup, onDemand: OnDemandPlans, { initial, changed }: { initial: boolean; changed?: Set<string> }): Promise<void> {
	const { store, logger } = context;
	const { files, problems } = await findPlanFiles(site.root, site.directory);
	assertMdxPlansCanRender(files, context.config);
	if (initial) warnIfNoPlans(files, problems, site.directory, logger);
	removeDeletedPlans(files, store, (id) => onDemand.forget(id));

	// Threads start while the files are read, when most plans are new to the store (a fresh checkout).
	const newPlans = files.filter((file) => !store.has(file.id)).length;
	const early = renderThreadCount(site.options.renderThreads, newPlans) > 0 ? planReader(site, newPlans, logger) : undefined;
	const toRead: PlanFileRead[] = [];
	for (const file of await readPlanFiles(changed ? files.filter((file) => changed.has(file.absolute)) : files, site)) {
		const existing = store.get(file.id);
		if (existing?.digest !== file.digest) toRead.push(file);
		else if (existing.deferredRender) store.addModuleImport(existing.filePath!);
		else onDemand.remember({ id: file.id, digest: file.digest, absolute: file.absolute, source: normalizeSource(file.raw), data: existing.data as PlanData });
	}

	const reader = early ?? planReader(site, toRead.length, logger);
	const edited: PlanVersion[] = [];
	const mdxPlans: PlanData[] = [];
	try {
		for await (const plan of readPlans(context, site, reader, toRead, true)) {
			if (plan.data.format === 'mdx') {
				storeMdxPlan(store, plan);
				mdxPlans.push(plan.data);
				continue;
			}
			const version = { id: plan.file.id, digest: plan.file.digest, absolute: plan.file.absolute, source: plan.source, data: plan.data };
			onDemand.remember(version);
			store.set({ id: version.id, data: plan.data, filePath: plan.data.file, digest: version.digest, assetImports: plan.imagePaths });
			edited.push(version);
		}
	} finally {
		await reader.close();
	}

	if (initial) site.htmlFiles.keepOnly(onDemand.digests());
	// The author is looking at the plan they just saved: its page reloads as soon as its HTML is
	// ready, and shows the newest version (see `newestPlanEntry`) before Astro publishes the store.
	else if (edited.length > 0) {
		Promise.all(edited.map((version) => onDemand.body(version.id, version.digest))).then(
			() => reloadPages(context.config.root),
			(error: Error) => logger.error(error.message),
		);
	}
	// MDX plans render with their page, from the Mermaid cache: draw theirs now (there are few).
	if (mdxPlans.length > 0) problems.push(...(await prepareMermaid(mdxPlans, site.mermaid, logger)));
	problems.push(...planProblems([...store.values()].map((entry) => entry.data as PlanData), site.options.brokenLinks));
	report(initial ? problems : problems.filter((problem) => edited.some((version) => version.data.file === problem.file)), logger, 'log');
}

/** `task`, never two at once: a call while it runs runs it once more afterwards. */
function serialized(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	let again = false;
	const run = async (): Promise<void> => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			do {
				again = false;
				await task();
			} while (again);
		})().finally(() => (running = undefined));
		return running;
	};
	return run;
}

function warnIfNoPlans(files: PlanFile[], problems: Problem[], directory: string, logger: LoaderContext['logger']): void {
	if (files.length === 0 && problems.length === 0) logger.warn(`No plans found in ${directory}/ (looked for **/*.md and **/*.mdx).`);
}

/**
 * Starts the render threads, each building the same plan renderer; none when a setting
 * cannot cross to a thread (a Shiki transformer of the site is a function, for instance).
 */
function startRenderThreads(count: number, settings: RenderSettings, logger: LoaderContext['logger'], { quiet = false } = {}): RenderThreads | undefined {
	try {
		structuredClone(settings);
	} catch {
		if (!quiet) logger.info('Plans render in one thread: the site\'s Markdown settings (shikiConfig) hold functions, which cannot be sent to render threads.');
		return undefined;
	}
	if (!quiet) logger.info(`Rendering ${count === 1 ? 'plans in 1 thread' : `plans in ${count} threads`}.`);
	return new RenderThreads(count, settings);
}

/**
 * MDX plans render through the site's MDX integration, and only the unified processor runs
 * the plans plugins there: on a site without either, an MDX plan would lose its diagrams,
 * anchors and links, so it stops the build with the change to make.
 */
function assertMdxPlansCanRender(files: Array<{ file: string; path: string }>, config: LoaderContext['config']): void {
	const mdxPlan = files.find(({ path }) => /\.mdx$/i.test(path));
	if (!mdxPlan) return;
	if (!config.integrations.some((integration) => integration.name === '@astrojs/mdx')) {
		throw new AstroError(
			`${mdxPlan.file} is an MDX plan, but the site has no MDX integration.`,
			"Install it (npm install @astrojs/mdx) and add it before plans(): import mdx from '@astrojs/mdx'; … integrations: [mdx(), plans()]. Or rename the plan to .md.",
		);
	}
	if (config.markdown.processor.name !== 'unified') {
		throw new AstroError(
			`${mdxPlan.file} is an MDX plan, and MDX plans need the unified Markdown processor: the site's "${config.markdown.processor.name}" processor runs no remark or rehype plugins, so the plan would lose its diagrams, anchors and links. Markdown (.md) plans work with any processor.`,
			"Install @astrojs/markdown-remark and set it in astro.config.mjs: import { unified } from '@astrojs/markdown-remark'; … markdown: { processor: unified() }. Or rename the plan to .md.",
		);
	}
}

/**
 * Prints every problem as `file:line:column severity message` (and as a GitHub annotation in
 * GitHub Actions); in a build, errors fail it.
 */
function report(problems: Problem[], logger: LoaderContext['logger'], onError: 'throw' | 'log'): void {
	const sorted = sortProblems(problems);
	for (const problem of sorted) {
		if (problem.severity === 'warning') logger.warn(formatProblem(problem));
		else logger.error(formatProblem(problem));
		// Workflow commands must start a line of the step's output.
		if (inGitHubActions()) process.stdout.write(`${githubAnnotation(problem)}\n`);
	}
	const errors = sorted.filter((problem) => problem.severity === 'error');
	if (errors.length === 0 || onError === 'log') return;
	throw new AstroError(
		`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in plans:\n${errors.map(formatProblem).join('\n')}`,
		'Fix the plans above. To publish while broken links remain, set `brokenLinks: "warn"` in plans() options.',
	);
}
