/**
 * What a cell holds before classification, read from its code point alone, and a copy of a
 * grid that the straightening passes can edit.
 */
import { CLOSE_BRACKET, EQUALS, HYPHEN, OPEN_BRACKET, PIPE, PLUS, STAR } from '../chars.ts';
import { arm, boxConnections, E, N, S, unicodeArrow, W } from '../glyphs.ts';
import { type Grid, SPACE } from '../grid.ts';

export { EQUALS, HYPHEN, PIPE, PLUS } from '../chars.ts';

const hasArm = (cp: number, dir: number): boolean => arm(boxConnections(cp), dir) !== 0;

/** `│ ┃ ║ ╎ |`: a stroke that only runs up and down, the one kind of cell that is ever moved sideways. */
export function isVerticalBar(cp: number): boolean {
	if (cp === PIPE) return true;
	return hasArm(cp, N) && hasArm(cp, S) && !hasArm(cp, E) && !hasArm(cp, W);
}

/** Anything a vertical line can pass through or end on: `│ ┼ ┐ | + *`. */
export function isVerticalStroke(cp: number): boolean {
	return cp === PIPE || cp === PLUS || cp === STAR || hasArm(cp, N) || hasArm(cp, S);
}

/** Anything a horizontal line can pass through or end on: `─ ┴ ═ - = +`. */
export function isHorizontalStroke(cp: number): boolean {
	return cp === HYPHEN || cp === EQUALS || cp === PLUS || hasArm(cp, E) || hasArm(cp, W);
}

/** Reaches both `vertical` and `horizontal` (N or S, E or W): a box corner such as ┌ for S and E, or an ASCII `+`. */
export function isCorner(cp: number, vertical: number, horizontal: number): boolean {
	return cp === PLUS || (hasArm(cp, vertical) && hasArm(cp, horizontal));
}

/** A cell of a box's top or bottom edge: a horizontal stroke, or an arrowhead set into the edge (──▼──). */
export function isEdge(cp: number): boolean {
	return (
		(hasArm(cp, E) && hasArm(cp, W)) ||
		cp === HYPHEN ||
		cp === EQUALS ||
		cp === PLUS ||
		unicodeArrow(cp) !== 0
	);
}

/**
 * True when column `c` of a row sits between `[` and `]` with nothing drawn between: the ▼ of
 * a `[birthDate ▼]` field is writing, not an arrowhead.
 */
export function insideBrackets(row: ArrayLike<number>, c: number): boolean {
	const blocks = (cp: number): boolean => cp === PIPE || boxConnections(cp) !== 0;
	const find = (step: number, wanted: number, other: number): boolean => {
		for (let k = c + step; k >= 0 && k < row.length; k += step) {
			const cp = row[k];
			if (cp === wanted) return true;
			if (cp === other || blocks(cp)) return false;
		}
		return false;
	};
	return find(-1, OPEN_BRACKET, CLOSE_BRACKET) && find(1, CLOSE_BRACKET, OPEN_BRACKET);
}

/** A copy of a grid's cells that passes can read and rewrite; cells with marks are never touched. */
export class CellEditor {
	readonly width: number;
	readonly height: number;
	private readonly grid: Grid;
	private readonly cells: Int32Array;

	constructor(grid: Grid) {
		this.grid = grid;
		this.width = grid.width;
		this.height = grid.height;
		this.cells = grid.cells.slice();
	}

	/** The code point at (r, c); SPACE outside the grid. */
	at(r: number, c: number): number {
		return r < 0 || r >= this.height || c < 0 || c >= this.width
			? SPACE
			: this.cells[r * this.width + c];
	}

	/** One row, as a view the caller must not keep past the next edit. */
	row(r: number): Int32Array {
		return this.cells.subarray(r * this.width, (r + 1) * this.width);
	}

	/** False for cells outside the grid and cells that carry marks (accents, emoji selectors). */
	editable(r: number, c: number): boolean {
		if (r < 0 || r >= this.height || c < 0 || c >= this.width) return false;
		return !this.grid.marks?.has(r * this.width + c);
	}

	set(r: number, c: number, cp: number): void {
		this.cells[r * this.width + c] = cp;
	}

	isBlank(r: number, c: number): boolean {
		return this.editable(r, c) && this.at(r, c) === SPACE;
	}

	toGrid(): Grid {
		return { ...this.grid, cells: this.cells };
	}
}
