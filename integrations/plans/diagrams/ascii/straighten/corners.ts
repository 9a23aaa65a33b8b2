/**
 * Decides the column each side of a box is drawn at, and moves the corners there: the shorter
 * of the top and bottom edges grows to the longer one's corner, and both grow when the writing
 * inside a row reaches the corner column, so the side can pass outside it.
 */
import { arm, boxConnections, E, N, S, unicodeArrow, W } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import type { Box } from './boxes.ts';
import { type CellEditor, isEdge, isVerticalBar, PIPE } from './cells.ts';

export type SideName = 'left' | 'right';

/** How far out a side moves to clear the writing inside its box. */
const MAX_WIDENING = 2;

/** The column the side is drawn at, its corners moved there; -1 when they cannot be lined up. */
export function sideColumn(grid: CellEditor, box: Box, side: SideName): number {
	const column = alignCorners(grid, box, side);
	return column < 0 ? column : widenForWriting(grid, box, side, column);
}

/** After extending the shorter edge to the longer one's corner; -1 when it cannot grow. */
function alignCorners(grid: CellEditor, box: Box, side: SideName): number {
	const [top, bottom] =
		side === 'left' ? [box.topLeft, box.bottomLeft] : [box.topRight, box.bottomRight];
	if (top === bottom) return top;
	const outer = side === 'left' ? Math.min(top, bottom) : Math.max(top, bottom);
	const [row, from] = outer === top ? [box.bottom, bottom] : [box.top, top];
	if (!canExtendEdge(grid, row, from, outer)) return -1;
	extendEdge(grid, row, from, outer);
	return outer;
}

/**
 * `│ LLM-Observatory│` under a corner one column further in: the writing fills the corner
 * column, so the bar was typed outside it. The side moves out to that bar, top and bottom
 * edges with it, rather than leaving a notch.
 */
function widenForWriting(grid: CellEditor, box: Box, side: SideName, column: number): number {
	const outward = side === 'left' ? -1 : 1;
	const found = side === 'left' ? box.lefts : box.rights;
	let wanted = column;
	found.forEach((c, index) => {
		const r = box.top + 1 + index;
		const offset = (c - column) * outward;
		if (offset < 1 || offset > MAX_WIDENING || !isVerticalBar(grid.at(r, c))) return;
		if (isWriting(grid.at(r, column)) && offset > (wanted - column) * outward) wanted = c;
	});
	if (wanted === column || innerBoxSide(grid, box, wanted, outward)) return column;
	if (
		!canExtendEdge(grid, box.top, column, wanted) ||
		!canExtendEdge(grid, box.bottom, column, wanted)
	)
		return column;
	extendEdge(grid, box.top, column, wanted);
	extendEdge(grid, box.bottom, column, wanted);
	return wanted;
}

/**
 * The bars at `column` are the side of a box drawn inside this one (they turn inward at a
 * corner between its top and bottom): that box overhangs this one's side, and the side stays.
 */
function innerBoxSide(grid: CellEditor, box: Box, column: number, outward: number): boolean {
	const [inward, away] = outward > 0 ? [W, E] : [E, W];
	for (let r = box.top + 1; r < box.bottom; r++) {
		const bits = boxConnections(grid.at(r, column));
		if (
			arm(bits, inward) !== 0 &&
			arm(bits, away) === 0 &&
			(arm(bits, N) === 0 || arm(bits, S) === 0)
		)
			return true;
	}
	return false;
}

function isWriting(cp: number): boolean {
	return cp !== SPACE && cp !== PIPE && boxConnections(cp) === 0;
}

function canExtendEdge(grid: CellEditor, r: number, from: number, to: number): boolean {
	const step = to > from ? 1 : -1;
	for (let c = from + step; c !== to + step; c += step) if (!grid.isBlank(r, c)) return false;
	return grid.editable(r, from);
}

/** Moves the corner at (r, from) out to `to` and fills the gap with the edge's own stroke. */
function extendEdge(grid: CellEditor, r: number, from: number, to: number): void {
	const step = to > from ? 1 : -1;
	const inner = grid.at(r, from - step);
	const fill = isEdge(inner) && unicodeArrow(inner) === 0 ? inner : 0x2500;
	grid.set(r, to, grid.at(r, from));
	for (let c = from; c !== to; c += step) grid.set(r, c, fill);
}
