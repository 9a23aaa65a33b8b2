import type { DataStore, LoaderContext } from 'astro/loaders';
import { prepareMermaid } from '../diagrams/mermaid/prepare.ts';
import { planIdFromPath } from '../parse/paths.ts';
import type { RenderedHtmlFiles } from '../render/html-files.ts';
import { waitsForMermaid } from '../render/read-and-render.ts';
import type { RenderedPlan } from '../markdown/types.ts';
import type { PlanData } from '../schema.ts';
import { registerBuiltPlans } from '../site-registry.ts';
import { findPlanFiles } from './find-plan-files.ts';
import { planProblems } from '../validate/plans.ts';
import { assertMdxPlansCanRender, report, warnIfNoPlans } from './checks.ts';
import {
	type ChangedPlan,
	type PlanFileRead,
	planDispatcher,
	readPlanFiles,
	readPlans,
	removeDeletedPlans,
	storeMdxPlan,
} from './read.ts';
import type { LoadSetup } from './setup.ts';

/** Meta-store key: ids of plans stored before all their Mermaid diagrams had a render. */
const WAITING_FOR_MERMAID = 'plans-waiting-for-mermaid';

/**
 * `astro build`: reads the plans whose content changed since the last build, draws their
 * Mermaid diagrams, renders their HTML into `RenderedHtmlFiles`, and fails on any error.
 */
export async function syncForBuild(context: LoaderContext, site: LoadSetup): Promise<void> {
	const { store, logger } = context;
	const { files, problems } = await findPlanFiles(site.root, site.directory);
	assertMdxPlansCanRender(files, context.config);
	warnIfNoPlans(files, problems, site.directory, logger);
	removeDeletedPlans(files, store);
	const waitingForMermaid = new Set<string>(
		JSON.parse(context.meta.get(WAITING_FOR_MERMAID) ?? '[]'),
	);
	const toRead = (await readPlanFiles(files, site)).filter(
		(file) => !upToDate(file, store, site.htmlFiles, waitingForMermaid),
	);

	const reader = planDispatcher(
		site,
		toRead.filter(({ path }) => !/\.mdx$/i.test(path)).length,
		logger,
	);
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
		const unchanged = [...store.values()]
			.filter((entry) => !changed.has(entry.id))
			.map((entry) => entry.data as PlanData);
		problems.push(
			...(await prepareMermaid([...unchanged, ...changed.values()], site.mermaid, logger)),
		);
		for (const plan of waitingForRenders)
			rendering.push({
				plan,
				rendered: reader.render(plan.file.absolute, plan.source, site.settings.context.sanitize),
			});
		// The HTML in its own file, then the data in the store, in the order of the files.
		for (const { plan, rendered } of rendering) {
			const { html, imagePaths } = await rendered;
			site.htmlFiles.write(plan.file.digest, html);
			store.set({
				id: plan.file.id,
				data: plan.data,
				filePath: plan.data.file,
				digest: plan.file.digest,
				assetImports: imagePaths,
			});
		}
	} finally {
		await reader.close();
	}

	const entries = [...store.values()];
	site.htmlFiles.keepOnly(
		entries.filter((entry) => !entry.deferredRender).map((entry) => String(entry.digest)),
	);
	const plans = entries.map((entry) => entry.data as PlanData);
	context.meta.set(
		WAITING_FOR_MERMAID,
		JSON.stringify(
			plans
				.filter((plan) => waitsForMermaid(plan, site.mermaidCache))
				.map((plan) => planIdFromPath(plan.path)!),
		),
	);
	problems.push(...planProblems(plans, site.options.brokenLinks, site.options.completeness));
	report(problems, logger, 'throw');
	registerBuiltPlans(context.config.root, plans);
}

/**
 * Tells whether a plan's stored data and HTML are those of its file. A Markdown plan stored
 * while some of its Mermaid diagrams had no render (no browser) holds their in-browser
 * fallback: it is read again, in case a browser is there now.
 */
function upToDate(
	file: PlanFileRead,
	store: DataStore,
	htmlFiles: RenderedHtmlFiles,
	waitingForMermaid: Set<string>,
): boolean {
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
