/**
 * ASCII rounded corners: `.` where an edge turns down into a side, `'` or `` ` `` where a side
 * turns into the bottom edge (`.----.` over `'----'`). They become ╭ ╮ ╰ ╯, so the box's
 * corners meet; the same marks anywhere else stay writing.
 */
import { HYPHEN, PIPE, PLUS } from '../chars.ts';
import type { CellEditor } from './cells.ts';

const DOT = 0x2e;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const ROUNDED = { downRight: 0x256d, downLeft: 0x256e, upLeft: 0x256f, upRight: 0x2570 }; // ╭ ╮ ╯ ╰

const isBar = (cp: number): boolean => cp === PIPE || cp === PLUS;
/** Two dashes in a row: an edge, not a hyphen in a word. */
const edgeFrom = (grid: CellEditor, r: number, c: number, step: number): boolean =>
	grid.at(r, c + step) === HYPHEN && grid.at(r, c + 2 * step) === HYPHEN;

export function roundAsciiCorners(grid: CellEditor): void {
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			const cp = grid.at(r, c);
			if (!grid.editable(r, c) || (cp !== DOT && cp !== APOSTROPHE && cp !== BACKTICK)) continue;
			const vertical = cp === DOT ? isBar(grid.at(r + 1, c)) : isBar(grid.at(r - 1, c));
			if (!vertical) continue;
			const east = edgeFrom(grid, r, c, 1);
			const west = edgeFrom(grid, r, c, -1);
			if (east === west) continue;
			if (cp === DOT) grid.set(r, c, east ? ROUNDED.downRight : ROUNDED.downLeft);
			else grid.set(r, c, east ? ROUNDED.upRight : ROUNDED.upLeft);
		}
	}
}
