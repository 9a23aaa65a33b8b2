/**
 * Attaches arrowheads drawn a cell away from the line they end: a ▼ one column beside the end
 * of the │ above it moves under it (trading places with the edge stroke when it sits in a
 * box's top edge), and a one-cell gap between a line's end and its head is filled.
 */
import {
	arm,
	arrowDir,
	boxConnections,
	COLUMN_STEP,
	N,
	opposite,
	ROW_STEP,
	S,
	unicodeArrow,
} from '../glyphs.ts';
import {
	type CellEditor,
	insideBrackets,
	isHorizontalStroke,
	isVerticalStroke,
	PIPE,
} from './cells.ts';

const LIGHT_VERTICAL = 0x2502;
const LIGHT_HORIZONTAL = 0x2500;

/** True when (r, c) holds a line that reaches out in `dir` (a │ reaching S, a ─ reaching E). */
function reaches(grid: CellEditor, r: number, c: number, dir: number): boolean {
	const cp = grid.at(r, c);
	if (cp === PIPE) return dir === N || dir === S;
	return arm(boxConnections(cp), dir) !== 0;
}

export function attachArrowheads(grid: CellEditor): void {
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			const code = unicodeArrow(grid.at(r, c));
			if (code === 0 || !grid.editable(r, c) || insideBrackets(grid.row(r), c)) continue;
			const back = opposite(arrowDir(code));
			const behindR = r + ROW_STEP[back];
			const behindC = c + COLUMN_STEP[back];
			if (reaches(grid, behindR, behindC, arrowDir(code))) continue;
			if (fillGap(grid, behindR, behindC, arrowDir(code))) continue;
			if (back === N || back === S) slideUnderLine(grid, r, c, back);
		}
	}
}

/** `│`, blank, `▼`: the blank becomes line. */
function fillGap(grid: CellEditor, r: number, c: number, dir: number): boolean {
	const back = opposite(dir);
	if (!grid.isBlank(r, c) || !reaches(grid, r + ROW_STEP[back], c + COLUMN_STEP[back], dir))
		return false;
	const vertical = dir === N || dir === S;
	const ascii = grid.at(r + ROW_STEP[back], c + COLUMN_STEP[back]) === PIPE;
	grid.set(r, c, vertical ? (ascii ? PIPE : LIGHT_VERTICAL) : LIGHT_HORIZONTAL);
	return true;
}

/**
 * A vertical head whose line ends one column to its side, in the row behind it: the head
 * moves under (or over) the line's end, onto a blank cell or swapping with the edge stroke
 * it sits in. Nothing moves when the line could be either side.
 */
function slideUnderLine(grid: CellEditor, r: number, c: number, back: number): void {
	const lineRow = r + ROW_STEP[back];
	const towards = opposite(back);
	if (isVerticalStroke(grid.at(lineRow, c))) return;
	const sides = [c - 1, c + 1].filter(
		(x) => reaches(grid, lineRow, x, towards) && !isVerticalStroke(grid.at(r, x)),
	);
	if (sides.length !== 1) return;
	const target = sides[0];
	if (!grid.editable(r, target)) return;
	const head = grid.at(r, c);
	const there = grid.at(r, target);
	const inEdge = isHorizontalStroke(grid.at(r, c - 1)) && isHorizontalStroke(grid.at(r, c + 1));
	if (grid.isBlank(r, target)) grid.set(r, c, there);
	else if (inEdge && isHorizontalStroke(there) && !isVerticalStroke(there)) grid.set(r, c, there);
	else return;
	grid.set(r, target, head);
}
