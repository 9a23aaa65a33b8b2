/**
 * Finds the boxes of a drawing from their corners, tolerating what real, often machine-written,
 * drawings do: a right or left edge that wanders a column or two from row to row, and a top
 * and bottom edge of different lengths.
 */
import { boxConnections, E, N, S, W } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import { type CellEditor, isCorner, isEdge, isVerticalBar, isVerticalStroke } from './cells.ts';

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
	/** Rows between top and bottom where a side has no stroke (only when gaps are looked for). */
	gaps: number[];
}

export interface FindOptions {
	/**
	 * Also find boxes whose sides miss a stroke on a few rows (at most {@link MAX_GAP} in a
	 * row, and on fewer than half of them): the boxes an author meant to close.
	 */
	gaps?: boolean;
}

/** The most rows in a row a side may miss when gaps are looked for. */
const MAX_GAP = 2;

/** Every box whose four corners are drawn and whose sides have a stroke near them on every row. */
export function findBoxes(grid: CellEditor, options: FindOptions = {}): Box[] {
	const boxes: Box[] = [];
	const budget = { rows: MAX_ROWS_WALKED };
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			if (!isCorner(grid.at(r, c), S, E)) continue;
			for (const right of topRightCorners(grid, r, c)) {
				if (budget.rows <= 0) return boxes;
				// A top edge can be shared (`├──┼──┤`): every box that closes under it is a box,
				// the one to the nearest tee and the one spanning the whole edge.
				const box = closeBox(grid, r, c, right, budget, options.gaps === true);
				if (box) boxes.push(box);
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
function closeBox(
	grid: CellEditor,
	top: number,
	left: number,
	right: number,
	budget: { rows: number },
	allowGaps: boolean,
): Box | null {
	const last = Math.min(grid.height - 1, top + MAX_BOX_HEIGHT);
	const lefts: number[] = [];
	const rights: number[] = [];
	const gaps: number[] = [];
	let leftAt = left;
	let rightAt = right;
	let gapRun = 0;
	for (let r = top + 1; r <= last; r++) {
		budget.rows--;
		// An edge right under the bottom of a box above belongs to the box below it, not to a flat box between.
		const flatUnderBox =
			r === top + 1 &&
			(isVerticalStroke(grid.at(top - 1, left)) || isVerticalStroke(grid.at(top - 1, right)));
		const bottom = flatUnderBox ? null : bottomEdge(grid, r, leftAt, rightAt);
		if (bottom) {
			// Most of a side missing is no side: two edges that happen to line up.
			if (gaps.length > 0 && gaps.length * 2 >= r - top - 1) return null;
			return {
				top,
				bottom: r,
				topLeft: left,
				topRight: right,
				bottomLeft: bottom[0],
				bottomRight: bottom[1],
				lefts,
				rights,
				gaps,
			};
		}
		const nextLeft = followSide(grid, r, leftAt, left, 1);
		const nextRight = followSide(grid, r, rightAt, right, -1);
		if (
			r === top + 1 &&
			(offStackedCorner(grid, top, left, nextLeft) || offStackedCorner(grid, top, right, nextRight))
		)
			return null;
		if (nextLeft < 0 || nextRight < 0) {
			if (!allowGaps || ++gapRun > MAX_GAP) return null;
			if (
				!gapAllowed(grid, r, leftAt, nextLeft, gapRun) ||
				!gapAllowed(grid, r, rightAt, nextRight, gapRun)
			)
				return null;
			gaps.push(r);
		} else {
			if (gapRun > 0 && (Math.abs(nextLeft - leftAt) > 1 || Math.abs(nextRight - rightAt) > 1))
				return null;
			gapRun = 0;
		}
		if (nextLeft >= 0) leftAt = nextLeft;
		if (nextRight >= 0) rightAt = nextRight;
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
function followSide(
	grid: CellEditor,
	r: number,
	previous: number,
	corner: number,
	inward: number,
): number {
	if (crossedAt(grid, r, previous)) return previous;
	let best = -1;
	const rank = (c: number): number[] => [Math.abs(c - previous), Math.abs(c - corner), -inward * c];
	const better = (a: number[], b: number[]): boolean =>
		a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
	for (let c = Math.min(previous, corner) - STRAY; c <= Math.max(previous, corner) + STRAY; c++) {
		const near = Math.abs(c - previous) <= STRAY || Math.abs(c - corner) <= STRAY;
		if (!near || Math.abs(c - corner) > MAX_DRIFT || !isVerticalStroke(grid.at(r, c))) continue;
		if (best < 0 || better(rank(c), rank(best))) best = c;
	}
	return best;
}

/**
 * A side may miss a row only where it was running straight down into the gap (a bar above it,
 * not a corner that turned away), and it must come back in the same column.
 */
function gapAllowed(
	grid: CellEditor,
	r: number,
	at: number,
	next: number,
	gapRun: number,
): boolean {
	return next >= 0 || gapRun > 1 || isVerticalBar(grid.at(r - 1, at));
}

/**
 * A corner with a line above it also ends a box above (or a line into it): the box below it,
 * if any, shares the edge, and its side starts right under the corner. Bars further off belong
 * to something else, such as the box around two stacked boxes.
 */
function offStackedCorner(grid: CellEditor, top: number, corner: number, side: number): boolean {
	// A box character says itself where its lines go (┤ runs on down); only an ASCII `+` leaves it open.
	if (boxConnections(grid.at(top, corner)) !== 0) return false;
	return side >= 0 && Math.abs(side - corner) > 1 && isVerticalStroke(grid.at(top - 1, corner));
}

/** A line drawn across the side (`|` over `-` over `|`): the side runs on under it. */
function crossedAt(grid: CellEditor, r: number, column: number): boolean {
	const cp = grid.at(r, column);
	return (
		isEdge(cp) &&
		!isVerticalStroke(cp) &&
		isVerticalStroke(grid.at(r - 1, column)) &&
		isVerticalStroke(grid.at(r + 1, column))
	);
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
		const found = [column - offset, column + offset].filter(
			(c) => isCorner(grid.at(r, c), N, horizontal) && blankBetween(grid, r, c, column),
		);
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
function bottomEdge(
	grid: CellEditor,
	r: number,
	left: number,
	right: number,
): [number, number] | null {
	const bottomLeft = bottomCorner(grid, r, left, -1);
	if (bottomLeft < 0) return null;
	const bottomRight = bottomCorner(grid, r, right, 1);
	if (bottomRight <= bottomLeft + 1) return null;
	for (let c = bottomLeft + 1; c < bottomRight; c++) if (!isEdge(grid.at(r, c))) return null;
	return [bottomLeft, bottomRight];
}
