/**
 * An arrow glyph with its own shaft (← → ↑ ↓) that touches no line and stands in a row of
 * writing is writing itself: `A → B` in a label, `← 80% (unit tests)` beside a drawing.
 * Drawn as an arrowhead it would shrink to a tiny mark; as text it keeps the glyph the author
 * typed. An arrow on its own between two words above and below (`A`, `↓`, `B`) stays drawn.
 */
import { arrowDir, arrowHasShaft, COLUMN_STEP, opposite, ROW_STEP } from '../glyphs.ts';
import { ARROW, type Canvas, LINE, TEXT } from './canvas.ts';

export function keepLooseArrowsAsText(canvas: Canvas): void {
	const { kind, arrow, width } = canvas;
	for (let i = 0; i < canvas.size; i++) {
		if (kind[i] !== ARROW || !arrowHasShaft(arrow[i])) continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		const dir = arrowDir(arrow[i]);
		const touches = (d: number): boolean => {
			const k = canvas.kindAt(r + ROW_STEP[d], c + COLUMN_STEP[d]);
			return k === LINE || k === ARROW;
		};
		if (touches(dir) || touches(opposite(dir))) continue;
		const writingBeside = [-2, -1, 1, 2].some((step) => canvas.kindAt(r, c + step) === TEXT);
		if (!writingBeside) continue;
		kind[i] = TEXT;
		arrow[i] = 0;
	}
}
