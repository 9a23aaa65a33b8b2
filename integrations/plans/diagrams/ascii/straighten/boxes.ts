/**
 * Finds the boxes of a drawing from their corners, tolerating what real, often machine-written,
 * drawings do: a right or left edge that wanders a column or two from row to row, and a top
 * and bottom edge of different lengths.
 */
import { E, N, S, W } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import { type CellEditor, isCorner, isEdge, isVerticalStroke } from './cells.ts';

/** How far, in columns, a side may stray from one row to the next and still be the same side. */
export const STRAY = 3;
/** How far a side may wander from its corner over the height of the box. */
const MAX_DRIFT = 8;
/** Taller boxes are not looked for: this bounds the work on hostile input. */
const MAX_BOX_HEIGHT = 400;
/** Rows walked in all, over every corner tried: past this, the remaining boxes are left as drawn. */
const MAX_ROWS_WALKED = 1_000_000;
/** Top edges are tried against this many right corners at most (`┬` and `+` can end a top edge). */
const MAX_RIGHT_CORNERS = 8;

export interface Box {
	top: number;
	bottom: number;
	/** Corner columns of the top edge and of the bottom edge, as drawn. */
	topLeft: number;
	topRight: number;
	bottomLeft: number;
	bottomRight: number;
	/** Where the left and right sides were found on each row between top and bottom. */
	lefts: number[];
	rights: number[];
}

/** Every box whose four corners are drawn and whose sides have a stroke near them on every row. */
export function findBoxes(grid: CellEditor): Box[] {
	const boxes: Box[] = [];
	const budget = { rows: MAX_ROWS_WALKED };
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			if (!isCorner(grid.at(r, c), S, E)) continue;
			for (const right of topRightCorners(grid, r, c)) {
				if (budget.rows <= 0) return boxes;
				const box = closeBox(grid, r, c, right, budget);
				if (box) {
					boxes.push(box);
					break;
				}
			}
		}
	}
	return boxes;
}

/** Columns where the top edge starting at (r, left) could turn down, nearest first. */
function topRightCorners(grid: CellEditor, r: number, left: number): number[] {
	const corners: number[] = [];
	for (let c = left + 1; c < grid.width; c++) {
		const cp = grid.at(r, c);
		if (c - left >= 2 && isCorner(cp, S, W) && corners.push(c) === MAX_RIGHT_CORNERS) break;
		if (!isEdge(cp)) break;
	}
	return corners;
}

/**
 * Walks down both sides from the top edge, following each as it wanders, to the first bottom
 * edge that meets them.
 */
function closeBox(grid: CellEditor, top: number, left: number, right: number, budget: { rows: number }): Box | null {
	const last = Math.min(grid.height - 1, top + MAX_BOX_HEIGHT);
	const lefts: number[] = [];
	const rights: number[] = [];
	let leftAt = left;
	let rightAt = right;
	for (let r = top + 1; r <= last; r++) {
		budget.rows--;
		const bottom = bottomEdge(grid, r, leftAt, rightAt);
		if (bottom) {
			return { top, bottom: r, topLeft: left, topRight: right, bottomLeft: bottom[0], bottomRight: bottom[1], lefts, rights };
		}
		leftAt = followSide(grid, r, leftAt, left, 1);
		rightAt = followSide(grid, r, rightAt, right, -1);
		if (leftAt < 0 || rightAt < 0) return null;
		lefts.push(leftAt);
		rights.push(rightAt);
	}
	return null;
}

/**
 * The column of the side on row `r`: a vertical stroke at most STRAY from where it was on the
 * row above or from its corner, and within MAX_DRIFT of the corner. Nearest to the row above
 * wins, then nearest to the corner, then the one further into the box, since the side of an
 * enclosing box lies outside. -1 when there is none.
 */
function followSide(grid: CellEditor, r: number, previous: number, corner: number, inward: number): number {
	let best = -1;
	const rank = (c: number): number[] => [Math.abs(c - previous), Math.abs(c - corner), -inward * c];
	const better = (a: number[], b: number[]): boolean => a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
	for (let c = Math.min(previous, corner) - STRAY; c <= Math.max(previous, corner) + STRAY; c++) {
		const near = Math.abs(c - previous) <= STRAY || Math.abs(c - corner) <= STRAY;
		if (!near || Math.abs(c - corner) > MAX_DRIFT || !isVerticalStroke(grid.at(r, c))) continue;
		if (best < 0 || better(rank(c), rank(best))) best = c;
	}
	return best;
}

/**
 * The corner of a bottom edge on row `r` near `column`, where the side was last seen: on the
 * column itself; further out along the edge when the side drifted inward; or up to STRAY
 * columns away across blank cells. A vertical stroke on the column means the side runs on,
 * so the bottom of a box nested inside is never taken for this box's own.
 */
function bottomCorner(grid: CellEditor, r: number, column: number, outward: number): number {
	const horizontal = outward > 0 ? W : E;
	const cp = grid.at(r, column);
	if (isCorner(cp, N, horizontal)) return column;
	if (isEdge(cp) && !isVerticalStroke(cp)) {
		for (let c = column + outward; Math.abs(c - column) <= MAX_DRIFT; c += outward) {
			if (isCorner(grid.at(r, c), N, horizontal)) return c;
			if (!isEdge(grid.at(r, c))) break;
		}
		return -1;
	}
	if (cp !== SPACE) return -1;
	for (let offset = 1; offset <= STRAY; offset++) {
		const found = [column - offset, column + offset].filter((c) => isCorner(grid.at(r, c), N, horizontal) && blankBetween(grid, r, c, column));
		if (found.length === 1) return found[0];
		if (found.length > 1) return -1;
	}
	return -1;
}

function blankBetween(grid: CellEditor, r: number, from: number, to: number): boolean {
	const step = to > from ? 1 : -1;
	for (let c = from + step; c !== to; c += step) if (grid.at(r, c) !== SPACE) return false;
	return true;
}

/** When row `r` closes the box: the columns of its bottom corners, joined by an edge. */
function bottomEdge(grid: CellEditor, r: number, left: number, right: number): [number, number] | null {
	const bottomLeft = bottomCorner(grid, r, left, -1);
	if (bottomLeft < 0) return null;
	const bottomRight = bottomCorner(grid, r, right, 1);
	if (bottomRight <= bottomLeft + 1) return null;
	for (let c = bottomLeft + 1; c < bottomRight; c++) if (!isEdge(grid.at(r, c))) return null;
	return [bottomLeft, bottomRight];
}
