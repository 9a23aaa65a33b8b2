import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { INTEGRATION_NAME, registerPlansOptions } from './integration-options.ts';
import { mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { registerMarkdownPlugins } from './markdown/register.ts';
import { writeSearchIndex } from './search/pagefind.ts';
import { parseOptions, type PlansUserOptions } from './options.ts';
import { vitePluginPlansConfig } from './virtual-config.ts';

export { plansLoader, type PlansLoaderOptions } from './loader.ts';
export { planSchema, type PlanData } from './schema.ts';
export type { PlansOptions, PlansUserOptions } from './options.ts';

/**
 * Publishes a folder of technical plans: one page per plan under `/plans/…`, and the plans
 * index at `/`. Pair it with the plans collection in `src/content.config.ts`.
 */
export default function plans(userOptions?: PlansUserOptions): AstroIntegration {
	const options = parseOptions(userOptions);
	return {
		name: INTEGRATION_NAME,
		hooks: {
			'astro:config:setup': async ({ config, command, injectRoute, updateConfig }) => {
				registerPlansOptions(config.root, options);
				await registerMarkdownPlugins(config, {
					plansDir: join(fileURLToPath(config.root), options.directory),
					mermaidCacheDir: mermaidCacheDir(config.cacheDir),
					showDiagramErrors: (options.mermaid.onError ?? (command === 'dev' ? 'show' : 'error')) === 'show',
					base: config.base,
					trailingSlash: config.trailingSlash,
				});
				const themes = config.markdown.shikiConfig.themes;
				updateConfig({
					markdown:
						themes && Object.keys(themes).length > 0
							? {}
							: { shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false } },
					vite: { plugins: [vitePluginPlansConfig(options, config)] },
				});
				injectRoute({ pattern: '/', entrypoint: new URL('./routes/index.astro', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans.json', entrypoint: new URL('./routes/plans-json.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans.schema.json', entrypoint: new URL('./routes/plans-schema-json.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/_diagrams/[key].svg', entrypoint: new URL('./routes/diagram.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans/[...id]', entrypoint: new URL('./routes/plan.astro', import.meta.url), prerender: true });
				const pages = ['technologies', 'costs', 'risks', 'milestones', 'questions', 'glossary', ...(options.search ? ['search'] : [])];
				for (const page of pages) {
					injectRoute({ pattern: `/${page}`, entrypoint: new URL(`./routes/${page}.astro`, import.meta.url), prerender: true });
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (options.search) await writeSearchIndex(fileURLToPath(dir), logger);
			},
		},
	};
}
