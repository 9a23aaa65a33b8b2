import type { Nodes, Root, Table, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { placeInNode } from './place.ts';

/** Template text an author has not replaced yet, where it is in the file. */
export interface Placeholder {
	/** As written: `[Project Name]`, `TBD`, or `empty table` for a table with no content. */
	text: string;
	line: number;
	column: number;
}

/** A word in a table cell that says the cell is not filled in yet. */
const UNFINISHED_WORD = /\b(TBD|TBC|TODO|FIXME|XXX)\b/;

/**
 * The template's placeholders left in a plan: bracketed instructions in text (`[Project Name]`,
 * `[e.g., React]`, `[REST | GraphQL | gRPC]`, `[YYYY-MM-DD]`), `TBD`/`TODO`/`XXX` in table cells,
 * and tables whose every body cell is empty. One walk of its own, without unist-util-visit's
 * bookkeeping: it runs on every plan of every build.
 */
export function collectPlaceholders(tree: Root): Placeholder[] {
	const found: Placeholder[] = [];
	const walk = (node: Nodes, inCell: boolean): void => {
		if (node.type === 'text') {
			found.push(...bracketPlaceholders(node));
			const marker = inCell ? unfinishedWord(node) : undefined;
			if (marker) found.push(marker);
			return;
		}
		if (node.type === 'table' && node.position && isEmptyTable(node))
			found.push({
				text: 'empty table',
				line: node.position.start.line,
				column: node.position.start.column,
			});
		if ('children' in node)
			for (const child of node.children) walk(child, inCell || node.type === 'tableCell');
	};
	walk(tree, false);
	return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function isEmptyTable(table: Table): boolean {
	return table.children
		.slice(1)
		.every((row) => row.children.every((cell) => toString(cell).trim() === ''));
}

/**
 * Bracketed text that reads as an instruction, not as writing: several words (`[Project
 * Name]`), an example (`[e.g., React]`), choices (`[A | B]`) or a date format. One word in
 * brackets is left alone: `pip install foo[onnx]`, `[x]`, GitHub's `[!NOTE]`, `[rfcs#3838]`,
 * and so is a quotation (`saying "hey, … [Block future requests]"`): it shows what is written.
 */
function bracketPlaceholders(node: Text): Placeholder[] {
	const start = node.position?.start;
	if (!start || !node.value.includes('[')) return [];
	const found: Placeholder[] = [];
	for (const match of node.value.matchAll(/(^|[^\w\]])\[([^\]\n]{2,120})\](?![([])/g)) {
		const inside = match[2]!.trim();
		if (/^[!^]/.test(inside) || !/[a-z]/i.test(inside)) continue;
		const instruction =
			/^e\.\s?g\./i.test(inside) ||
			inside.includes(' | ') ||
			/^[YMDHhms]{2,4}([-/.:][YMDHhms]{2,4})+$/.test(inside) ||
			/\s/.test(inside);
		if (!instruction) continue;
		const offset = match.index + match[1]!.length;
		if (insideQuotes(node.value, offset)) continue;
		found.push({ text: `[${match[2]}]`, ...placeInNode(node, offset) });
	}
	return found;
}

/** Tells whether an offset of a text is inside a quotation that opens before it in the same text. */
function insideQuotes(value: string, offset: number): boolean {
	const before = value.slice(0, offset);
	const straight = (before.match(/"/g) ?? []).length % 2 === 1;
	return straight || before.lastIndexOf('“') > before.lastIndexOf('”');
}

function unfinishedWord(text: Text): Placeholder | undefined {
	const word = UNFINISHED_WORD.exec(text.value);
	return word && text.position ? { text: word[1]!, ...placeInNode(text, word.index) } : undefined;
}
