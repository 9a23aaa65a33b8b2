/**
 * What the parts of a build share, in one typed object. Astro loads the integration with the
 * site's astro.config, but the content loader and the Markdown plugins through Vite's module
 * runner: a second copy of every module, whose module-level variables are not the first
 * copy's. The process is the one thing both copies share, so the context lives on
 * `globalThis`, under one symbol, created here and nowhere else. (A render thread is a
 * process of its own in this sense: it gets its own context, and reports back by message.)
 */
import type { SiteEntry } from './site-registry.ts';

export interface BuildContext {
	/** Each site's options, and in `astro dev` its plans, by project root URL. */
	readonly sites: Map<string, SiteEntry>;
	/** A page of the current build draws a Mermaid diagram in the reader's browser, so mermaid ships with the site. */
	mermaidFallbackUsed: boolean;
}

const CONTEXT = Symbol.for('astro-technical-plans:build-context');

export function buildContext(): BuildContext {
	const global = globalThis as typeof globalThis & { [CONTEXT]?: BuildContext };
	global[CONTEXT] ??= {
		sites: new Map(),
		mermaidFallbackUsed: false,
	};
	return global[CONTEXT];
}
