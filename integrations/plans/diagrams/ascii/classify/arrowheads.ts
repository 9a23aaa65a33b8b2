/** ASCII arrowheads, only at the end of a line: `-->`, `<--`, `|` over `v`, `^` over `|`. */
import { arrowCode, E, N, S, W } from '../glyphs.ts';
import { ARROW, type Canvas, GREATER_THAN, LESS_THAN, TEXT } from './canvas.ts';

export function markAsciiArrowheads(canvas: Canvas): void {
	const { cells, kind, arrow, width } = canvas;
	for (let r = 0; r < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (kind[i] !== TEXT) continue;
			const dir = headDirection(canvas, r, c, cells[i]);
			if (dir < 0) continue;
			kind[i] = ARROW;
			arrow[i] = arrowCode(dir, false);
		}
	}
}

/** The way the character at (r, c) points when a line runs into it from behind, or -1. */
function headDirection(canvas: Canvas, r: number, c: number, cp: number): number {
	if (cp === GREATER_THAN && canvas.armAt(r, c - 1, E) > 0) return E;
	if (cp === LESS_THAN && canvas.armAt(r, c + 1, W) > 0) return W;
	if (canvas.isDownHead(r, c) && canvas.armAt(r - 1, c, S) > 0) return S;
	if (canvas.isUpHead(r, c) && canvas.armAt(r + 1, c, N) > 0) return N;
	return -1;
}
