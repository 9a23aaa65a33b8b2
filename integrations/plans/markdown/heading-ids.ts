import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { collectHeadings } from '../parse/headings.ts';

/**
 * Sets GitHub's id on every heading at the mdast stage, with the same function the loader
 * uses for the table of contents and link checks, so the two can never disagree.
 * Later id plugins (rehype-slug, Astro's own) keep ids that are already there.
 */
export const remarkHeadingIds: Plugin<[], Root> = () => (tree) => {
	for (const { node, id } of collectHeadings(tree)) {
		node.data ??= {};
		node.data.hProperties = { ...node.data.hProperties, id };
	}
};
