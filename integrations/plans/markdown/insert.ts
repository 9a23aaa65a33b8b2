import type { Element } from 'hast';
import type { Node, Paragraph, Parent, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { parentOf } from '../parse/sections.ts';

/** Puts `nodes` right after `target`, wherever it sits (top level, in a list item, in a quote). */
export function insertAfter(tree: Root, target: Node, ...nodes: RootContent[]): void {
	// The facts were read with a section index that knows every node's parent: no tree walk here.
	const parent = parentOf(tree, target);
	const index = parent ? parent.children.indexOf(target as Parent['children'][number]) : -1;
	if (!parent || index === -1) return;
	parent.children.splice(index + 1, 0, ...(nodes as Parent['children']));
}

/** An mdast node that becomes the given hast element (how remark plugins emit finished HTML, MDX included). */
export function hastNode(element: Element): Paragraph {
	return {
		type: 'paragraph',
		children: [],
		data: {
			hName: element.tagName,
			hProperties: element.properties as Record<string, string>,
			hChildren: element.children,
		},
	};
}
