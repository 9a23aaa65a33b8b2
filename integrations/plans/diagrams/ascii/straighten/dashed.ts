/**
 * Dashes typed with spaces between (`- - - -`), which the stroke rules read as writing:
 * - a dashed box without corners: a run above, a run below, and a `|` side on every row
 *   between, one column out from the dashes or under the first and last. It becomes a dashed
 *   Unicode box (┌╌╌┐ ╎ └╌╌┘) whose corners meet;
 * - a dashed line: a run that ends on a stroke or an arrowhead (`+- - - ->`, `<- - -+`). Its
 *   dashes and the blanks between become one dashed line (╌).
 * Spaced dashes that touch nothing stay as written.
 */
import { GREATER_THAN, HYPHEN, LESS_THAN, PIPE, PLUS } from '../chars.ts';
import { boxConnections } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import type { CellEditor } from './cells.ts';

const DASHED_HORIZONTAL = 0x254c; // ╌
const DASHED_VERTICAL = 0x254e; // ╎
const CORNERS = { topLeft: 0x250c, topRight: 0x2510, bottomLeft: 0x2514, bottomRight: 0x2518 };
/** Fewer dashes than this are punctuation (`- -`), not an edge. */
const MIN_DASHES = 3;
/** Boxes taller than this are not looked for: this bounds the work on hostile input. */
const MAX_HEIGHT = 60;

interface DashedRun {
	row: number;
	/** Columns of the first and last dash. */
	first: number;
	last: number;
}

export function drawSpacedDashes(grid: CellEditor): void {
	const runs = spacedDashRuns(grid);
	const used = closeDashedBoxes(grid, runs);
	for (const run of runs) if (!used.has(run) && endsOnStroke(grid, run)) drawLine(grid, run);
}

/** The runs that became boxes. */
function closeDashedBoxes(grid: CellEditor, runs: DashedRun[]): Set<DashedRun> {
	const used = new Set<DashedRun>();
	for (const top of runs) {
		if (used.has(top)) continue;
		for (const bottom of runs) {
			if (bottom.row <= top.row + 1 || bottom.row - top.row > MAX_HEIGHT || used.has(bottom))
				continue;
			const sides = sideColumns(grid, top, bottom);
			if (!sides) continue;
			drawBox(grid, top.row, bottom.row, sides[0], sides[1]);
			used.add(top).add(bottom);
			break;
		}
	}
	return used;
}

const STROKE_ENDS = new Set([PLUS, PIPE, GREATER_THAN, LESS_THAN]);
const isStrokeEnd = (cp: number): boolean => STROKE_ENDS.has(cp) || boxConnections(cp) !== 0;

function endsOnStroke(grid: CellEditor, run: DashedRun): boolean {
	return (
		isStrokeEnd(grid.at(run.row, run.first - 1)) || isStrokeEnd(grid.at(run.row, run.last + 1))
	);
}

function drawLine(grid: CellEditor, run: DashedRun): void {
	for (let c = run.first; c <= run.last; c++)
		if (grid.editable(run.row, c)) grid.set(run.row, c, DASHED_HORIZONTAL);
}

/** Every `- - -` run: dashes on every other column, single blanks between, nothing else. */
function spacedDashRuns(grid: CellEditor): DashedRun[] {
	const runs: DashedRun[] = [];
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			if (grid.at(r, c) !== HYPHEN || grid.at(r, c - 1) === HYPHEN || grid.at(r, c + 1) !== SPACE)
				continue;
			let last = c;
			while (
				grid.at(r, last + 1) === SPACE &&
				grid.at(r, last + 2) === HYPHEN &&
				grid.at(r, last + 3) !== HYPHEN
			)
				last += 2;
			if ((last - c) / 2 + 1 >= MIN_DASHES) runs.push({ row: r, first: c, last });
			c = last;
		}
	}
	return runs;
}

/**
 * The left and right side columns when every row between the two runs has a side at each end
 * (the same column on every row), and both runs span it; null otherwise.
 */
function sideColumns(grid: CellEditor, top: DashedRun, bottom: DashedRun): [number, number] | null {
	if (Math.abs(top.first - bottom.first) > 1 || Math.abs(top.last - bottom.last) > 1) return null;
	const first = Math.min(top.first, bottom.first);
	const last = Math.max(top.last, bottom.last);
	const left = [first - 1, first].find((c) => allRows(grid, top.row, bottom.row, c));
	const right = [last + 1, last].find((c) => allRows(grid, top.row, bottom.row, c));
	if (left === undefined || right === undefined || right - left < 3) return null;
	for (const r of [top.row, bottom.row]) {
		for (let c = left; c <= right; c++)
			if (grid.at(r, c) !== HYPHEN && !grid.isBlank(r, c)) return null;
	}
	return [left, right];
}

function allRows(grid: CellEditor, top: number, bottom: number, c: number): boolean {
	for (let r = top + 1; r < bottom; r++)
		if (grid.at(r, c) !== PIPE || !grid.editable(r, c)) return false;
	return true;
}

function drawBox(grid: CellEditor, top: number, bottom: number, left: number, right: number): void {
	for (let c = left + 1; c < right; c++) {
		grid.set(top, c, DASHED_HORIZONTAL);
		grid.set(bottom, c, DASHED_HORIZONTAL);
	}
	grid.set(top, left, CORNERS.topLeft);
	grid.set(top, right, CORNERS.topRight);
	grid.set(bottom, left, CORNERS.bottomLeft);
	grid.set(bottom, right, CORNERS.bottomRight);
	for (let r = top + 1; r < bottom; r++) {
		grid.set(r, left, DASHED_VERTICAL);
		grid.set(r, right, DASHED_VERTICAL);
	}
}
