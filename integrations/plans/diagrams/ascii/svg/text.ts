/**
 * Runs of writing on each row: words joined by single spaces, split at wider gaps and at
 * drawing cells so every run starts exactly on its own column. textLength pins each run to
 * its cells, so a font a little wider or narrower than 0.6em cannot push text into a line.
 * Wide characters (CJK, emoji) get runs of their own: their glyphs come from other fonts
 * and rarely fill two cells exactly, and the slack should not spread into the Latin text.
 */
import { BLANK, type Drawing, TEXT } from '../classify/index.ts';
import { CONTINUATION, cellText } from '../grid.ts';
import { BASELINE, CELL_HEIGHT, CELL_WIDTH, escapeXml, num } from './geometry.ts';

export function textElements(drawing: Drawing): string {
	let out = '';
	for (let r = 0; r < drawing.grid.height; r++) {
		const baseline = num(r * CELL_HEIGHT + BASELINE);
		let c = 0;
		while (c < drawing.grid.width) {
			if (drawing.kind[r * drawing.grid.width + c] !== TEXT) {
				c++;
				continue;
			}
			const run = textRun(drawing, r, c);
			out +=
				`<text x="${num(c * CELL_WIDTH)}" y="${baseline}" textLength="${num((run.end - c) * CELL_WIDTH)}">` +
				`${escapeXml(run.text)}</text>`;
			c = run.next;
		}
	}
	return out;
}

/** The run of writing that starts at (r, start): its text, the column after its last character, and where to look next. */
function textRun(
	drawing: Drawing,
	r: number,
	start: number,
): { text: string; end: number; next: number } {
	const { grid, kind } = drawing;
	const { width, cells } = grid;
	const row = r * width;
	const isWide = (i: number): boolean => i % width < width - 1 && cells[i + 1] === CONTINUATION;
	const wide = isWide(row + start);
	let text = '';
	let c = start;
	let end = start;
	while (c < width) {
		const k = kind[row + c];
		if (k === TEXT && cells[row + c] !== CONTINUATION && isWide(row + c) !== wide) break;
		if (k === TEXT) {
			text += cellText(grid, row + c);
			c++;
			end = c;
		} else if (
			k === BLANK &&
			c + 1 < width &&
			kind[row + c + 1] === TEXT &&
			isWide(row + c + 1) === wide
		) {
			text += ' ';
			c++;
		} else {
			break;
		}
	}
	return { text, end, next: c };
}
