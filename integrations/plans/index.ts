import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { INTEGRATION_NAME, registerPlansOptions } from './integration-options.ts';
import { copyMermaidIntoSite, mermaidFallbackUsed, resetMermaidFallback } from './diagrams/mermaid/self-hosted.ts';
import { markdownContext, registerMarkdownPlugins } from './markdown/register.ts';
import { writeSearchIndex } from './search/pagefind.ts';
import { warnAboutLostAnchors } from './validate/anchor-stability.ts';
import { parseOptions, type PlansUserOptions } from './options.ts';
import { inspectPublicFiles } from './public-files.ts';
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
	let root = process.cwd();
	return {
		name: INTEGRATION_NAME,
		hooks: {
			'astro:config:setup': async ({ config, command, injectRoute, updateConfig, logger }) => {
				registerPlansOptions(config.root, options);
				const publicFiles = inspectPublicFiles(options, config.publicDir);
				resetMermaidFallback();
				await registerMarkdownPlugins(config.markdown.processor, markdownContext(config, options, { dev: command === 'dev' }));
				const themes = config.markdown.shikiConfig.themes;
				updateConfig({
					markdown:
						themes && Object.keys(themes).length > 0
							? {}
							: { shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false } },
					vite: { plugins: [vitePluginPlansConfig(options, config, command)] },
					// With a `site`, search engines get a sitemap (unless the site adds its own).
					integrations: config.site && !config.integrations.some((integration) => integration.name === '@astrojs/sitemap') ? [sitemap()] : [],
				});
				if (!config.site) logger.info('No `site` in astro.config: pages get no canonical URLs and no sitemap.');
				injectRoute({ pattern: '/', entrypoint: new URL('./routes/index.astro', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans.json', entrypoint: new URL('./routes/plans-json.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans.schema.json', entrypoint: new URL('./routes/plans-schema-json.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/anchors.json', entrypoint: new URL('./routes/anchors-json.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/404', entrypoint: new URL('./routes/404.astro', import.meta.url), prerender: true });
				injectRoute({ pattern: '/_diagrams/[key].svg', entrypoint: new URL('./routes/diagram.ts', import.meta.url), prerender: true });
				injectRoute({ pattern: '/plans/[...id]', entrypoint: new URL('./routes/plan.astro', import.meta.url), prerender: true });
				// Defaults for files a site usually keeps in public/; its own files win.
				if (!publicFiles.ownFavicon) injectRoute({ pattern: '/favicon.svg', entrypoint: new URL('./routes/favicon-svg.ts', import.meta.url), prerender: true });
				if (!publicFiles.ownRobots) injectRoute({ pattern: '/robots.txt', entrypoint: new URL('./routes/robots-txt.ts', import.meta.url), prerender: true });
				const pages = ['technologies', 'costs', 'risks', 'milestones', 'questions', 'glossary', ...(options.search ? ['search'] : [])];
				for (const page of pages) {
					injectRoute({ pattern: `/${page}`, entrypoint: new URL(`./routes/${page}.astro`, import.meta.url), prerender: true });
				}
			},
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				if (mermaidFallbackUsed()) await copyMermaidIntoSite(outDir);
				if (options.search) await writeSearchIndex(outDir, logger);
				if (options.previousAnchors) await warnAboutLostAnchors(outDir, options.previousAnchors, root, logger);
			},
		},
	};
}
