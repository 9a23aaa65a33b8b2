import type { Loader } from 'astro/loaders';
import { syncForBuild } from './load/build.ts';
import { watchPlans } from './load/dev.ts';
import { loadSetup } from './load/setup.ts';
import { PlanDataSchema } from './schema.ts';

export interface PlansLoaderOptions {
	/**
	 * Folder of the plans, relative to the project root. Defaults to the `directory` option
	 * of the `plans()` integration (itself `'plans'` by default).
	 */
	directory?: string;
}

/**
 * The plans loader: its schema types the collection's entries as `PlanData`. Written out so
 * that the published declarations name the schema's module (which imports `astro/zod`) instead
 * of spelling Zod's types out from a `zod` package a strict install cannot resolve.
 */
export interface PlansLoader {
	name: string;
	load: Loader['load'];
	schema: typeof PlanDataSchema;
}

/**
 * Content loader of the plans collection. Reads `plans/**\/*.{md,mdx}` into typed plan data
 * (`PlanData`), each file once per content digest. `astro build` also renders Markdown plans
 * into `RenderedHtmlFiles` and draws their Mermaid diagrams (`load/build.ts`); `astro dev`
 * reads their data only, and renders each plan when its page is requested (`load/dev.ts`).
 * MDX plans render with their page through `@astrojs/mdx` (`markdown/mdx-plans.ts`), so components work. Pages show a
 * plan's body with `components/PlanContent.astro`, not `render(entry)`.
 *
 * ```ts
 * // src/content.config.ts
 * export const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };
 * ```
 */
export function plansLoader(loaderOptions: PlansLoaderOptions = {}): PlansLoader {
	return {
		name: 'plans-loader',
		schema: PlanDataSchema,
		async load(context) {
			const site = loadSetup(context, loaderOptions);
			if (context.watcher) await watchPlans(context, site, context.watcher);
			else await syncForBuild(context, site);
		},
	};
}
