/**
 * Runs of `-`, `=` and `_`: long runs are lines; short ones only where they touch a connector,
 * so `non-blocking`, `a - b` and `snake_case` stay writing.
 */
import { DOUBLE, E, LIGHT, UNDERSCORE, W, withArm } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import {
	ARROW,
	BACKSLASH_CHAR,
	type Canvas,
	EQUALS,
	forEachRun,
	GREATER_THAN,
	HYPHEN,
	isWordChar,
	LESS_THAN,
	LINE,
	PIPE,
	PLUS,
	SLASH_CHAR,
	STAR,
	UNDERSCORE_CHAR,
} from './canvas.ts';

/** `-` and `=` runs: 4 or more is a line; shorter runs need connectors at their ends. */
export function markDashRuns(canvas: Canvas): void {
	const { cells, kind, connections, width } = canvas;
	const drawn = (i: number): boolean => kind[i] === LINE || kind[i] === ARROW;
	const connectsLeft = (cp: number, i: number): boolean =>
		cp === PLUS || cp === STAR || cp === PIPE || cp === LESS_THAN || drawn(i);
	const connectsRight = (cp: number, i: number): boolean =>
		cp === PLUS || cp === STAR || cp === PIPE || cp === GREATER_THAN || drawn(i);
	forEachRun(
		canvas,
		(cp) => cp === HYPHEN || cp === EQUALS,
		(r, start, end) => {
			const row = r * width;
			const ch = cells[row + start];
			const left = start > 0 ? cells[row + start - 1] : SPACE;
			const right = end < width ? cells[row + end] : SPACE;
			const ends = {
				left,
				right,
				leftConnects: start > 0 && connectsLeft(left, row + start - 1),
				rightConnects: end < width && connectsRight(right, row + end),
			};
			if (!dashRunIsLine(ch, end - start, ends)) return;
			const weight = ch === EQUALS ? DOUBLE : LIGHT;
			const arms = withArm(withArm(0, E, weight), W, weight);
			for (let k = start; k < end; k++) {
				kind[row + k] = LINE;
				connections[row + k] = arms;
			}
		},
	);
}

interface RunEnds {
	left: number;
	right: number;
	leftConnects: boolean;
	rightConnects: boolean;
}

function dashRunIsLine(ch: number, run: number, ends: RunEnds): boolean {
	const { left, right, leftConnects, rightConnects } = ends;
	if (ch === EQUALS) return run >= 4 || (run >= 2 && (leftConnects || rightConnects));
	if (run >= 4) return true;
	if (run === 3) return !(isWordChar(left) && isWordChar(right));
	if (run === 2) return leftConnects || rightConnects;
	return (
		(leftConnects && rightConnects) ||
		(right === GREATER_THAN && (left === SPACE || leftConnects)) ||
		(left === LESS_THAN && rightConnects)
	);
}

/** `_` runs: a line along the bottom of the cells (|___| boxes, [____] fields), never in snake_case. */
export function markUnderscoreRuns(canvas: Canvas): void {
	const { cells, kind, connections, width } = canvas;
	const wall = (cp: number): boolean => cp === PIPE || cp === SLASH_CHAR || cp === BACKSLASH_CHAR;
	forEachRun(
		canvas,
		(cp) => cp === UNDERSCORE_CHAR,
		(r, start, end) => {
			const row = r * width;
			const left = start > 0 ? cells[row + start - 1] : SPACE;
			const right = end < width ? cells[row + end] : SPACE;
			const line =
				!isWordChar(left) && !isWordChar(right) && (end - start >= 3 || wall(left) || wall(right));
			if (!line) return;
			for (let k = start; k < end; k++) {
				kind[row + k] = LINE;
				connections[row + k] = UNDERSCORE;
			}
		},
	);
}
