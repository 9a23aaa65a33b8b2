import type { AstroConfig } from 'astro';
import type { VitePlugin } from './vite-plugin.ts';
import { mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { buildDate } from './indexes/dated.ts';
import { renderedHtmlDir } from './render/html-files.ts';
import { editUrlPrefix, type RepositoryHost } from './history/host.ts';
import type { RepositoryInfo } from './history/repository-info.ts';
import { type StaleRule, staleDays } from './indexes/review.ts';
import type { ExpectedSections, PlansOptions } from './options-schema.ts';
import { type SiteBranding, siteBranding } from './public-files.ts';

const SITE_MODULE = 'virtual:plans/config';
const BUILD_MODULE = 'virtual:plans/build';

/**
 * What a site's own pages may read of the plans settings: `import config from
 * 'virtual:plans/config'` (typed by `astro-technical-plans/virtual`).
 */
export interface PlansSiteConfig extends SiteBranding {
	title: string;
	editUrl: string | undefined;
	base: string;
	trailingSlash: AstroConfig['trailingSlash'];
	/** Pages carry a search box and `/search/` exists. */
	search: boolean;
	/** `YYYY-MM-DD` that overdue milestones and questions are judged against (see `buildDate`). */
	today: string;
	/** The sections plans are expected to have (the `completeness` option, resolved). */
	completeness: ExpectedSections;
}

/** What only the injected pages read, from `virtual:plans/build`; not part of the public API. */
export interface PlansBuildConfig {
	/** Folder of the Mermaid render cache. */
	mermaidCacheDir: string;
	/** Box drawings that fail their check are shown as text (the `drawings.verify` option). */
	verifyDrawings: boolean;
	/** Folder of the rendered plan HTML (see `RenderedHtmlFiles`). */
	renderedHtmlDir: string;
	/** Running in `astro dev` (files the build copies into the site are served from node_modules). */
	dev: boolean;
	/** How a link to a missing plan or heading counts (the `brokenLinks` option). */
	brokenLinks: PlansOptions['brokenLinks'];
	/** `plans.json` of the previous deploy (the `previousPlans` option). */
	previousPlans: string | undefined;
	/** The project root's URL, which finds the plans of `astro dev` (see `findOnDemandPlans`). */
	root: string;
	/** `vscode` when links to a file:line should open VS Code (see `editorOf`). */
	editor: 'vscode' | undefined;
	/** Plan pages show their history from git (the `history` option). */
	history: boolean;
	/** Plans of these stages unchanged this long need a review (`staleAfter`, `staleStages`). */
	staleRule: StaleRule | undefined;
	/** Where the plans' repository is on its host, for history links; none when unknown. */
	repositoryHost: RepositoryHost | undefined;
	/** The project root's folder in the repository (`''` at its root), for paths on the host. */
	repositoryFolder: string;
}

/** A Vite plugin serving the validated options to the pages: the site's part and the build's. */
export function vitePluginPlansConfig(
	options: PlansOptions,
	config: AstroConfig,
	command: 'dev' | 'build' | 'preview' | 'sync',
	repository: RepositoryInfo = { host: undefined, folder: '' },
): VitePlugin {
	const site: PlansSiteConfig = {
		title: options.title,
		...siteBranding(options, config.base),
		editUrl:
			options.editUrl ??
			(repository.host ? editUrlPrefix(repository.host, repository.folder) : undefined),
		base: config.base,
		trailingSlash: config.trailingSlash,
		search: options.search,
		today: buildDate(),
		completeness: options.completeness,
	};
	const build: PlansBuildConfig = {
		mermaidCacheDir: mermaidCacheDir(config.cacheDir),
		verifyDrawings: options.drawings.verify,
		renderedHtmlDir: renderedHtmlDir(config.cacheDir),
		dev: command === 'dev',
		brokenLinks: options.brokenLinks,
		previousPlans: options.previousPlans,
		root: config.root.href,
		editor: command === 'dev' ? editorOf(process.env) : undefined,
		history: options.history,
		staleRule: options.staleAfter
			? { days: staleDays(options.staleAfter), stages: options.staleStages }
			: undefined,
		repositoryHost: repository.host,
		repositoryFolder: repository.folder,
	};
	const modules = new Map<string, PlansSiteConfig | PlansBuildConfig>([
		[`\0${SITE_MODULE}`, site],
		[`\0${BUILD_MODULE}`, build],
	]);
	return {
		name: 'plans:config',
		resolveId: (id) => (id === SITE_MODULE || id === BUILD_MODULE ? `\0${id}` : undefined),
		load: (id) =>
			modules.has(id) ? `export default ${JSON.stringify(modules.get(id))};` : undefined,
	};
}

/**
 * The author's editor, where it can be known: VS Code sets `TERM_PROGRAM` in its terminals, and
 * `EDITOR`/`VISUAL` name it elsewhere. Other editors get Vite's open-in-editor link.
 */
export function editorOf(env: Record<string, string | undefined>): 'vscode' | undefined {
	if (env.TERM_PROGRAM === 'vscode') return 'vscode';
	const named = env.VISUAL || env.EDITOR || '';
	return /(^|[\\/])code(-insiders)?(\.\w+)?(\s|$)/.test(named) ? 'vscode' : undefined;
}
