/**
 * Text → grid of cells. Every cell holds one code point; a wide character fills its own cell
 * and a continuation cell after it, so columns count the way the author saw them in an editor.
 */
import { codePointWidth, EMOJI_PRESENTATION_SELECTOR } from './width.ts';

export const SPACE = 0x20;
/** Second cell of a two-cell character. */
export const CONTINUATION = -1;
const REPLACEMENT = 0xfffd;
const FORMAT = /\p{Cf}/u;
const TAB_STOP = 8;

export interface Grid {
	readonly width: number;
	readonly height: number;
	/** Code point per cell, row-major; SPACE for blanks, CONTINUATION after a wide character. */
	readonly cells: Int32Array;
	/**
	 * Zero-width marks (combining accents, variation selectors, joiners) that follow a cell's
	 * character, keyed by cell index. Kept so text comes out exactly as written. Null when none.
	 */
	readonly marks: Map<number, string> | null;
	/** Lines of the text above the first row (the blank lines dropped), so rows map back to lines. */
	readonly firstLine: number;
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; reason: string };

export interface GridLimits {
	maxColumns: number;
	maxRows: number;
}

interface Row {
	cps: number[];
	marks: Map<number, string> | null;
}

/** Code points that XML cannot carry (lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlSafe(cp: number): number {
	if (cp >= 0xd800 && cp <= 0xdfff) return REPLACEMENT;
	if ((cp & 0xfffe) === 0xfffe) return REPLACEMENT;
	return cp;
}

/** One line of text as cells; stops early once something visible lies past `maxColumns`. */
function parseRow(line: string, maxColumns: number): Row {
	const cps: number[] = [];
	let marks: Map<number, string> | null = null;
	for (let i = 0; i < line.length; i++) {
		if (cps.length > maxColumns && cps[cps.length - 1] !== SPACE) break;
		let cp = line.codePointAt(i) as number;
		if (cp > 0xffff) i++;
		if (cp === 0x09) {
			const stop = (Math.floor(cps.length / TAB_STOP) + 1) * TAB_STOP;
			while (cps.length < stop) cps.push(SPACE);
			continue;
		}
		cp = xmlSafe(cp);
		const width = codePointWidth(cp);
		if (width === 0) {
			// Controls carry nothing visible; marks belong to the character before them.
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
			let base = cps.length - 1;
			if (base >= 0 && cps[base] === CONTINUATION) base--;
			if (base < 0 || cps[base] === SPACE) {
				// Nothing to attach to: an invisible format character (BOM, direction mark) would
				// only shift the row; a combining mark is kept visible as a character of its own.
				if (!FORMAT.test(String.fromCodePoint(cp))) cps.push(cp);
				continue;
			}
			marks ??= new Map();
			marks.set(base, (marks.get(base) ?? '') + String.fromCodePoint(cp));
			// An emoji presentation selector widens a one-cell symbol (✍️, ⚠️) to two cells.
			if (cp === EMOJI_PRESENTATION_SELECTOR && base === cps.length - 1) cps.push(CONTINUATION);
			continue;
		}
		cps.push(cp);
		if (width === 2) cps.push(CONTINUATION);
	}
	// Trailing whitespace is invisible and would only widen the picture.
	let end = cps.length;
	while (end > 0 && cps[end - 1] === SPACE) end--;
	cps.length = end;
	return { cps, marks };
}

/** Splits on any newline, expands tabs, drops blank lines at both ends. Never throws. */
export function parseGrid(text: string, limits: GridLimits): GridResult {
	const lines = text.split(/\r\n|\r|\n/);
	let first = 0;
	let last = lines.length - 1;
	while (first <= last && lines[first].trim() === '') first++;
	while (last >= first && lines[last].trim() === '') last--;
	const height = last - first + 1;
	if (height <= 0) return { ok: false, reason: 'the diagram is empty' };
	if (height > limits.maxRows)
		return { ok: false, reason: `the diagram has ${height} lines (limit ${limits.maxRows})` };

	const rows: Row[] = [];
	let width = 0;
	for (let r = first; r <= last; r++) {
		// Cheap guard before the per-character work: a row can never be narrower than half its UTF-16 length.
		if (lines[r].length > limits.maxColumns * 2 + 16 && !lines[r].includes('\t')) {
			return {
				ok: false,
				reason: `line ${r - first + 1} is wider than ${limits.maxColumns} columns`,
			};
		}
		const row = parseRow(lines[r], limits.maxColumns);
		if (row.cps.length > limits.maxColumns) {
			return {
				ok: false,
				reason: `line ${r - first + 1} is ${row.cps.length} columns wide (limit ${limits.maxColumns})`,
			};
		}
		if (row.cps.length > width) width = row.cps.length;
		rows.push(row);
	}
	if (width === 0) return { ok: false, reason: 'the diagram is empty' };

	const cells = new Int32Array(width * height).fill(SPACE);
	let marks: Map<number, string> | null = null;
	for (let r = 0; r < height; r++) {
		const row = rows[r];
		const offset = r * width;
		for (let c = 0; c < row.cps.length; c++) cells[offset + c] = row.cps[c];
		if (row.marks) {
			marks ??= new Map();
			for (const [c, mark] of row.marks) marks.set(offset + c, mark);
		}
	}
	return { ok: true, grid: { width, height, cells, marks, firstLine: first } };
}

/** The characters a cell shows: its code point plus any marks; '' for a continuation cell. */
export function cellText(grid: Grid, index: number): string {
	const cp = grid.cells[index];
	if (cp === CONTINUATION) return '';
	const mark = grid.marks?.get(index);
	const ch = String.fromCodePoint(cp);
	return mark === undefined ? ch : ch + mark;
}

/**
 * Where a grid column starts in the line of text it was read from, as a UTF-16 index: columns
 * count cells (a tab runs to the next stop, a wide character fills two), text counts characters.
 */
export function textIndexOfColumn(line: string, column: number): number {
	let cells = 0;
	let index = 0;
	while (index < line.length && cells < column) {
		const cp = line.codePointAt(index) as number;
		cells =
			cp === 0x09 ? (Math.floor(cells / TAB_STOP) + 1) * TAB_STOP : cells + codePointWidth(cp);
		index += cp > 0xffff ? 2 : 1;
	}
	return index;
}
