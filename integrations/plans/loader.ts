import type { Loader, LoaderContext } from 'astro/loaders';
import type { Root } from 'mdast';
import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PLANS_VERSION } from './version.ts';
import { findPlansOptions } from './integration-options.ts';
import { MermaidCache, mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { prepareMermaid } from './diagrams/mermaid/prepare.ts';
import { planIdFromPath } from './parse/paths.ts';
import { adoptOnNextRender } from './markdown/adopt-tree.ts';
import { parsePlan, splitFrontmatter } from './parse/plan.ts';
import { parseMarkdown } from './parse/tree.ts';
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

/** A plan whose content changed since the last build; `tree` is its parsed body, if still at hand. */
interface ChangedPlan {
	id: string;
	absolute: string;
	digest: string;
	source: string;
	data: PlanData;
	tree?: Root;
}

type MarkdownRenderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;

/**
 * Content loader of the plans collection. Reads `plans/**\/*.{md,mdx}`, computes each
 * file's typed `Plan` once, renders Markdown through the site's processor (with the plans
 * plugins), and skips files whose content digest is unchanged since the last build.
 * MDX plans are rendered by `@astrojs/mdx` when their page is built, so components work.
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
			let renderer: MarkdownRenderer | undefined;
			const mermaidCache = new MermaidCache(mermaidCacheDir(config.cacheDir));
			const allMermaidCached = (plan: PlanData) => plan.diagrams.every((diagram) => diagram.kind !== 'mermaid' || mermaidCache.has(diagram.key));
			const idOf = (plan: PlanData) => planIdFromPath(plan.path)!;

			const sync = async () => {
				const { files, problems } = await findPlanFiles(root, directory);
				if (files.length === 0 && problems.length === 0) logger.warn(`No plans found in ${directory}/ (looked for **/*.md and **/*.mdx).`);

				const waitingForMermaid = new Set<string>(JSON.parse(context.meta.get(WAITING_FOR_MERMAID) ?? '[]'));
				const fileById = new Map(files.map((file) => [file.id, file]));

				for (const id of [...store.keys()]) if (!fileById.has(id)) store.delete(id);

				const render = async ({ id, absolute, digest, source, data, tree }: ChangedPlan) => {
					if (data.format === 'mdx') {
						// MDX renders with its page, so components work.
						store.set({ id, data, body: source, filePath: data.file, digest, deferredRender: true });
						return;
					}
					renderer ??= await config.markdown.processor.createRenderer({
						image: config.image,
						syntaxHighlight: config.markdown.syntaxHighlight,
						shikiConfig: config.markdown.shikiConfig,
						gfm: config.markdown.gfm,
						smartypants: config.markdown.smartypants,
					});
					// Rendered from the tree parsed for the plan's data: no second parse.
					adoptOnNextRender(absolute, tree ?? parseMarkdown(splitFrontmatter(source).body));
					const { code, metadata } = await renderer.render('', { fileURL: pathToFileURL(absolute), frontmatter: {} });
					store.set({ id, data, body: source, filePath: data.file, digest, rendered: { html: code, metadata } });
				};

				// 1. Parse the plans whose content changed since the last build. A plan whose Mermaid
				// diagrams are all rendered already renders at once, so its tree is garbage before the
				// next plan is read; the others wait for step 2 and are parsed again then.
				const changed = new Map<string, PlanData>();
				const waitingForRenders: ChangedPlan[] = [];
				for (const { id, file, path, absolute } of files) {
					const raw = await readFile(absolute, 'utf8');
					// Our version is part of the digest: a new release re-renders every plan.
					const digest = context.generateDigest(`${PLANS_VERSION}\n${raw}`);
					const existing = store.get(id);
					// A Markdown plan stored while some of its Mermaid diagrams had no render (no browser)
					// holds their in-browser fallback: render it again, in case a browser is there now.
					const renderedLater = existing?.rendered !== undefined && waitingForMermaid.has(id);
					if (existing?.digest === digest) {
						if (!renderedLater) {
							if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
							continue;
						}
						// The store ignores a set() with an unchanged digest.
						store.delete(id);
					}
					const parsed = parsePlan({ raw, file, path, fileExists: (image) => existsSync(join(dirname(absolute), image)) });
					const data = (await context.parseData({ id, data: parsed.data, filePath: file })) as PlanData;
					changed.set(id, data);
					const plan = { id, absolute, digest, source: parsed.source, data };
					if (allMermaidCached(data)) await render({ ...plan, tree: parsed.tree });
					else waitingForRenders.push(plan);
				}

				// 2. Validate and render every Mermaid diagram not yet in the cache, in one browser,
				// then the plans that waited for them.
				const unchanged = [...store.values()].filter((entry) => !changed.has(entry.id)).map((entry) => entry.data as PlanData);
				problems.push(
					...(await prepareMermaid(
						[...unchanged, ...changed.values()],
						{
							cacheDir: mermaidCacheDir(config.cacheDir),
							browser: options.mermaid.browser,
							severity: (options.mermaid.onError ?? (watcher ? 'show' : 'error')) === 'show' ? 'warning' : 'error',
						},
						logger,
					)),
				);
				for (const plan of waitingForRenders) await render(plan);

				const plans = [...store.values()].map((entry) => entry.data as PlanData);
				context.meta.set(WAITING_FOR_MERMAID, JSON.stringify(plans.filter((plan) => !allMermaidCached(plan)).map((plan) => idOf(plan))));
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
