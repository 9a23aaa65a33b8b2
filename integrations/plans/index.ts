import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
	assertPlansCollection,
	builtPlansOf,
	closeOnDemandPlans,
	INTEGRATION_NAME,
	onDemandPlansOf,
	PLANS_OPTIONS,
	registerPageReloads,
	plansHistoryOf,
	registerCodeOwners,
	registerPlansHistory,
	registerPlansOptions,
} from './site-registry.ts';
import { planIdFromPagePath } from './urls.ts';
import { PageReloads } from './render/page-reloads.ts';
import {
	copyMermaidIntoSite,
	mermaidFallbackUsed,
	resetMermaidFallback,
} from './diagrams/mermaid/self-hosted.ts';
import { STANDALONE_FOLDER } from './diagrams/figure.ts';
import { writeStandaloneDiagrams } from './diagrams/standalone.ts';
import { vitePluginMdxPlanFrontmatter } from './markdown/mdx-frontmatter.ts';
import { routeMdxPlans, vitePluginMdxPlanCheck } from './markdown/mdx-plans.ts';
import { markdownContext } from './markdown/pipeline.ts';
import { writeSearchIndex } from './search/pagefind.ts';
import { SearchablePages } from './search/pages.ts';
import { keepPreviousLinks } from './redirects/publish.ts';
import { readCodeOwners } from './history/codeowners.ts';
import { readPlansHistory } from './history/plan-history.ts';
import { repositoryInfo } from './history/repository-info.ts';
import { repositoryRoot } from './repository.ts';
import { addContentSecurityPolicy } from './security/csp.ts';
import { deprecatedOptions, parseOptions, type PlansUserOptions } from './options-schema.ts';
import { inspectPublicFiles } from './public-files.ts';
import { PACKAGE_NAME } from './version.ts';
import { vitePluginPlansConfig } from './virtual-config.ts';

// One way each: the loader from `./loader`, the schema and its types from `./schema`.
export type { PlansOptions, PlansUserOptions } from './options-schema.ts';

/** `.ts` in the repository, `.js` in the published package: endpoints are modules like this one. */
const MODULE_EXTENSION = extname(fileURLToPath(import.meta.url));

/** An injected page or endpoint of `routes/`. */
const route = (file: string) => new URL(`./routes/${file}`, import.meta.url);

/**
 * Publishes a folder of technical plans: one page per plan under `/plans/…`, and the plans
 * index at `/`. Pair it with the plans collection in `src/content.config.ts`.
 */
