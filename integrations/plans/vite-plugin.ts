import type { AstroConfig } from 'astro';

/** Vite's plugin type, as Astro's config takes it: the package reaches Vite only through Astro. */
export type VitePlugin = Extract<
	NonNullable<AstroConfig['vite']['plugins']>[number],
	{ name: string }
>;
