import type { LoaderContext } from 'astro/loaders';
import { prepareMermaid } from '../diagrams/mermaid/prepare.ts';
import { registerOnDemandPlans, reloadPages } from '../site-registry.ts';
import { normalizeSource } from '../parse/source.ts';
import { OnDemandPlans, type OnDemandRenderer, type PlanVersion } from '../render/on-demand.ts';
import { PlanDispatcher } from '../render/dispatch.ts';
import { renderThreadCount } from '../render/thread-pool.ts';
import type { PlanData } from '../schema.ts';
import { findPlanFiles } from './find-plan-files.ts';
import { planProblems } from '../validate/plans.ts';
import { assertMdxPlansCanRender, report, warnIfNoPlans } from './checks.ts';
import {
	type PlanFileRead,
	planDispatcher,
	readPlanFiles,
	readPlans,
	removeDeletedPlans,
	startRenderThreads,
	storeMdxPlan,
} from './read.ts';
import type { LoadSetup } from './setup.ts';

/**
 * `astro dev`: the server is ready once every plan's data is read. A Markdown plan's HTML,
 * and its Mermaid diagrams, are rendered when its page is first requested (`OnDemandPlans`),
 * and again when its file changes. Problems are printed and shown in the plan's page; none
 * stops the server.
 */
export async function watchPlans(
	context: LoaderContext,
	site: LoadSetup,
	watcher: NonNullable<LoaderContext['watcher']>,
): Promise<void> {
	const { logger } = context;
	const onDemand = new OnDemandPlans({
		htmlFiles: site.htmlFiles,
		renderer: onDemandRenderer(site, logger),
		// The page shows a broken diagram as `astro build` would count it.
		mermaid: {
			...site.mermaid,
			severity: site.options.mermaid.onError === 'show' ? 'warning' : 'error',
		},
		logger,
	});
	registerOnDemandPlans(context.config.root, onDemand);
	await syncForDev(context, site, onDemand, { initial: true });

	// Saved files are read again alone; an added or deleted file reads the folder again.
	let changed: Set<string> | 'all' = new Set();
	const sync = serialized(async () => {
		const files = changed;
		changed = new Set();
		await syncForDev(context, site, onDemand, {
			initial: false,
			changed: files === 'all' ? undefined : files,
		}).catch((error: Error) => logger.error(error.message));
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
	let reader: PlanDispatcher | undefined;
	const started = () =>
		(reader ??= new PlanDispatcher(
			startRenderThreads(1, site.settings, logger, { quiet: true }),
			site.renderer,
			site.mermaidCache,
		));
	return {
		render: async (absolute, source) =>
			(await started().render(absolute, source, site.settings.context.sanitize)).html,
		checkMermaid: (sources) => started().checkMermaid(sources),
		warmUp: () => started().warmUp(),
		close: async () => reader?.close(),
	};
}

/**
 * One sync of `astro dev`: the plans whose file changed (`changed`, or else any) are read again;
 * nothing is rendered.
 */
async function syncForDev(
	context: LoaderContext,
	site: LoadSetup,
	onDemand: OnDemandPlans,
	{ initial, changed }: { initial: boolean; changed?: Set<string> },
): Promise<void> {
	const { store, logger } = context;
	const { files, problems } = await findPlanFiles(site.root, site.directory);
	assertMdxPlansCanRender(files, context.config);
	if (initial) warnIfNoPlans(files, problems, site.directory, logger);
	removeDeletedPlans(files, store, (id) => onDemand.forget(id));

	// Threads start while the files are read, when most plans are new to the store (a fresh checkout).
	const newPlans = files.filter((file) => !store.has(file.id)).length;
	const early =
		renderThreadCount(site.options.renderThreads, newPlans, { work: 'read' }) > 0
			? planDispatcher(site, newPlans, logger, 'read')
			: undefined;
	const toRead: PlanFileRead[] = [];
	for (const file of await readPlanFiles(
		changed ? files.filter((file) => changed.has(file.absolute)) : files,
		site,
	)) {
		const existing = store.get(file.id);
		if (existing?.digest !== file.digest) toRead.push(file);
		else if (existing.deferredRender) store.addModuleImport(existing.filePath!);
		else
			onDemand.remember({
				id: file.id,
				digest: file.digest,
				absolute: file.absolute,
				source: normalizeSource(file.raw),
				data: existing.data as PlanData,
			});
	}

	const reader = early ?? planDispatcher(site, toRead.length, logger, 'read');
	const edited: PlanVersion[] = [];
	const mdxPlans: PlanData[] = [];
	try {
		for await (const plan of readPlans(context, site, reader, toRead, true)) {
			if (plan.data.format === 'mdx') {
				storeMdxPlan(store, plan);
				mdxPlans.push(plan.data);
				continue;
			}
			const version = {
				id: plan.file.id,
				digest: plan.file.digest,
				absolute: plan.file.absolute,
				source: plan.source,
				data: plan.data,
			};
			onDemand.remember(version);
			store.set({
				id: version.id,
				data: plan.data,
				filePath: plan.data.file,
				digest: version.digest,
				assetImports: plan.imagePaths,
			});
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
	problems.push(
		...planProblems(
			[...store.values()].map((entry) => entry.data as PlanData),
			site.options.brokenLinks,
			site.options.completeness,
		),
	);
	report(
		initial
			? problems
			: problems.filter((problem) => edited.some((version) => version.data.file === problem.file)),
		logger,
		'log',
	);
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
