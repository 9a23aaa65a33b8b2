/**
 * Lines that meet a column or a cell off: a vertical line that continues one column over is
 * joined by a jog, and an arm that meets a line which does not reach back runs on to its centre.
 */
import {
	arm,
	extendBit,
	hasArms,
	JOG_LEFT,
	JOG_RIGHT,
	N,
	opposite,
	S,
	SLASH,
	BACKSLASH,
	UNDERSCORE,
	E,
	W,
} from '../glyphs.ts';
import { ARROW, type Canvas, COLUMN_STEP, LINE, PIPE, ROW_STEP, TEXT } from './canvas.ts';

/**
 * A vertical line one column off: an arm down that meets nothing, and right beside the cell
 * below, an arm up that meets nothing. Join them with a jog instead of two stubs.
 */
export function joinOffsetVerticals(canvas: Canvas): void {
	const { kind, connections, jogged, width } = canvas;
	const reachesUp = (r: number, c: number): boolean => canvas.armAt(r, c, N) > 0;
	const reachesDown = (r: number, c: number): boolean => canvas.armAt(r, c, S) > 0;
	for (let r = 0; r + 1 < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			if (kind[r * width + c] !== LINE || !reachesDown(r, c) || reachesUp(r + 1, c)) continue;
			const right = c + 1 < width && reachesUp(r + 1, c + 1) && !reachesDown(r, c + 1);
			const left = c > 0 && reachesUp(r + 1, c - 1) && !reachesDown(r, c - 1);
			if (right === left) continue; // none, or ambiguous
			connections[r * width + c] |= right ? JOG_RIGHT : JOG_LEFT;
			jogged[(r + 1) * width + c + (right ? 1 : -1)] = 1;
		}
	}
}

/**
 * An arm that meets a line which does not reach back (a │ one column off under a ─, a ─ ending
 * at a /) runs on to that line's centre so the two still touch.
 */
export function extendToNeighbours(canvas: Canvas): void {
	const { kind, connections, width } = canvas;
	for (let r = 0; r < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (kind[i] !== LINE && kind[i] !== ARROW) continue;
			if (connections[i] & UNDERSCORE) connections[i] |= underscoreExtensions(canvas, r, c);
			else connections[i] |= armExtensions(canvas, r, c);
		}
	}
}

/** Reach the | beside the run, or the top of a | that starts below its end ( ___ over |   |). */
function underscoreExtensions(canvas: Canvas, r: number, c: number): number {
	const wall = (row: number, column: number): boolean =>
		canvas.codeAt(row, column) === PIPE && canvas.kindAt(row, column) === LINE;
	const endWest = canvas.kindAt(r, c - 1) !== LINE;
	const endEast = canvas.kindAt(r, c + 1) !== LINE;
	let bits = 0;
	if (wall(r, c - 1) || (endWest && wall(r + 1, c - 1))) bits |= extendBit(W);
	if (wall(r, c + 1) || (endEast && wall(r + 1, c + 1))) bits |= extendBit(E);
	return bits;
}

function armExtensions(canvas: Canvas, r: number, c: number): number {
	const i = r * canvas.width + c;
	const bits = canvas.connections[i];
	let extensions = 0;
	for (let dir = 0; dir < 4; dir++) {
		if (arm(bits, dir) === 0) continue;
		if ((dir === N && canvas.jogged[i]) || (dir === S && bits & (JOG_RIGHT | JOG_LEFT))) continue;
		const nr = r + ROW_STEP[dir];
		const nc = c + COLUMN_STEP[dir];
		if (canvas.kindAt(nr, nc) !== LINE) continue;
		const other = canvas.connections[nr * canvas.width + nc];
		if (arm(other, opposite(dir)) !== 0) continue;
		if (arm(other, dir) !== 0 && treeBranch(canvas, nr, nc)) continue;
		if (hasArms(other) || (other & (SLASH | BACKSLASH)) !== 0) extensions |= extendBit(dir);
	}
	return extensions;
}

/**
 * `└─ name` in a list: a corner whose branch is a stub of one or two strokes before writing.
 * A line meeting it from the same side (└ under └) is the next item, not a side to join.
 */
function treeBranch(canvas: Canvas, r: number, c: number): boolean {
	const bits = canvas.connections[r * canvas.width + c];
	for (const dir of [E, W]) {
		if (arm(bits, dir) === 0) continue;
		let length = 0;
		let column = c + COLUMN_STEP[dir];
		while (canvas.kindAt(r, column) === LINE && length <= 2) {
			length++;
			column += COLUMN_STEP[dir];
		}
		if (length > 2) continue;
		if (canvas.kindAt(r, column) === TEXT || canvas.kindAt(r, column + COLUMN_STEP[dir]) === TEXT)
			return true;
	}
	return false;
}
