import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { visitHast } from '../parse/visit.ts';

/**
 * Extracted table rows and list items (costs, risks, milestones, questions, terms …) get the
 * same shareable link as headings: a `#` link in their first cell (the `#` drawn by CSS, the
 * name in `aria-label`), after which the page script adds a copy-link button. The ids come from the plan data, so an index links to exactly this row.
 */
export const rehypeRowAnchors: Plugin<[], Root> = () => (tree) => {
	visitHast(tree, 'element', (node) => {
		const classes = node.properties.className;
		if (
			!Array.isArray(classes) ||
			!classes.includes('fact-row') ||
			typeof node.properties.id !== 'string'
		)
			return;
		const id = node.properties.id;
		const { holder, index } = placeFor(node);
		if (!holder) return;
		// The holder's own text: for an item without a paragraph, only what comes before its sub-list.
		const named =
			index === undefined ? holder : { ...holder, children: holder.children.slice(0, index) };
		const name = toString(named).trim().replace(/\s+/g, ' ').slice(0, 80);
		holder.children.splice(
			index ?? holder.children.length,
			0,
			h('a', {
				className: ['row-anchor'],
				href: `#${id}`,
				ariaLabel: `Link to “${name}”`,
			}),
		);
	});
};

/** A row's link goes at the end of its first cell; an item's at the end of its own text, before any sub-list. */
function placeFor(node: Element): { holder?: Element; index?: number } {
	const elements = node.children.filter((child): child is Element => child.type === 'element');
	if (node.tagName === 'tr')
		return { holder: elements.find((child) => child.tagName === 'td' || child.tagName === 'th') };
	const paragraph = elements.find((child) => child.tagName === 'p');
	if (paragraph) return { holder: paragraph };
	const subList = node.children.findIndex(
		(child) => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'),
	);
	return { holder: node, index: subList === -1 ? undefined : subList };
}
