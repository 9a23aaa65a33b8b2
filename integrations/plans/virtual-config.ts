import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import { mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import type { ExpectedSections } from './options-schema.ts';
import { buildDate } from './indexes/dated.ts';
import { renderedHtmlDir } from './render/html-files.ts';
import type { PlansOptions } from './options-schema.ts';
import { type SiteBranding, siteBranding } from './public-files.ts';

const MODULE_ID = 'virtual:plans/config';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** What the injected pages need to know about the site: `import config from 'virtual:plans/config'`. */
export interface PlansRuntimeConfig extends SiteBranding {
	title: string;
	editUrl: string | undefined;
	base: string;
	trailingSlash: AstroConfig['trailingSlash'];
	/** Folder of the Mermaid render cache. */
	mermaidCacheDir: string;
	/** Box drawings that fail their check are shown as text (the `drawings.verify` option). */
	verifyDrawings: boolean;
	/** Folder of the rendered plan HTML (see `RenderedHtmlFiles`). */
	renderedHtmlDir: string;
	/** Pages carry a search box and `/search/` exists. */
	search: boolean;
	/** `YYYY-MM-DD` that overdue milestones and questions are judged against (see `buildDate`). */
	today: string;
	/** Running in `astro dev` (files the build copies into the site are served from node_modules). */
	dev: boolean;
	/** The sections plans are expected to have (the `completeness` option, resolved). */
	completeness: ExpectedSections;
	/** How a link to a missing plan or heading counts (the `brokenLinks` option). */
	brokenLinks: PlansOptions['brokenLinks'];
	/** `plans.json` of the previous deploy (the `previousPlans` option). */
	previousPlans: string | undefined;
	/** The project root's URL, which finds the plans of `astro dev` (see `findOnDemandPlans`). */
	root: string;
	/** `vscode` when links to a file:line should open VS Code (see `editorOf`). */
	editor: 'vscode' | undefined;
}

/** A Vite plugin serving the validated options to the injected pages. */
export function vitePluginPlansConfig(
	options: PlansOptions,
	config: AstroConfig,
	command: 'dev' | 'build' | 'preview' | 'sync',
): Plugin {
	const runtime: PlansRuntimeConfig = {
		title: options.title,
		...siteBranding(options, config.base),
		editUrl: options.editUrl,
		base: config.base,
		trailingSlash: config.trailingSlash,
		mermaidCacheDir: mermaidCacheDir(config.cacheDir),
		verifyDrawings: options.drawings.verify,
		renderedHtmlDir: renderedHtmlDir(config.cacheDir),
		search: options.search,
		today: buildDate(),
		dev: command === 'dev',
		completeness: options.completeness,
		brokenLinks: options.brokenLinks,
		previousPlans: options.previousPlans,
		root: config.root.href,
		editor: command === 'dev' ? editorOf(process.env) : undefined,
	};
	return {
		name: 'plans:config',
		resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
		load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(runtime)};` : undefined),
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
