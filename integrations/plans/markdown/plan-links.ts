import type { Root } from 'mdast';
import { relative } from 'node:path';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { resolvePlanLink } from '../parse/links.ts';
import { planIdFromPath, planUrl, toPosix, type UrlOptions } from '../parse/paths.ts';

export interface PlanLinksOptions extends UrlOptions {
	/** Absolute path of the plans folder. */
	plansDir: string;
	/** Give each link its place in the file (`data-source-place="12:3"`), where `astro dev` marks a broken one. */
	markSourcePlaces?: boolean;
}

/**
 * Rewrites relative links between plan files (`../identity.mdx#token-lifecycle`) into
 * site URLs (`/plans/identity/#token-lifecycle`), honouring `base` and `trailingSlash`.
 * Only files inside the plans folder are touched; checking that targets exist is the
 * loader's job (it knows every plan), so a broken link is left as written here.
 */
export const remarkPlanLinks: Plugin<[PlanLinksOptions], Root> = (options) => (tree, file) => {
	if (!file.path) return;
	const pathInPlans = toPosix(relative(options.plansDir, file.path));
	if (pathInPlans.startsWith('../') || pathInPlans.startsWith('/')) return;
	visit(tree, (node) => {
		if (node.type !== 'link' && node.type !== 'definition') return;
		const link = resolvePlanLink(node.url, pathInPlans);
		if (!link?.targetPath) return;
		const id = planIdFromPath(link.targetPath);
		if (!id || link.targetPath.startsWith('../')) return;
		node.url = planUrl(id, options) + (link.anchor ? `#${encodeURIComponent(link.anchor)}` : '');
		if (options.markSourcePlaces && node.type === 'link' && node.position) {
			node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataSourcePlace: `${node.position.start.line}:${node.position.start.column}` } };
		}
	});
};
