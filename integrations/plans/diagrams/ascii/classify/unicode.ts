/** Unicode cells: box drawing is line, triangles and arrows are arrows (except in a `[field ▼]`), the rest is text. */
import { boxConnections, unicodeArrow } from '../glyphs.ts';
import { CONTINUATION, SPACE } from '../grid.ts';
import { insideBrackets } from '../straighten/index.ts';
import { ARROW, type Canvas, LINE, TEXT } from './canvas.ts';

export function markUnicode(canvas: Canvas): void {
	const { cells, kind, connections, arrow, width } = canvas;
	for (let i = 0; i < canvas.size; i++) {
		const cp = cells[i];
		if (cp === SPACE) continue;
		kind[i] = TEXT;
		// A character with marks (▶️, accented letters) is writing, not drawing.
		if (cp === CONTINUATION || canvas.grid.marks?.has(i)) continue;
		const box = boxConnections(cp);
		if (box !== 0) {
			kind[i] = LINE;
			connections[i] = box;
			continue;
		}
		const code = unicodeArrow(cp);
		const r = Math.floor(i / width);
		if (code !== 0 && !insideBrackets(canvas.row(r), i - r * width)) {
			kind[i] = ARROW;
			arrow[i] = code;
		}
	}
}
