import { join } from 'node:path';
import type { RenderSettings } from '#plans/markdown/types.ts';

/** The settings a plan renderer gets on a site with Astro's defaults, for plans in `plansDir`. */
export function defaultRenderSettings(plansDir: string, mermaidCacheDir: string): RenderSettings {
	return {
		context: {
			plansDir,
			publicDir: join(plansDir, '..', 'public'),
			mermaidCacheDir,
			codeCacheDir: `${mermaidCacheDir}-code`,
			showDiagramErrors: false,
			verifyDrawings: true,
			statuses: {},
			base: '/',
			trailingSlash: 'ignore',
			sanitize: true,
			dev: false,
		},
		renderer: {
			syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
			shikiConfig: {
				themes: { light: 'github-light-default', dark: 'github-dark-default' },
				defaultColor: false,
				langs: [],
				langAlias: {},
				wrap: false,
				transformers: [],
			},
			gfm: true,
			smartypants: false,
		} as unknown as RenderSettings['renderer'],
	};
}
