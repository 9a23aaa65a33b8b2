import type { Nodes, Table, TableCell, TableRow } from 'mdast';

/**
 * The text of a table cell as a reader sees it: emphasis and code marks dropped, `<br>`
 * (how Markdown tables write line breaks) kept as a newline, other raw HTML dropped.
 */
export function cellText(cell: TableCell | undefined): string {
	if (!cell) return '';
	return inlineText(cell)
		.replace(/[ \t]+/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.trim();
}

function inlineText(node: Nodes): string {
	if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : '';
	if (node.type === 'break') return '\n';
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
	return '';
}

/**
 * Template placeholders and empty markers read as nothing, and the template's example
 * wording is unwrapped: `[e.g., PostgreSQL]` → `PostgreSQL`, `[16.x]` → `16.x`,
 * `-`, `—`, `N/A`, `____` → `''`.
 */
export function cleanValue(text: string): string {
	let value = text.trim();
	const bracketed = /^\[([^\]]*)\]$/.exec(value);
	if (bracketed) value = bracketed[1]!.trim();
	// `[REST | GraphQL | gRPC]` in a table row is split into cells by its pipes: `[REST`, `gRPC]`.
	else
		value = value
			.replace(/^\[(?=[^\]]*$)/, '')
			.replace(/^([^[]*)\]$/, '$1')
			.trim();
	value = value.replace(/^e\.g\.,?\s*/i, '').trim();
	if (/^(-+|—|–|n\/?a|_+|\.+|…)$/i.test(value)) return '';
	return value;
}

/** A row of a recognised table, its cells by the column names a reader knows it by. */
export interface TableRecord<Key extends string> {
	values: Partial<Record<Key, string>>;
	row: TableRow;
	line: number;
}

/** Header patterns of a table kind: which header names mean which field. */
export type ColumnPatterns<Key extends string> = Record<Key, RegExp>;

/**
 * Reads a table whose header names match the given patterns, in any order and case, with
 * extra columns ignored. Returns `undefined` unless every `required` column is present.
 * Each header cell is claimed by the first field whose pattern matches it.
 */
export function readTable<Key extends string>(
	table: Table,
	patterns: ColumnPatterns<Key>,
	required: readonly NoInfer<Key>[],
): TableRecord<Key>[] | undefined {
	const [, ...rows] = table.children;
	const names = headerNames(table);
	const columns = new Map<Key, number>();
	names.forEach((name, index) => {
		const key = (Object.keys(patterns) as Key[]).find(
			(candidate) => !columns.has(candidate) && patterns[candidate].test(name),
		);
		if (key) columns.set(key, index);
	});
	if (!required.every((key) => columns.has(key))) return undefined;
	return rows.map((row) => {
		const values: Partial<Record<Key, string>> = {};
		for (const [key, index] of columns) {
			const value = cleanValue(cellText(row.children[index]));
			if (value) values[key] = value;
		}
		return { values, row, line: row.position?.start.line ?? 1 };
	});
}

/** The header cells of a table as plain names: `**Cost (USD):**` → `Cost (USD)`. */
export function headerNames(table: Table): string[] {
	return (table.children[0]?.children ?? []).map((cell) =>
		cellText(cell).replace(/[*_:]/g, '').trim(),
	);
}

/** True when every cell of a record is empty: a template row nobody filled in. */
export function isEmptyRecord(record: TableRecord<string>): boolean {
	return Object.keys(record.values).length === 0;
}
