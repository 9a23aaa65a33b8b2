import type { Root, TableCell, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { EXIT, visit } from 'unist-util-visit';

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
 * and tables whose every body cell is empty.
 */
export function collectPlaceholders(tree: Root): Placeholder[] {
	const found: Placeholder[] = [];
	visit(tree, (node) => {
		if (node.type === 'text') found.push(...bracketPlaceholders(node));
		else if (node.type === 'tableCell') {
			const marker = unfinishedCell(node);
			if (marker) found.push(marker);
		} else if (node.type === 'table') {
			const body = node.children.slice(1);
			const empty = body.every((row) => row.children.every((cell) => toString(cell).trim() === ''));
			if (empty && node.position) found.push({ text: 'empty table', line: node.position.start.line, column: node.position.start.column });
		}
	});
	return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Bracketed text that reads as an instruction, not as writing: several words (`[Project
 * Name]`), an example (`[e.g., React]`), choices (`[A | B]`) or a date format. One word in
 * brackets is left alone: `pip install foo[onnx]`, `[x]`, GitHub's `[!NOTE]`, `[rfcs#3838]`.
 */
function bracketPlaceholders(node: Text): Placeholder[] {
	const start = node.position?.start;
	if (!start || !node.value.includes('[')) return [];
	const found: Placeholder[] = [];
	for (const match of node.value.matchAll(/(^|[^\w\]])\[([^\]\n]{2,120})\](?![([])/g)) {
		const inside = match[2]!.trim();
		if (/^[!^]/.test(inside) || !/[a-z]/i.test(inside)) continue;
		const instruction = /^e\.\s?g\./i.test(inside) || inside.includes(' | ') || /^[YMDHhms]{2,4}([-/.:][YMDHhms]{2,4})+$/.test(inside) || /\s/.test(inside);
		if (!instruction) continue;
		const offset = match.index + match[1]!.length;
		found.push({ text: `[${match[2]}]`, ...placeAt(node.value, offset, start) });
	}
	return found;
}

function unfinishedCell(cell: TableCell): Placeholder | undefined {
	let found: Placeholder | undefined;
	visit(cell, 'text', (text) => {
		const word = UNFINISHED_WORD.exec(text.value);
		if (!word || !text.position) return;
		found = { text: word[1]!, ...placeAt(text.value, word.index, text.position.start) };
		return EXIT;
	});
	return found;
}

/** Line and column of `offset` in a text node that starts at `start` (text nodes may span lines). */
function placeAt(value: string, offset: number, start: { line: number; column: number }): { line: number; column: number } {
	const before = value.slice(0, offset);
	const newlines = before.split('\n').length - 1;
	return newlines === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + newlines, column: offset - before.lastIndexOf('\n') };
}
