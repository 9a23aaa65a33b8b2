import type { Link, LinkReference, Root } from 'mdast';
import { relative } from 'node:path';
import type { Plugin } from 'unified';
import { visitMdast } from '../parse/visit.ts';
import { resolvePlanLink } from '../parse/links.ts';
import { planIdFromPath, toPosix } from '../parse/paths.ts';
import { planUrl, type UrlOptions } from '../urls.ts';

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
	const definitionPlaces = new Map<string, string>();
	visitMdast(tree, (node) => {
		if (node.type !== 'link' && node.type !== 'definition') return;
		const link = resolvePlanLink(node.url, pathInPlans);
		if (!link) return;
		if (options.markSourcePlaces && node.position) {
			const place = `${node.position.start.line}:${node.position.start.column}`;
			if (node.type === 'link') markPlace(node, place);
			else definitionPlaces.set(node.identifier, place);
		}
		const id = link.targetPath && planIdFromPath(link.targetPath);
		if (!id || link.targetPath!.startsWith('../')) return;
		node.url = planUrl(id, options) + (link.anchor ? `#${encodeURIComponent(link.anchor)}` : '');
	});
	// A reference link is checked, and reported, where its definition is.
	if (definitionPlaces.size > 0) {
		visitMdast(tree, 'linkReference', (node) => {
			const place = definitionPlaces.get(node.identifier);
			if (place) markPlace(node, place);
		});
	}
};

function markPlace(node: Link | LinkReference, place: string): void {
	node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataSourcePlace: place } };
}
