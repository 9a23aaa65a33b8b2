import type { Root } from 'mdast';

/** Node types, values, attributes and start/end lines of a tree, to compare two parsers' trees; `data` is parser bookkeeping. */
export function mdastShape(node: Root | Root['children'][number]): unknown {
	const { position, data: _data, children, ...fields } = node as Root & { data?: unknown };
	const sorted = Object.fromEntries(
		Object.entries(fields)
			.filter(([, value]) => value !== undefined && value !== null)
			.sort(([a], [b]) => a.localeCompare(b)),
	);
	return {
		...sorted,
		lines: [position?.start.line, position?.end.line],
		children: children?.map(mdastShape),
	};
}
