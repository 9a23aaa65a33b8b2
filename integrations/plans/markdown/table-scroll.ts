import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { SKIP, visitHast } from '../parse/visit.ts';

/**
 * Wide tables scroll sideways inside their own box instead of widening the page. The plan
 * page's script makes the box of a table that does scroll focusable (`markScrollingTables`).
 */
export const rehypeTableScroll: Plugin<[], Root> = () => (tree) => {
	visitHast(tree, 'element', (node, index, parent) => {
		if (node.tagName !== 'table' || !parent || index === undefined) return;
		if (
			parent.type === 'element' &&
			(parent.properties.className as string[] | undefined)?.includes('table-scroll')
		)
			return;
		parent.children[index] = h('div', { className: ['table-scroll'] }, [node]);
		return SKIP;
	});
};
