/**
 * The state the classification passes share: what each cell of the grid has been found to be,
 * and the questions the passes ask about a cell and its neighbours.
 */
import { CARET, LOWER_V, UPPER_V } from '../chars.ts';
import { arm } from '../glyphs.ts';
import { CONTINUATION, type Grid, SPACE } from '../grid.ts';

export const BLANK = 0;
export const TEXT = 1;
export const LINE = 2;
export const ARROW = 3;

export { COLUMN_STEP, ROW_STEP } from '../glyphs.ts';

export {
	BACKSLASH_CHAR,
	EQUALS,
	GREATER_THAN,
	HYPHEN,
	LESS_THAN,
	PIPE,
	PLUS,
	SLASH_CHAR,
	STAR,
	UNDERSCORE_CHAR,
} from '../chars.ts';

export interface Drawing {
	readonly grid: Grid;
	/** BLANK, TEXT, LINE or ARROW per cell. */
	readonly kind: Uint8Array;
	/** Connection bits per cell (see glyphs.ts): arms, dashes, diagonals, extensions. */
	readonly connections: Uint32Array;
	/** Arrow code per cell (see arrowCode in glyphs.ts). */
	readonly arrow: Uint8Array;
}

/** Letters and digits (any script): a drawing character touching one is usually part of a word. */
export function isWordChar(cp: number): boolean {
	if (cp === CONTINUATION) return true;
	if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
	if (cp >= 0x2000 && cp <= 0x2bff) return false; // punctuation, arrows, box drawing, shapes
	return cp !== 0xa0 && cp !== 0x3000;
}

export class Canvas implements Drawing {
	readonly grid: Grid;
	readonly width: number;
	readonly height: number;
	readonly cells: Int32Array;
	readonly kind: Uint8Array;
	readonly connections: Uint32Array;
	readonly arrow: Uint8Array;
	/** Cells whose line arrives from the row above by a jog (see offsets.ts). */
	readonly jogged: Uint8Array;

	constructor(grid: Grid) {
		this.grid = grid;
		this.width = grid.width;
		this.height = grid.height;
		this.cells = grid.cells;
		const size = grid.width * grid.height;
		this.kind = new Uint8Array(size);
		this.connections = new Uint32Array(size);
		this.arrow = new Uint8Array(size);
		this.jogged = new Uint8Array(size);
	}

	get size(): number {
		return this.cells.length;
	}

	inside(r: number, c: number): boolean {
		return r >= 0 && r < this.height && c >= 0 && c < this.width;
	}

	/** The code point at (r, c); SPACE outside the grid. */
	codeAt(r: number, c: number): number {
		return this.inside(r, c) ? this.cells[r * this.width + c] : SPACE;
	}

	/** The kind of (r, c); BLANK outside the grid. */
	kindAt(r: number, c: number): number {
		return this.inside(r, c) ? this.kind[r * this.width + c] : BLANK;
	}

	/** Weight of the arm that the cell at (r, c) stretches in `dir`, if it is a line. */
	armAt(r: number, c: number, dir: number): number {
		return this.kindAt(r, c) === LINE ? arm(this.connections[r * this.width + c], dir) : 0;
	}

	/** A letter or digit right beside (r, c): the character there belongs to a word. */
	wordAround(r: number, c: number): boolean {
		return isWordChar(this.codeAt(r, c - 1)) || isWordChar(this.codeAt(r, c + 1));
	}

	/** `v` or `V` that is not part of a word: an arrowhead when a line runs down into it. */
	isDownHead(r: number, c: number): boolean {
		const cp = this.codeAt(r, c);
		return (cp === LOWER_V || cp === UPPER_V) && !this.wordAround(r, c);
	}

	/** `^` that is not part of a word: an arrowhead when a line runs up into it. */
	isUpHead(r: number, c: number): boolean {
		return this.codeAt(r, c) === CARET && !this.wordAround(r, c);
	}

	/** One row of code points, as a view. */
	row(r: number): Int32Array {
		return this.cells.subarray(r * this.width, (r + 1) * this.width);
	}
}

/** Every run of one repeated character on each row, for which `wanted` is true. */
export function forEachRun(
	canvas: Canvas,
	wanted: (cp: number) => boolean,
	visit: (r: number, start: number, end: number) => void,
): void {
	for (let r = 0; r < canvas.height; r++) {
		const row = r * canvas.width;
		let c = 0;
		while (c < canvas.width) {
			const cp = canvas.cells[row + c];
			if (!wanted(cp)) {
				c++;
				continue;
			}
			let end = c + 1;
			while (end < canvas.width && canvas.cells[row + end] === cp) end++;
			visit(r, c, end);
			c = end;
		}
	}
}
