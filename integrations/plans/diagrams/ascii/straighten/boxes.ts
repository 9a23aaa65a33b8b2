/**
 * Finds the boxes of a drawing from their corners, tolerating what real, often machine-written,
 * drawings do: a right or left edge that wanders a column or two from row to row, and a top
 * and bottom edge of different lengths.
 */
import { E, N, S, W } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import { type CellEditor, isCorner, isEdge, isVerticalStroke } from './cells.ts';

/** How far, in columns, a border may stray from its corner and still belong to the box. */
export const STRAY = 2;
/** Taller boxes are not looked for: this bounds the work on hostile input. */
const MAX_BOX_HEIGHT = 400;

export interface Box {
	top: number;
	bottom: number;
	/** Corner columns of the top edge and of the bottom edge, as drawn. */
	topLeft: number;
	topRight: number;
	bottomLeft: number;
	bottomRight: number;
}

/** Every box whose four corners are drawn and whose sides have a stroke near them on every row. */
export function findBoxes(grid: CellEditor): Box[] {
	const boxes: Box[] = [];
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			if (!isCorner(grid.at(r, c), S, E)) continue;
			for (const right of topRightCorners(grid, r, c)) {
				const box = closeBox(grid, r, c, right);
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
		if (c - left >= 2 && isCorner(cp, S, W)) corners.push(c);
		if (!isEdge(cp)) break;
	}
	return corners;
}

/** Walks down both sides from the top edge to the first bottom edge that matches it. */
function closeBox(grid: CellEditor, top: number, left: number, right: number): Box | null {
	const last = Math.min(grid.height - 1, top + MAX_BOX_HEIGHT);
	for (let r = top + 1; r <= last; r++) {
		const bottom = bottomEdge(grid, r, left, right);
		if (bottom) return { top, bottom: r, topLeft: left, topRight: right, bottomLeft: bottom[0], bottomRight: bottom[1] };
		if (!strokeNear(grid, r, left) || !strokeNear(grid, r, right)) return null;
	}
	return null;
}

function strokeNear(grid: CellEditor, r: number, column: number): boolean {
	for (let c = column - STRAY; c <= column + STRAY; c++) if (isVerticalStroke(grid.at(r, c))) return true;
	return false;
}

/**
 * The corner of a bottom edge on row `r` near `column`: on the column itself, or up to STRAY
 * columns away across blank cells only. A stroke on the column itself means the side runs on,
 * so the bottom of a box nested inside is never taken for this box's own.
 */
function bottomCorner(grid: CellEditor, r: number, column: number, horizontal: number): number {
	if (isCorner(grid.at(r, column), N, horizontal)) return column;
	if (grid.at(r, column) !== SPACE) return -1;
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
	const bottomLeft = bottomCorner(grid, r, left, E);
	if (bottomLeft < 0) return null;
	const bottomRight = bottomCorner(grid, r, right, W);
	if (bottomRight <= bottomLeft + 1) return null;
	for (let c = bottomLeft + 1; c < bottomRight; c++) if (!isEdge(grid.at(r, c))) return null;
	return [bottomLeft, bottomRight];
}
