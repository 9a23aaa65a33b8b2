/**
 * Joins arrows to the lifelines they end on. Sequence drawings in ASCII end an arrow with a
 * `+` on the lifeline; when the arrow was typed a column or two too long or too short, that
 * `+` sits beside the lifeline, which then breaks on that row. The arrow's shaft is shortened
 * or lengthened so its `+` lands on the lifeline again.
 */
import { SPACE } from '../grid.ts';
import { GREATER_THAN, LESS_THAN } from '../chars.ts';
import { unicodeArrow } from '../glyphs.ts';
import { type CellEditor, EQUALS, HYPHEN, isVerticalStroke, PLUS } from './cells.ts';

const isShaft = (cp: number): boolean => cp === HYPHEN || cp === EQUALS || cp === 0x2500;
const isHead = (cp: number): boolean =>
	cp === GREATER_THAN || cp === LESS_THAN || unicodeArrow(cp) !== 0;

export function joinLifelines(grid: CellEditor): void {
	for (let r = 1; r + 1 < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			if (grid.at(r, c) !== PLUS || continuesVertically(grid, r, c)) continue;
			const lifeline = nearestLifeline(grid, r, c);
			if (lifeline < 0) continue;
			const step =
				isShaft(grid.at(r, c - 1)) || isHead(grid.at(r, c - 1))
					? -1
					: isShaft(grid.at(r, c + 1)) || isHead(grid.at(r, c + 1))
						? 1
						: 0;
			if (step !== 0) moveArrowEnd(grid, r, c, step, lifeline);
		}
	}
}

function continuesVertically(grid: CellEditor, r: number, c: number): boolean {
	return isVerticalStroke(grid.at(r - 1, c)) || isVerticalStroke(grid.at(r + 1, c));
}

/** A column one or two cells away whose line passes above and below row r but not through it. */
function nearestLifeline(grid: CellEditor, r: number, c: number): number {
	for (const offset of [1, 2]) {
		const found = [c - offset, c + offset].filter(
			(x) =>
				isVerticalStroke(grid.at(r - 1, x)) &&
				isVerticalStroke(grid.at(r + 1, x)) &&
				!isVerticalStroke(grid.at(r, x)),
		);
		if (found.length === 1) return found[0];
		if (found.length > 1) return -1;
	}
	return -1;
}

/**
 * Moves the `+` at (r, c), whose arrow runs off in direction `step`, onto the lifeline at
 * column `to`, together with the head beside it. When the `+` overshoots the lifeline, shaft
 * cells in front of it are given up; when it stops short, shaft grows behind the head. Only
 * shaft, head and `+` cells change.
 */
function moveArrowEnd(grid: CellEditor, r: number, c: number, step: number, to: number): void {
	const end = isHead(grid.at(r, c + step)) ? c + step : c;
	const group = [grid.at(r, c), grid.at(r, end)].slice(0, end === c ? 1 : 2);
	const distance = Math.abs(to - c);
	const shift = to - c;
	if (Math.sign(shift) === step) {
		for (let k = 1; k <= distance; k++)
			if (!isShaft(grid.at(r, end + k * step)) || !grid.editable(r, end + k * step)) return;
		for (let k = 0; k < distance; k++) grid.set(r, c + k * step, SPACE);
	} else {
		for (let x = to; x !== c; x += step) if (!grid.isBlank(r, x)) return;
		const fill = isShaft(grid.at(r, end + step)) ? grid.at(r, end + step) : HYPHEN;
		for (let k = 0; k < distance; k++) grid.set(r, end - k * step, fill);
	}
	group.forEach((cp, k) => grid.set(r, to + k * step, cp));
}
