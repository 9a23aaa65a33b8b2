import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { VitePlugin } from '../vite-plugin.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { normalizeSource } from '../parse/source.ts';
import { isMdxPlan } from './mdx-plans.ts';

/**
 * @astrojs/mdx stops the build on frontmatter its YAML parser cannot read (`author: @name`).
 * The loader has read an MDX plan's frontmatter as far as it could, warned at its place, and
 * its page shows the rest as written; the MDX compiler gets the plan with that frontmatter
 * blanked, one empty line per line so that its positions stay the file's.
 */
export function vitePluginMdxPlanFrontmatter(plansDir: string): VitePlugin {
	return {
		name: 'astro-technical-plans:mdx-frontmatter',
		enforce: 'pre',
		transform: {
			// Before @astrojs/mdx's own transform, which is `enforce: 'pre'` too.
			order: 'pre',
			filter: { id: /\.mdx$/i },
			handler(code, id) {
				if (!isMdxPlan(id, plansDir) || readableByMdx(code)) return undefined;
				return { code: splitFrontmatter(normalizeSource(code)).body, map: null };
			},
		},
	};
}

/** Tells whether @astrojs/mdx can read the frontmatter, with the parser it reads it with. */
function readableByMdx(code: string): boolean {
	try {
		parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
		return true;
	} catch {
		return false;
	}
}
