import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { SKIP, visitHast } from '../parse/visit.ts';

/**
 * Gives headings h2–h6 a shareable link, Starlight's accessible pattern: the heading is
 * wrapped, followed by a real `<a href="#id">` named "Section titled …" (works without
 * JavaScript). The name is its `aria-label` and the `#` is drawn by CSS: a hidden span of
 * text per heading weighed more than the heading. The page script adds a copy-link button
 * after each such link: a page without JavaScript carries none.
 */
export const rehypeHeadingAnchors: Plugin<[], Root> = () => (tree) => {
	visitHast(tree, 'element', (node, index, parent) => {
		const rank = headingRank(node);
		if (
			!rank ||
			rank < 2 ||
			!parent ||
			index === undefined ||
			typeof node.properties.id !== 'string'
		)
			return;
		// remark-rehype's visually hidden "Footnotes" heading is not a section to share.
		if ((node.properties.className as string[] | undefined)?.includes('sr-only')) return;
		const id = node.properties.id;
		const text = toString(node).trim();
		const anchor = h('a', {
			className: ['anchor-link'],
			href: `#${id}`,
			ariaLabel: `Section titled “${text}”`,
		});
		const wrapper: Element = h('div', { className: ['heading-wrapper', `level-h${rank}`] }, [
			node,
			anchor,
		] as ElementContent[]);
		parent.children[index] = wrapper;
		return SKIP;
	});
};
