import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import { mermaidCacheDir } from './diagrams/mermaid/cache.ts';
import { buildDate } from './indexes/dated.ts';
import { renderedHtmlDir } from './render/html-files.ts';
import type { PlansOptions } from './options.ts';
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
	/** Folder of the rendered plan HTML (see `RenderedHtmlFiles`). */
	renderedHtmlDir: string;
	/** Pages carry a search box and `/search/` exists. */
	search: boolean;
	/** `YYYY-MM-DD` that overdue milestones and questions are judged against (see `buildDate`). */
	today: string;
	/** Running in `astro dev` (files the build copies into the site are served from node_modules). */
	dev: boolean;
}

/** A Vite plugin serving the validated options to the injected pages. */
export function vitePluginPlansConfig(options: PlansOptions, config: AstroConfig, command: 'dev' | 'build' | 'preview' | 'sync'): Plugin {
	const runtime: PlansRuntimeConfig = {
		title: options.title,
		...siteBranding(options, config.base),
		editUrl: options.editUrl,
		base: config.base,
		trailingSlash: config.trailingSlash,
		mermaidCacheDir: mermaidCacheDir(config.cacheDir),
		renderedHtmlDir: renderedHtmlDir(config.cacheDir),
		search: options.search,
		today: buildDate(),
		dev: command === 'dev',
	};
	return {
		name: 'plans:config',
		resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
		load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(runtime)};` : undefined),
	};
}
