import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS_VERSION } from './version.ts';
import { findPlansOptions } from './integration-options.ts';
import { MermaidCache, mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { prepareMermaid } from './diagrams/mermaid/prepare.ts';
import { planIdFromPath } from './parse/paths.ts';
import { createPlanRenderer, markdownContext, planRendererOptions } from './markdown/pipeline.ts';
import { PlanReader } from './render/plan-reader.ts';
import { waitsForMermaid } from './render/read-plan.ts';
import type { MarkdownRenderer, RenderedPlan, RenderSettings } from './render/renderer.ts';
import { RenderedHtmlFiles, renderedHtmlDir } from './render/html-files.ts';
import { RenderThreads, renderThreadCount } from './render/threads.ts';
import { formatProblem, githubAnnotation, inGitHubActions, type Problem } from './parse/problems.ts';
import { type PlanData, PlanDataSchema } from './schema.ts';
import { findPlanFiles } from './validate/plan-files.ts';
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

/** A plan whose content changed since the last build. */
interface ChangedPlan {
	id: string;
	absolute: string;
	digest: string;
	source: string;
	data: PlanData;
}

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
			const { config, store, logger, watcher } = context;
			const options = findPlansOptions(config);
			const directory = loaderOptions.directory ?? options.directory;
			const root = fileURLToPath(config.root);
			const plansDir = join(root, directory);
			let localRenderer: Promise<MarkdownRenderer> | undefined;
			const mermaidCache = new MermaidCache(mermaidCacheDir(config.cacheDir));
			const htmlFiles = new RenderedHtmlFiles(renderedHtmlDir(config.cacheDir));
			const idOf = (plan: PlanData) => planIdFromPath(plan.path)!;
			const settings: RenderSettings = { context: markdownContext(config, options, { dev: Boolean(watcher) }), renderer: planRendererOptions(config) };
			const renderFingerprint = JSON.stringify({ sanitize: settings.context.sanitize, showDiagramErrors: settings.context.showDiagramErrors });

			const sync = async () => {
				const { files, problems } = await findPlanFiles(root, directory);
				assertMdxPlansCanRender(files, config);
				if (files.length === 0 && problems.length === 0) logger.warn(`No plans found in ${directory}/ (looked for **/*.md and **/*.mdx).`);

				const waitingForMermaid = new Set<string>(JSON.parse(context.meta.get(WAITING_FOR_MERMAID) ?? '[]'));
				const fileById = new Map(files.map((file) => [file.id, file]));

				for (const id of [...store.keys()]) if (!fileById.has(id)) store.delete(id);

				// 1. Find the plans whose content changed since the last build.
				const toParse: Array<(typeof files)[number] & { raw: string; digest: string; sanitize: boolean }> = [];
				for (const plan of files) {
					const raw = await readFile(plan.absolute, 'utf8');
					// Our version and the options that change a plan's HTML are part of the digest: a new
					// release, or another `sanitize` setting, renders every plan again.
					const digest = context.generateDigest(`${PLANS_VERSION}\n${renderFingerprint}\n${raw}`);
					const existing = store.get(plan.id);
					if (existing?.digest === digest) {
						const isMarkdown = !existing.deferredRender;
						// A Markdown plan stored while some of its Mermaid diagrams had no render (no browser)
						// holds their in-browser fallback: render it again, in case a browser is there now.
						const renderedLater = isMarkdown && waitingForMermaid.has(plan.id);
						if (!renderedLater && (!isMarkdown || htmlFiles.has(digest))) {
							if (!isMarkdown && existing.filePath) store.addModuleImport(existing.filePath);
							continue;
						}
						// The store ignores a set() with an unchanged digest.
						store.delete(plan.id);
					}
					toParse.push({ ...plan, raw, digest, sanitize: settings.context.sanitize });
				}

				// 2. Read and render them: in parallel threads when many changed, else one after the
				// other in this thread, so that only one plan's tree is alive at a time.
				const markdownToRender = toParse.filter(({ path }) => !/\.mdx$/i.test(path)).length;
				const threadCount = renderThreadCount(options.renderThreads, markdownToRender);
				const threads = threadCount > 0 ? startRenderThreads(threadCount, settings, logger) : undefined;
				const renderer = () => (localRenderer ??= createPlanRenderer(settings));
				const reader = new PlanReader(threads, renderer, mermaidCache);

				const reading = toParse.map((plan) => ({ plan, read: reader.read(plan) }));
				const changed = new Map<string, PlanData>();
				const rendering: Array<{ plan: ChangedPlan; rendered: Promise<RenderedPlan> }> = [];
				const waitingForRenders: ChangedPlan[] = [];
				try {
					for (const { plan: file, read: reply } of reading) {
						const { data: parsedData, source, rendered } = await reply;
						const data = (await context.parseData({ id: file.id, data: parsedData, filePath: file.file })) as PlanData;
						changed.set(file.id, data);
						const plan = { id: file.id, absolute: file.absolute, digest: file.digest, source, data };
						// MDX renders with its page, so components work.
						if (data.format === 'mdx') store.set({ id: plan.id, data, body: source, filePath: data.file, digest: plan.digest, deferredRender: true });
						else if (rendered) rendering.push({ plan, rendered: Promise.resolve(rendered) });
						else waitingForRenders.push(plan);
					}

					// 3. Validate and render every Mermaid diagram not yet in the cache, in one browser,
					// then the plans that waited for them.
					const unchanged = [...store.values()].filter((entry) => !changed.has(entry.id)).map((entry) => entry.data as PlanData);
					problems.push(
						...(await prepareMermaid(
							[...unchanged, ...changed.values()],
							{
								cacheDir: mermaidCacheDir(config.cacheDir),
								browser: options.mermaid.browser,
								severity: (options.mermaid.onError ?? (watcher ? 'show' : 'error')) === 'show' ? 'warning' : 'error',
								timeout: options.mermaid.timeout,
							},
							logger,
						)),
					);
					for (const plan of waitingForRenders) rendering.push({ plan, rendered: reader.render(plan.absolute, plan.source, settings.context.sanitize) });

					// 4. Store the rendered plans, in the order of their files: the HTML in its own file,
					// the data in the store.
					for (const { plan, rendered } of rendering) {
						const { html, imagePaths } = await rendered;
						htmlFiles.write(plan.digest, html);
						store.set({ id: plan.id, data: plan.data, filePath: plan.data.file, digest: plan.digest, assetImports: imagePaths });
					}
				} finally {
					await reader.close();
				}

				const entries = [...store.values()];
				htmlFiles.keepOnly(entries.filter((entry) => !entry.deferredRender).map((entry) => String(entry.digest)));
				const plans = entries.map((entry) => entry.data as PlanData);
				context.meta.set(WAITING_FOR_MERMAID, JSON.stringify(plans.filter((plan) => waitsForMermaid(plan, mermaidCache)).map((plan) => idOf(plan))));
				problems.push(...planProblems(plans, options.brokenLinks));
				report(problems, logger, watcher ? 'log' : 'throw');
			};

			await sync();
			if (!watcher) return;
			watcher.add(plansDir);
			const onChange = async (changed: string) => {
				if (!changed.startsWith(plansDir) || !/\.mdx?$/i.test(changed)) return;
				await sync().catch((error: Error) => logger.error(error.message));
			};
			watcher.on('change', onChange);
			watcher.on('add', onChange);
			watcher.on('unlink', onChange);
		},
	} satisfies Loader;
}

/**
 * Starts the render threads, each building the same plan renderer; none when a setting
 * cannot cross to a thread (a Shiki transformer of the site is a function, for instance).
 */
function startRenderThreads(count: number, settings: RenderSettings, logger: LoaderContext['logger']): RenderThreads | undefined {
	try {
		structuredClone(settings);
	} catch {
		logger.info('Plans render in one thread: the site\'s Markdown settings (shikiConfig) hold functions, which cannot be sent to render threads.');
		return undefined;
	}
	logger.info(`Rendering ${count === 1 ? 'plans in 1 thread' : `plans in ${count} threads`}.`);
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
