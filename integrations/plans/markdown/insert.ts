import type { Element } from 'hast';
import type { Node, Paragraph, Parent, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/** Puts `nodes` right after `target`, wherever it sits (top level, in a list item, in a quote). */
export function insertAfter(tree: Root, target: Node, ...nodes: RootContent[]): void {
	visit(tree, (node, index, parent) => {
		if (node !== target || !parent || index === undefined) return;
		(parent as Parent).children.splice(index + 1, 0, ...(nodes as Parent['children']));
		return false;
	});
}

/** An mdast node that becomes the given hast element (how remark plugins emit finished HTML, MDX included). */
export function hastNode(element: Element): Paragraph {
	return {
		type: 'paragraph',
		children: [],
		data: { hName: element.tagName, hProperties: element.properties as Record<string, string>, hChildren: element.children },
	};
}
