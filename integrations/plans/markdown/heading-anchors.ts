import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { SKIP, visitHast } from '../parse/visit.ts';

/**
 * Gives headings h2–h6 a shareable link, Starlight's accessible pattern: the heading is
 * wrapped, followed by a real `<a href="#id">` whose visually hidden text is
 * "Section titled …" (works without JavaScript). The page script adds a copy-link button
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
		const anchor = h('a', { className: ['anchor-link'], href: `#${id}`, dataPagefindIgnore: '' }, [
			h('span', { ariaHidden: 'true' }, '#'),
			h('span', { className: ['sr-only'] }, `Section titled “${text}”`),
		]);
		const wrapper: Element = h('div', { className: ['heading-wrapper', `level-h${rank}`] }, [
			node,
			anchor,
		] as ElementContent[]);
		parent.children[index] = wrapper;
		return SKIP;
	});
};
