/**
 * Closes ragged boxes: each side gets one column (see corners.ts) and every bar of that side,
 * found by following it down the box, is moved onto it. A bar moves only onto a blank cell (or
 * one another bar is leaving) and only across blanks and bars, so no stroke or text is ever
 * covered, and text itself never moves.
 */
import { SPACE } from '../grid.ts';
import { findBoxes, STRAY } from './boxes.ts';
import { unicodeArrow } from '../glyphs.ts';
import { type CellEditor, isHorizontalStroke, isVerticalBar, isVerticalStroke } from './cells.ts';
import { sideColumn } from './corners.ts';
import { pairInOrder, type Side } from './pair.ts';

export function closeRaggedBoxes(grid: CellEditor): void {
	const sidesByRow = new Map<number, Map<number, number>>();
	const addSide = (r: number, column: number, found: number): void => {
		if (column < 0) return;
		let sides = sidesByRow.get(r);
		if (!sides) sidesByRow.set(r, (sides = new Map()));
		// A column of slack: where a side was followed is a guess when boxes nest tightly.
		const reach = Math.max(STRAY, Math.abs(found - column) + 1);
		sides.set(column, Math.max(reach, sides.get(column) ?? 0));
	};
	for (const box of findBoxes(grid)) {
		const left = sideColumn(grid, box, 'left');
		const right = sideColumn(grid, box, 'right');
		for (let r = box.top + 1; r < box.bottom; r++) {
			addSide(r, left, box.lefts[r - box.top - 1]);
			addSide(r, right, box.rights[r - box.top - 1]);
		}
	}
	for (const [r, sides] of sidesByRow) {
		const sorted = [...sides]
			.map(([column, reach]) => ({ column, reach }))
			.sort((a, b) => a.column - b.column);
		snapBars(grid, r, sorted);
	}
}

/** Moves the bars of row `r` onto the side columns they pair with. */
function snapBars(grid: CellEditor, r: number, sides: Side[]): void {
	const near = (c: number): boolean =>
		sides.some((side) => Math.abs(side.column - c) <= side.reach);
	const bars: number[] = [];
	for (let c = 0; c < grid.width; c++)
		if (isVerticalBar(grid.at(r, c)) && grid.editable(r, c) && near(c)) bars.push(c);
	const targets = pairInOrder(sides, bars);
	const moves = new Map<number, number>();
	bars.forEach((from, k) => {
		if (targets[k] >= 0 && targets[k] !== from) moves.set(from, targets[k]);
	});
	moveTogether(grid, r, moves);
}

/**
 * Applies moves within one row as one step: a bar may move onto a cell another bar leaves, and
 * across blank cells and other bars, never across writing. A move onto anything else is
 * dropped, and so is every move that needed the cell it would free.
 */
function moveTogether(grid: CellEditor, r: number, moves: Map<number, number>): void {
	const blocked = new Set<number>();
	for (const [from, to] of moves) if (!clearBetween(grid, r, from, to)) blocked.add(from);
	for (let changed = true; changed;) {
		changed = false;
		for (const [from, to] of moves) {
			if (blocked.has(from)) continue;
			const leaving = moves.has(to) && !blocked.has(to);
			if (!grid.isBlank(r, to) && !leaving) {
				blocked.add(from);
				changed = true;
			}
		}
	}
	const carried = new Map<number, number>();
	for (const [from, to] of moves) if (!blocked.has(from)) carried.set(to, grid.at(r, from));
	for (const [from] of moves) if (!blocked.has(from)) grid.set(r, from, SPACE);
	for (const [to, cp] of carried) grid.set(r, to, cp);
	for (const [from, to] of moves) if (!blocked.has(from)) keepLineAttached(grid, r, from, to);
}

/**
 * A line that left the bar's old cell (`│──▶`) still starts at the side: the cells the bar
 * moved away from, between the line and the side's new column, become the line's own stroke.
 */
function keepLineAttached(grid: CellEditor, r: number, from: number, to: number): void {
	const away = from > to ? 1 : -1;
	const line = grid.at(r, from + away);
	if (!isHorizontalStroke(line) || isVerticalStroke(line) || unicodeArrow(line) !== 0) return;
	for (let c = from; c !== to; c -= away) if (!grid.isBlank(r, c)) return;
	for (let c = from; c !== to; c -= away) grid.set(r, c, line);
}

function clearBetween(grid: CellEditor, r: number, from: number, to: number): boolean {
	const step = to > from ? 1 : -1;
	for (let c = from + step; c !== to; c += step) {
		const cp = grid.at(r, c);
		if (cp !== SPACE && !isVerticalBar(cp)) return false;
	}
	return true;
}
