/** What a single cell draws beyond straight strokes: rounded corners, diagonals, jogs, dots and arrowheads. */
import { ARROW, type Drawing, LINE } from '../classify/index.ts';
import {
	arm,
	arrowDir,
	arrowHasShaft,
	BACKSLASH,
	COLUMN_STEP,
	DASHED,
	DOT,
	E,
	extendBit,
	JOG_LEFT,
	JOG_RIGHT,
	N,
	opposite,
	ROUNDED,
	ROW_STEP,
	S,
	SLASH,
	W,
} from '../glyphs.ts';
import {
	CELL_HEIGHT,
	CELL_WIDTH,
	CORNER_RADIUS,
	HALF_HEIGHT,
	HALF_WIDTH,
	num,
} from './geometry.ts';
import {
	FILLED_CLASS_NAME,
	LIGHT_DASHED,
	LIGHT_SOLID,
	type StrokePaths,
	strokeStyle,
} from './stroke-classes.ts';

/** Adds each cell's shapes: strokes go to `paths`; filled shapes (heads, dots) are returned as elements. */
export function addCellShapes(drawing: Drawing, paths: StrokePaths): string[] {
	const { grid, kind, connections } = drawing;
	const filled: string[] = [];
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			const i = r * grid.width + c;
			if (kind[i] === ARROW) {
				const head = arrowHead(drawing, r, c);
				if (head.shaft) paths[head.shaftStyle].push(head.shaft);
				filled.push(`<polygon class="${FILLED_CLASS_NAME}" points="${head.points}"/>`);
			} else if (kind[i] === LINE) {
				const dot = addLineShapes(connections[i], c * CELL_WIDTH, r * CELL_HEIGHT, paths);
				if (dot) filled.push(dot);
			}
		}
	}
	return filled;
}

/** Rounded corner, diagonals and jog of a line cell whose top-left corner is (x0, y0); its dot, if any. */
function addLineShapes(bits: number, x0: number, y0: number, paths: StrokePaths): string | null {
	if (bits & ROUNDED)
		paths[bits & DASHED ? LIGHT_DASHED : LIGHT_SOLID].push(
			roundedCorner(bits, x0 + HALF_WIDTH, y0 + HALF_HEIGHT),
		);
	if (bits & SLASH)
		paths[LIGHT_SOLID].push(
			`M${num(x0)} ${num(y0 + CELL_HEIGHT)}L${num(x0 + CELL_WIDTH)} ${num(y0)}`,
		);
	if (bits & BACKSLASH)
		paths[LIGHT_SOLID].push(
			`M${num(x0)} ${num(y0)}L${num(x0 + CELL_WIDTH)} ${num(y0 + CELL_HEIGHT)}`,
		);
	if (bits & (JOG_RIGHT | JOG_LEFT)) {
		const to = x0 + HALF_WIDTH + (bits & JOG_RIGHT ? CELL_WIDTH : -CELL_WIDTH);
		paths[LIGHT_SOLID].push(`M${num(x0 + HALF_WIDTH)} ${num(y0 + CELL_HEIGHT)}H${num(to)}`);
	}
	if (!(bits & DOT)) return null;
	return `<circle class="${FILLED_CLASS_NAME}" cx="${num(x0 + HALF_WIDTH)}" cy="${num(y0 + HALF_HEIGHT)}" r="2.2"/>`;
}

/** ╭ ╮ ╰ ╯: the two arms joined by a quarter curve instead of a sharp corner. */
function roundedCorner(bits: number, cx: number, cy: number): string {
	const h = arm(bits, E) !== 0 ? 1 : -1;
	const v = arm(bits, S) !== 0 ? 1 : -1;
	const hReach = bits & extendBit(h === 1 ? E : W) ? CELL_WIDTH : HALF_WIDTH;
	const vReach = bits & extendBit(v === 1 ? S : N) ? CELL_HEIGHT : HALF_HEIGHT;
	return (
		`M${num(cx + h * hReach)} ${num(cy)}H${num(cx + h * CORNER_RADIUS)}` +
		`Q${num(cx)} ${num(cy)} ${num(cx)} ${num(cy + v * CORNER_RADIUS)}V${num(cy + v * vReach)}`
	);
}

