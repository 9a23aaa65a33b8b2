import type { Nodes } from 'mdast';

/** The line and column of `offset` in the text of a node that starts at its position. */
export function placeInNode(node: Nodes, offset: number): { line: number; column: number } {
	const start = node.position?.start ?? { line: 1, column: 1 };
	if (!('value' in node) || offset === 0) return { line: start.line, column: start.column };
	const before = node.value.slice(0, offset).split('\n');
	return {
		line: start.line + before.length - 1,
		column: before.length === 1 ? start.column + offset : before.at(-1)!.length + 1,
	};
}
