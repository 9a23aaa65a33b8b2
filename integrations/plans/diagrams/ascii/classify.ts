/**
 * Decides, cell by cell, what is drawing and what is writing. Box-drawing characters are
 * always lines; the ASCII characters that double as punctuation (- | + * / \ _ = > < v ^)
 * become lines or arrowheads only when their neighbours say so, so `non-blocking`, `a | b`,
 * `+1`, `x <- y` and `item =>` stay text. Then every line cell learns which cell edges it
 * reaches, which is all the SVG writer needs.
 */
import {
	arm,
	arrowCode,
	arrowDir,
	arrowHasShaft,
	BACKSLASH,
	boxConnections,
	DOT,
	DOUBLE,
	E,
	extendBit,
	hasArms,
	JOG_LEFT,
	JOG_RIGHT,
	LIGHT,
	N,
	opposite,
	S,
	SLASH,
	UNDERSCORE,
	unicodeArrow,
	W,
	withArm,
} from './glyphs.ts';
import { CONTINUATION, type Grid, SPACE } from './grid.ts';
import { insideBrackets } from './straighten/index.ts';

export const BLANK = 0;
export const TEXT = 1;
export const LINE = 2;
export const ARROW = 3;

export interface Drawing {
	readonly grid: Grid;
	/** BLANK, TEXT, LINE or ARROW per cell. */
	readonly kind: Uint8Array;
	/** Connection bits per cell (see glyphs.ts): arms, dashes, diagonals, extensions. */
	readonly conn: Uint32Array;
	/** Arrow code per cell (see arrowCode in glyphs.ts). */
	readonly arrow: Uint8Array;
}

const SIDES = [E, W];
const DR = [-1, 0, 1, 0];
const DC = [0, 1, 0, -1];

const HYPHEN = 0x2d;
const EQUALS = 0x3d;
const UNDERSCORE_CH = 0x5f;
const PIPE = 0x7c;
const PLUS = 0x2b;
const STAR = 0x2a;
const SLASH_CH = 0x2f;
const BACKSLASH_CH = 0x5c;
const GT = 0x3e;
const LT = 0x3c;
const LOWER_V = 0x76;
const UPPER_V = 0x56;
const CARET = 0x5e;

/** Letters and digits (any script): a drawing character touching one is usually part of a word. */
function isWordChar(cp: number): boolean {
	if (cp === CONTINUATION) return true;
	if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
	if (cp >= 0x2000 && cp <= 0x2bff) return false; // punctuation, arrows, box drawing, shapes
	return cp !== 0xa0 && cp !== 0x3000;
}