export default function plans(userOptions?: PlansUserOptions): AstroIntegration {
	const options = parseOptions(userOptions);
	let root = pathToFileURL(`${process.cwd()}/`);
	let base = '/';
	let trailingSlash: AstroConfig['trailingSlash'] = 'ignore';
	let site: URL | undefined;
	let cacheDir = new URL('node_modules/.astro/', root);
	/** The plans' history from git and the repository's CODEOWNERS, read once while the pages are built (see `history/`). */
	let historyRead = false;
	const readHistory = (logger: AstroIntegrationLogger) => {
		// Astro may start a build once per environment: the history is read, and said, once.
		if (historyRead) return;
		historyRead = true;
		const plansDir = join(fileURLToPath(root), options.directory);
		const repository = repositoryRoot(plansDir);
		if (repository) registerCodeOwners(root, readCodeOwners(repository));
		if (!options.history) return;
		const history = repository
			? readPlansHistory(repository, plansDir)
			: Promise.resolve(undefined);
		registerPlansHistory(root, history);
		void history.then((found) => {
			if (found?.shallow)
				logger.warn(
					'The plans are in a shallow git clone: their history starts at its first commit, so creation dates and authors are left out. Fetch the whole history (actions/checkout: fetch-depth: 0).',
				);
		});
	};
	const integration: AstroIntegration = {
		name: INTEGRATION_NAME,
		hooks: {
			'astro:config:setup': async ({ config, command, injectRoute, updateConfig, logger }) => {
				historyRead = false;
				registerPlansOptions(config.root, options);
				const deprecated = deprecatedOptions(userOptions);
				if (deprecated.length > 0) {
					logger.warn(
						`${deprecated.map((name) => `\`${name}\``).join(' and ')} ${deprecated.length === 1 ? 'is' : 'are'} deprecated: give the previous deploy once, as \`previousDeploy\` (its URL, or a folder holding its plans.json and anchors.json).`,
					);
				}
				const publicFiles = inspectPublicFiles(options, config.publicDir);
				resetMermaidFallback();
				// Markdown plans render through the plans' own pipeline (see the loader), and MDX plans
				// through the plans' own MDX renderer, whatever the site's processor.
				const context = markdownContext(config, options, { dev: command === 'dev' });
				const compiledMdxPlans = new Set<string>();
				routeMdxPlans(config.markdown.processor, config, context, compiledMdxPlans);
				updateConfig({
					vite: {
						plugins: [
							vitePluginPlansConfig(
								options,
								config,
								command,
								await repositoryInfo(config, options),
							),
							vitePluginMdxPlanFrontmatter(context.plansDir),
							vitePluginMdxPlanCheck(context.plansDir, compiledMdxPlans),
						],
					},
					// With a `site`, search engines get a sitemap (unless the site adds its own).
					integrations:
						config.site &&
						!config.integrations.some((integration) => integration.name === '@astrojs/sitemap')
							? [sitemap()]
							: [],
				});
				if (!config.site)
					logger.info('No `site` in astro.config: pages get no canonical URLs and no sitemap.');
				injectRoute({ pattern: '/', entrypoint: route('index.astro'), prerender: true });
				injectRoute({
					pattern: '/plans.json',
					entrypoint: route(`plans-json${MODULE_EXTENSION}`),
					prerender: true,
				});
				injectRoute({
					pattern: '/plans.schema.json',
					entrypoint: route(`plans-schema-json${MODULE_EXTENSION}`),
					prerender: true,
				});
				injectRoute({
					pattern: '/anchors.json',
					entrypoint: route(`anchors-json${MODULE_EXTENSION}`),
					prerender: true,
				});
				injectRoute({ pattern: '/404', entrypoint: route('404.astro'), prerender: true });
				// A build writes the standalone drawings itself, after the pages (`writeStandaloneDiagrams`).
				if (command === 'dev')
					injectRoute({
						pattern: `/${STANDALONE_FOLDER}/[key].svg`,
						entrypoint: route(`diagram${MODULE_EXTENSION}`),
						prerender: true,
					});
				injectRoute({
					pattern: '/plans/[...id]',
					entrypoint: route('plan.astro'),
					prerender: true,
				});
				// Defaults for files a site usually keeps in public/; its own files win.
				if (!publicFiles.ownFavicon)
					injectRoute({
						pattern: '/favicon.svg',
						entrypoint: route(`favicon-svg${MODULE_EXTENSION}`),
						prerender: true,
					});
				if (!publicFiles.ownRobots)
					injectRoute({
						pattern: '/robots.txt',
						entrypoint: route(`robots-txt${MODULE_EXTENSION}`),
						prerender: true,
					});
				const pages = [
					'technologies',
					'costs',
					'risks',
					'milestones',
					'questions',
					'glossary',
					'review',
					...(options.search ? ['search'] : []),
					...(options.previousPlans ? ['changes'] : []),
				];
				for (const page of pages) {
					injectRoute({ pattern: `/${page}`, entrypoint: route(`${page}.astro`), prerender: true });
				}
			},
			'astro:config:done': ({ config, injectTypes }) => {
				root = config.root;
				base = config.base;
				trailingSlash = config.trailingSlash;
				site = config.site ? new URL(config.site) : undefined;
				cacheDir = config.cacheDir;
				// Pages of a site may import the configuration its injected pages read.
				injectTypes({
					filename: 'virtual.d.ts',
					content: `/// <reference types="${PACKAGE_NAME}/virtual" />\n`,
				});
			},
			'astro:server:setup': ({ server, logger }) => {
				readHistory(logger);
				// An edited plan's page reloads once its HTML is ready, before Astro publishes the data store.
				registerPageReloads(root, new PageReloads(server.environments.client.hot));
				// A plan page's body starts rendering when the request comes in, while Vite prepares the
				// page; diagrams are drawn while no request is waiting.
				server.middlewares.use((request, response, next) => {
					const plans = onDemandPlansOf(root);
					const id =
						plans && request.method === 'GET' && request.url
							? planIdFromPagePath(new URL(request.url, 'http://localhost').pathname, base)
							: undefined;
					if (plans) response.once('close', plans.requestStarted());
					if (id) plans!.prefetch(id);
					next();
				});
			},
			'astro:server:start': () => {
				// Once the server is ready, not before: it loads what the first plan page needs.
				onDemandPlansOf(root)?.warmUp();
			},
			'astro:server:done': async () => {
				await closeOnDemandPlans(root);
			},
			'astro:build:start': ({ logger }) => {
				assertPlansCollection(root);
				readHistory(logger);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				if (mermaidFallbackUsed()) await copyMermaidIntoSite(outDir);
				writeStandaloneDiagrams(
					outDir,
					builtPlansOf(root) ?? [],
					cacheDir,
					options.drawings.verify,
				);
				// The last pass that reads every page: the search index is keyed on what it saw.
				const searchable = options.search ? new SearchablePages() : undefined;
				await addContentSecurityPolicy(
					outDir,
					searchable && ((page, html) => searchable.see(page, html)),
				);
				if (searchable) await writeSearchIndex(outDir, fileURLToPath(cacheDir), logger, searchable);
				if (options.previousAnchors)
					await keepPreviousLinks({
						outDir,
						root: fileURLToPath(root),
						plansDir: join(fileURLToPath(root), options.directory),
						previousAnchors: options.previousAnchors,
						previousPlans: options.previousPlans,
						site,
						base,
						trailingSlash,
						logger,
						summaryFile: process.env.GITHUB_STEP_SUMMARY,
						history: await plansHistoryOf(root.href),
					});
			},
		},
	};
	// The checker reads these from the site's astro.config (see `cli/site-options.ts`).
	Object.defineProperty(integration, PLANS_OPTIONS, { value: options });
	return integration;
}
