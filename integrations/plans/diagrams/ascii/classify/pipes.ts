/** `|` is a line when it continues something vertically or a horizontal line runs into it; `a | b` stays writing. */
import { arm, arrowDir, LIGHT, N, opposite, S, E, W, withArm } from '../glyphs.ts';
import { ARROW, type Canvas, LINE, PIPE, PLUS, STAR } from './canvas.ts';

export function markPipes(canvas: Canvas): void {
	const { cells, kind, connections, width } = canvas;
	for (let r = 0; r < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (cells[i] !== PIPE) continue;
			const line =
				continuesVertically(canvas, r - 1, c, N) ||
				continuesVertically(canvas, r + 1, c, S) ||
				canvas.armAt(r, c - 1, E) > 0 ||
				canvas.armAt(r, c + 1, W) > 0;
			if (line) {
				kind[i] = LINE;
				connections[i] = withArm(withArm(0, N, LIGHT), S, LIGHT);
			}
		}
	}
}

/** Whether the cell at (r, c), lying in `dir` from a `|`, carries a vertical line on into it. */
function continuesVertically(canvas: Canvas, r: number, c: number, dir: number): boolean {
	const cp = canvas.codeAt(r, c);
	if (cp === PIPE || cp === PLUS || cp === STAR) return true;
	const kind = canvas.kindAt(r, c);
	if (kind === LINE) return arm(canvas.connections[r * canvas.width + c], opposite(dir)) > 0;
	if (kind === ARROW) return arrowDir(canvas.arrow[r * canvas.width + c]) === dir;
	return dir === N ? canvas.isUpHead(r, c) : canvas.isDownHead(r, c);
}