interface ArrowHead {
	points: string;
	/** Shaft from the back edge to the base of the head, or null. */
	shaft: string | null;
	shaftStyle: number;
}

/**
 * The head sits where the arrow visibly ends: on the border it points into (└──▲──┘), on the
 * centre of the line in front of it (──►│), or at the cell edge. Its shaft reaches back to
 * the line it comes from.
 */
function arrowHead(drawing: Drawing, r: number, c: number): ArrowHead {
	const { grid, arrow, connections } = drawing;
	const i = r * grid.width + c;
	const code = arrow[i];
	const dir = arrowDir(code);
	const bits = connections[i];
	const horizontal = dir === E || dir === W;
	const half = horizontal ? HALF_WIDTH : HALF_HEIGHT;
	const slim = arrowHasShaft(code);
	const length = slim ? (horizontal ? 4 : 6) : horizontal ? 7 : 8;
	const spread = slim ? 3 : 3.5;
	const tip = tipDistance(drawing, r, c, dir, half, slim);
	const base = tip - length;
	const sign = dir === E || dir === S ? 1 : -1;
	const cx = c * CELL_WIDTH + HALF_WIDTH;
	const cy = r * CELL_HEIGHT + HALF_HEIGHT;
	const along = (t: number): number => (horizontal ? cx : cy) + sign * t;
	const points = horizontal
		? `${num(along(tip))},${num(cy)} ${num(along(base))},${num(cy - spread)} ${num(along(base))},${num(cy + spread)}`
		: `${num(cx)},${num(along(tip))} ${num(cx - spread)},${num(along(base))} ${num(cx + spread)},${num(along(base))}`;
	const back = opposite(dir);
	const weight = arm(bits, back);
	let shaft: string | null = null;
	if (weight !== 0) {
		// A shaft glyph (→) standing alone stops short of the cell edge so it does not touch the words around it.
		const reach =
			bits & extendBit(back) ? 2 * half : hasLineBehind(drawing, r, c, back) ? half : half - 1;
		const from = along(-reach);
		const to = along(base);
		if (sign * (to - from) > 0)
			shaft = horizontal
				? `M${num(from)} ${num(cy)}H${num(to)}`
				: `M${num(cx)} ${num(from)}V${num(to)}`;
	}
	return { points, shaft, shaftStyle: strokeStyle(weight, (bits & DASHED) !== 0) };
}

/** How far from the cell centre the tip lies, along the arrow. */
function tipDistance(
	drawing: Drawing,
	r: number,
	c: number,
	dir: number,
	half: number,
	slim: boolean,
): number {
	const { grid, kind, connections } = drawing;
	const bits = connections[r * grid.width + c];
	const horizontal = dir === E || dir === W;
	const nr = r + ROW_STEP[dir];
	const nc = c + COLUMN_STEP[dir];
	const inside = nr >= 0 && nr < grid.height && nc >= 0 && nc < grid.width;
	const ahead = inside ? nr * grid.width + nc : -1;
	const aheadIsLine = ahead >= 0 && kind[ahead] === LINE;
	const aheadReachesBack = aheadIsLine && arm(connections[ahead], opposite(dir)) !== 0;
	const aheadHasCentre = aheadIsLine && (connections[ahead] & (0xff | SLASH | BACKSLASH)) !== 0;
	const across = horizontal ? arm(bits, N) + arm(bits, S) : arm(bits, E) + arm(bits, W);
	if (across !== 0) return 0;
	if (aheadIsLine && !aheadReachesBack && aheadHasCentre) return 2 * half;
	if (aheadIsLine || (ahead >= 0 && kind[ahead] === ARROW)) return half;
	return half - (slim ? 1 : 0.5);
}

function hasLineBehind(drawing: Drawing, r: number, c: number, back: number): boolean {
	const { grid, kind, connections } = drawing;
	const nr = r + ROW_STEP[back];
	const nc = c + COLUMN_STEP[back];
	if (nr < 0 || nr >= grid.height || nc < 0 || nc >= grid.width) return false;
	const j = nr * grid.width + nc;
	return (kind[j] === LINE || kind[j] === ARROW) && arm(connections[j], opposite(back)) !== 0;
}