export function classify(grid: Grid): Drawing {
	const { width, height, cells } = grid;
	const size = width * height;
	const kind = new Uint8Array(size);
	const conn = new Uint32Array(size);
	const arrow = new Uint8Array(size);

	const cpAt = (r: number, c: number): number =>
		r < 0 || r >= height || c < 0 || c >= width ? SPACE : cells[r * width + c];
	const kindAt = (r: number, c: number): number =>
		r < 0 || r >= height || c < 0 || c >= width ? BLANK : kind[r * width + c];
	/** Weight of the arm that the cell at (r, c) stretches in `dir`, if it is a line. */
	const armAt = (r: number, c: number, dir: number): number =>
		kindAt(r, c) === LINE ? arm(conn[r * width + c], dir) : 0;
	const wordAround = (r: number, c: number): boolean => isWordChar(cpAt(r, c - 1)) || isWordChar(cpAt(r, c + 1));

	// 1. Unicode: box drawing is line, triangles and arrows are arrows (except in a `[field ▼]`),
	//    everything else is text.
	for (let i = 0; i < size; i++) {
		const cp = cells[i];
		if (cp === SPACE) continue;
		kind[i] = TEXT;
		// A character with marks (▶️, accented letters) is writing, not drawing.
		if (cp === CONTINUATION || grid.marks?.has(i)) continue;
		const box = boxConnections(cp);
		if (box !== 0) {
			kind[i] = LINE;
			conn[i] = box;
			continue;
		}
		const code = unicodeArrow(cp);
		const row = cells.subarray(i - (i % width), i - (i % width) + width);
		if (code !== 0 && !insideBrackets(row, i % width)) {
			kind[i] = ARROW;
			arrow[i] = code;
		}
	}

	// 2. Runs of - and =: long runs are lines; short ones only when they touch a connector.
	const connectsLeft = (cp: number, i: number): boolean =>
		cp === PLUS || cp === STAR || cp === PIPE || cp === LT || kind[i] === LINE || kind[i] === ARROW;
	const connectsRight = (cp: number, i: number): boolean =>
		cp === PLUS || cp === STAR || cp === PIPE || cp === GT || kind[i] === LINE || kind[i] === ARROW;
	for (let r = 0; r < height; r++) {
		const row = r * width;
		let c = 0;
		while (c < width) {
			const ch = cells[row + c];
			if (ch !== HYPHEN && ch !== EQUALS) {
				c++;
				continue;
			}
			let end = c + 1;
			while (end < width && cells[row + end] === ch) end++;
			const run = end - c;
			const left = c > 0 ? cells[row + c - 1] : SPACE;
			const right = end < width ? cells[row + end] : SPACE;
			const leftConnects = c > 0 && connectsLeft(left, row + c - 1);
			const rightConnects = end < width && connectsRight(right, row + end);
			let line: boolean;
			if (ch === EQUALS) {
				line = run >= 4 || (run >= 2 && (leftConnects || rightConnects));
			} else if (run >= 4) {
				line = true;
			} else if (run === 3) {
				line = !(isWordChar(left) && isWordChar(right));
			} else if (run === 2) {
				line = leftConnects || rightConnects;
			} else {
				line =
					(leftConnects && rightConnects) ||
					(right === GT && (left === SPACE || leftConnects)) ||
					(left === LT && rightConnects);
			}
			if (line) {
				const weight = ch === EQUALS ? DOUBLE : LIGHT;
				const arms = withArm(withArm(0, E, weight), W, weight);
				for (let k = c; k < end; k++) {
					kind[row + k] = LINE;
					conn[row + k] = arms;
				}
			}
			c = end;
		}
	}

	// 3. Runs of _ : a line along the bottom of the cells (|___| boxes, [____] fields), never in snake_case.
	for (let r = 0; r < height; r++) {
		const row = r * width;
		let c = 0;
		while (c < width) {
			if (cells[row + c] !== UNDERSCORE_CH) {
				c++;
				continue;
			}
			let end = c + 1;
			while (end < width && cells[row + end] === UNDERSCORE_CH) end++;
			const left = c > 0 ? cells[row + c - 1] : SPACE;
			const right = end < width ? cells[row + end] : SPACE;
			const wall = (cp: number): boolean => cp === PIPE || cp === SLASH_CH || cp === BACKSLASH_CH;
			const line =
				!isWordChar(left) && !isWordChar(right) && (end - c >= 3 || wall(left) || wall(right));
			if (line) {
				for (let k = c; k < end; k++) {
					kind[row + k] = LINE;
					conn[row + k] = UNDERSCORE;
				}
			}
			c = end;
		}
	}

	// Arrowhead candidates that pass the word test: `v` under a line, `^` over one.
	const downHead = (r: number, c: number): boolean => {
		const cp = cpAt(r, c);
		return (cp === LOWER_V || cp === UPPER_V) && !wordAround(r, c);
	};
	const upHead = (r: number, c: number): boolean => cpAt(r, c) === CARET && !wordAround(r, c);

	// 4. | is a line when it continues something vertically or a horizontal line runs into it.
	const verticalFrom = (r: number, c: number, dir: number): boolean => {
		const cp = cpAt(r, c);
		if (cp === PIPE || cp === PLUS || cp === STAR) return true;
		const k = kindAt(r, c);
		if (k === LINE) return arm(conn[r * width + c], opposite(dir)) > 0;
		if (k === ARROW) return arrowDir(arrow[r * width + c]) === dir;
		return dir === N ? upHead(r, c) : downHead(r, c);
	};
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (cells[i] !== PIPE) continue;
			const line =
				verticalFrom(r - 1, c, N) || verticalFrom(r + 1, c, S) || armAt(r, c - 1, E) > 0 || armAt(r, c + 1, W) > 0;
			if (line) {
				kind[i] = LINE;
				conn[i] = withArm(withArm(0, N, LIGHT), S, LIGHT);
			}
		}
	}

	// 5. + and * are corners and junctions: they reach every neighbour whose line reaches them,
	//    and each other (a lifeline of + under +). A worklist spreads that through chains of +.
	const isJunctionChar = (cp: number): boolean => cp === PLUS || cp === STAR;
	const junctionArms = (r: number, c: number): number => {
		let arms = 0;
		for (let dir = 0; dir < 4; dir++) {
			const nr = r + DR[dir];
			const nc = c + DC[dir];
			let weight = armAt(nr, nc, opposite(dir));
			if (weight === 0 && kindAt(nr, nc) === LINE && isJunctionChar(cpAt(nr, nc))) weight = LIGHT;
			if (weight === 0 && ((dir === S && downHead(nr, nc)) || (dir === N && upHead(nr, nc)))) weight = LIGHT;
			if (weight !== 0) arms = withArm(arms, dir, weight === DOUBLE ? DOUBLE : LIGHT);
		}
		// `+5%` under a box edge: only vertical arms and a word beside it means it is text.
		if (arm(arms, E) === 0 && arm(arms, W) === 0 && wordAround(r, c)) return 0;
		return arms;
	};
	const junctions: number[] = [];
	const pending: number[] = [];
	for (let i = 0; i < size; i++) if (isJunctionChar(cells[i])) pending.push(i);
	while (pending.length > 0) {
		const i = pending.pop() as number;
		if (kind[i] === LINE) continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		if (junctionArms(r, c) === 0) continue;
		kind[i] = LINE;
		junctions.push(i);
		for (let dir = 0; dir < 4; dir++) {
			const nr = r + DR[dir];
			const nc = c + DC[dir];
			if (kindAt(nr, nc) === TEXT && isJunctionChar(cpAt(nr, nc))) pending.push(nr * width + nc);
		}
	}
	for (const i of junctions) {
		const r = Math.floor(i / width);
		conn[i] = junctionArms(r, i - r * width) | (cells[i] === STAR ? DOT : 0);
	}

	// 6. / and \ : chains of diagonals, the peak of /\ and misdrawn edges next to a chain.
	//    A slash glued to the word before it (src/, and/or) or a backslash glued to the word
	//    after it (\n, C:\Users) is writing; so is a chain in which every cell touches
	//    writing, which is what a column of `GET /path` or `https://` lines makes.
	const isSlash = (cp: number): boolean => cp === SLASH_CH || cp === 0x2571 || cp === 0x2573;
	const isBackslash = (cp: number): boolean => cp === BACKSLASH_CH || cp === 0x2572 || cp === 0x2573;
	const candidate = (r: number, c: number, slash: boolean): boolean => {
		const cp = cpAt(r, c);
		if (cp === (slash ? SLASH_CH : BACKSLASH_CH)) return !isWordChar(cpAt(r, c + (slash ? -1 : 1)));
		return slash ? isSlash(cp) && cp !== SLASH_CH : isBackslash(cp) && cp !== BACKSLASH_CH;
	};
	// Space or drawing on a side: not the // of a URL nor the / of a path.
	const openSide = (r: number, c: number): boolean => {
		const cp = cpAt(r, c);
		return cp === SPACE || kindAt(r, c) === LINE || kindAt(r, c) === ARROW;
	};
	const loose: number[] = [];
	for (const slash of [true, false]) {
		const step = slash ? -1 : 1; // column step going down the chain
		for (let r = 0; r < height; r++) {
			for (let c = 0; c < width; c++) {
				const cp = cells[r * width + c];
				if (cp !== SLASH_CH && cp !== BACKSLASH_CH && (cp < 0x2571 || cp > 0x2573)) continue;
				if (!candidate(r, c, slash) || candidate(r - 1, c - step, slash)) continue;
				let length = 0;
				let free = false;
				for (let rr = r, cc = c; candidate(rr, cc, slash); rr++, cc += step) {
					length++;
					const cp = cpAt(rr, cc);
					if (cp !== SLASH_CH && cp !== BACKSLASH_CH) free = true;
					else if (openSide(rr, cc - 1) && openSide(rr, cc + 1)) free = true;
				}
				for (let k = 0, rr = r, cc = c; k < length; k++, rr++, cc += step) {
					const i = rr * width + cc;
					if (cells[i] !== SLASH_CH && cells[i] !== BACKSLASH_CH) continue;
					if (length >= 2 && free) {
						kind[i] = LINE;
						conn[i] = slash ? SLASH : BACKSLASH;
					} else {
						loose.push(i);
					}
				}
			}
		}
	}
	for (const i of loose) {
		const r = Math.floor(i / width);
		const c = i - r * width;
		const slash = cells[i] === SLASH_CH;
		const lineAt = (rr: number, cc: number): boolean => kindAt(rr, cc) === LINE;
		const other = slash ? BACKSLASH_CH : SLASH_CH;
		const partner = (lineAt(r, c + 1) && cpAt(r, c + 1) === other) || (lineAt(r, c - 1) && cpAt(r, c - 1) === other);
		// Ending on a line only counts beside a real diagonal (a pyramid's misdrawn edge), not
		// for a slash that happens to sit over a tree branch.
		const endsOnLine = slash ? lineAt(r - 1, c + 1) || lineAt(r + 1, c - 1) : lineAt(r - 1, c - 1) || lineAt(r + 1, c + 1);
		const step = slash ? -1 : 1;
		const same = cells[i];
		const diagonalAt = (rr: number, cc: number): boolean => lineAt(rr, cc) && cpAt(rr, cc) === same;
		const nearChain =
			diagonalAt(r + 1, c + step) ||
			diagonalAt(r + 1, c + 2 * step) ||
			diagonalAt(r - 1, c - step) ||
			diagonalAt(r - 1, c - 2 * step);
		if (partner || (endsOnLine && nearChain)) {
			kind[i] = LINE;
			conn[i] = slash ? SLASH : BACKSLASH;
		}
	}

	// 7. ASCII arrowheads, only at the end of a line: -->, <--, | over v, ^ over |.
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (kind[i] !== TEXT) continue;
			const cp = cells[i];
			let dir = -1;
			if (cp === GT && armAt(r, c - 1, E) > 0) dir = E;
			else if (cp === LT && armAt(r, c + 1, W) > 0) dir = W;
			else if (downHead(r, c) && armAt(r - 1, c, S) > 0) dir = S;
			else if (upHead(r, c) && armAt(r + 1, c, N) > 0) dir = N;
			if (dir < 0) continue;
			kind[i] = ARROW;
			arrow[i] = arrowCode(dir, false);
		}
	}

	// 8. Arms that depend on neighbours: the shaft of an arrow, a border running through an
	//    arrowhead (──▼──), a horizontal line running into the side of a |.
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			const k = kind[i];
			if (k === ARROW) {
				const code = arrow[i];
				const back = opposite(arrowDir(code));
				let arms = 0;
				for (let dir = 0; dir < 4; dir++) {
					if (dir === arrowDir(code)) continue;
					const weight = armAt(r + DR[dir], c + DC[dir], opposite(dir));
					if (weight !== 0) arms = withArm(arms, dir, weight);
				}
				if (arrowHasShaft(code) && arm(arms, back) === 0) arms = withArm(arms, back, LIGHT);
				conn[i] = arms;
			} else if (k === LINE && cells[i] === PIPE) {
				for (const dir of SIDES) {
					const weight = armAt(r + DR[dir], c + DC[dir], opposite(dir));
					if (weight !== 0) conn[i] = withArm(conn[i], dir, weight);
				}
			}
		}
	}

	// 9. A vertical line one column off: an arm down that meets nothing, and right beside the
	//    cell below, an arm up that meets nothing. Join them with a jog instead of two stubs.
	const jogged = new Uint8Array(size);
	const reachesUp = (r: number, c: number): boolean => armAt(r, c, N) > 0;
	const reachesDown = (r: number, c: number): boolean => armAt(r, c, S) > 0;
	for (let r = 0; r + 1 < height; r++) {
		for (let c = 0; c < width; c++) {
			if (kind[r * width + c] !== LINE || !reachesDown(r, c) || reachesUp(r + 1, c)) continue;
			const right = c + 1 < width && reachesUp(r + 1, c + 1) && !reachesDown(r, c + 1);
			const left = c > 0 && reachesUp(r + 1, c - 1) && !reachesDown(r, c - 1);
			if (right === left) continue; // none, or ambiguous
			conn[r * width + c] |= right ? JOG_RIGHT : JOG_LEFT;
			jogged[(r + 1) * width + c + (right ? 1 : -1)] = 1;
		}
	}

	// 10. An arm that meets a line which does not reach back (a │ one column off under a ─, a ─
	//    ending at a /) runs on to that line's centre so the two still touch.
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (kind[i] !== LINE && kind[i] !== ARROW) continue;
			const bits = conn[i];
			if (bits & UNDERSCORE) {
				// Reach the | beside the run, or the top of a | that starts below its end ( ___ over |   |).
				const wall = (rr: number, cc: number): boolean => cpAt(rr, cc) === PIPE && kindAt(rr, cc) === LINE;
				const endW = kindAt(r, c - 1) !== LINE;
				const endE = kindAt(r, c + 1) !== LINE;
				if (wall(r, c - 1) || (endW && wall(r + 1, c - 1))) conn[i] |= extendBit(W);
				if (wall(r, c + 1) || (endE && wall(r + 1, c + 1))) conn[i] |= extendBit(E);
				continue;
			}
			for (let dir = 0; dir < 4; dir++) {
				if (arm(bits, dir) === 0) continue;
				if ((dir === N && jogged[i]) || (dir === S && bits & (JOG_RIGHT | JOG_LEFT))) continue;
				const nr = r + DR[dir];
				const nc = c + DC[dir];
				if (kindAt(nr, nc) !== LINE) continue;
				const other = conn[nr * width + nc];
				if (arm(other, opposite(dir)) !== 0) continue;
				if (hasArms(other) || (other & (SLASH | BACKSLASH)) !== 0) conn[i] |= extendBit(dir);
			}
		}
	}

	// 11. A junction (┼ ┬ ┴ ├ ┤) keeps only the arms that meet a stroke, so a ┼ on a separator
	//     row sends no stubs into the labels above and below it. Two stubs stay: the trunk
	//     of a tree reaching up to its root's name, and the branch of `├ item`.
	for (let i = 0; i < size; i++) {
		const arms = armCount(boxConnections(cells[i]));
		if (kind[i] !== LINE || arms < 3) continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		const bits = conn[i];
		for (let dir = 0; dir < 4; dir++) {
			if (arm(bits, dir) === 0 || bits & extendBit(dir)) continue;
			if ((dir === N && jogged[i]) || (dir === S && bits & (JOG_RIGHT | JOG_LEFT))) continue;
			const k = kindAt(r + DR[dir], c + DC[dir]);
			if (k !== BLANK && k !== TEXT) continue;
			const vertical = dir === N || dir === S;
			const crossed = arm(bits, (dir + 1) & 3) !== 0 && arm(bits, (dir + 3) & 3) !== 0;
			const stub = vertical ? k === BLANK || crossed : arms === 4;
			if (stub) conn[i] = withArm(conn[i], dir, 0);
		}
	}

	return { grid, kind, conn, arrow };
}

function armCount(conn: number): number {
	let count = 0;
	for (let dir = 0; dir < 4; dir++) if (arm(conn, dir) !== 0) count++;
	return count;
}
