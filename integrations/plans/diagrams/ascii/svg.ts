/**
 * Writes a classified grid as SVG: merged path segments for lines, polygons for arrowheads,
 * and the writing as real <text>, one element per run of words on a row.
 */
import { ARROW, BLANK, type Drawing, LINE, TEXT } from './classify/index.ts';
import {
	arm,
	arrowDir,
	arrowHasShaft,
	BACKSLASH,
	DASHED,
	DOT,
	DOUBLE,
	E,
	extendBit,
	HEAVY,
	JOG_LEFT,
	JOG_RIGHT,
	N,
	opposite,
	ROUNDED,
	S,
	SLASH,
	UNDERSCORE,
	W,
} from './glyphs.ts';
import { CONTINUATION, cellText } from './grid.ts';

/** Cell size in px: the advance of a 14px monospace font (0.6em) and a 1.3 line height. */
export const CELL_WIDTH = 8.4;
export const CELL_HEIGHT = 18;
export const FONT_SIZE = 14;
const BASELINE = 13;
/** Room around the grid so strokes on the outermost cells are not clipped. */
const PAD = 2;
/** Half the gap between the two strokes of a double line. */
const GAP = 1.5;
const CORNER_RADIUS = 3.6;

const HALF_W = CELL_WIDTH / 2;
const HALF_H = CELL_HEIGHT / 2;

/** Stroke classes; double lines use the light stroke twice. */
const LIGHT_SOLID = 0;
const HEAVY_SOLID = 1;
const LIGHT_DASHED = 2;
const HEAVY_DASHED = 3;
const CLASS_NAMES = ['l', 'h', 'dl', 'dh'];

const HORIZONTAL = [W, E];
const VERTICAL = [N, S];

const num = (value: number): string => String(Math.round(value * 100) / 100);

function escapeXml(text: string): string {
	return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/**
 * Collects collinear segments and joins the ones that touch, so a 60-cell box edge becomes
 * one `H` command instead of 120 half-cell pieces. Segments arrive sorted by start.
 */
class Runs {
	private readonly start: number[];
	private readonly end: number[];
	constructor(slots: number) {
		this.start = new Array<number>(slots).fill(Number.NaN);
		this.end = new Array<number>(slots).fill(Number.NaN);
	}

	add(slot: number, from: number, to: number, flush: (slot: number, from: number, to: number) => void): void {
		if (to - from < 1e-6) return;
		const end = this.end[slot];
		if (end === end && from <= end + 1e-6) {
			if (to > end) this.end[slot] = to;
			return;
		}
		if (end === end) flush(slot, this.start[slot], end);
		this.start[slot] = from;
		this.end[slot] = to;
	}

	flushAll(flush: (slot: number, from: number, to: number) => void): void {
		for (let slot = 0; slot < this.start.length; slot++) {
			if (this.end[slot] === this.end[slot]) flush(slot, this.start[slot], this.end[slot]);
			this.start[slot] = Number.NaN;
			this.end[slot] = Number.NaN;
		}
	}
}

function strokeClass(weight: number, dashed: boolean): number {
	return weight === HEAVY ? (dashed ? HEAVY_DASHED : HEAVY_SOLID) : dashed ? LIGHT_DASHED : LIGHT_SOLID;
}

/**
 * Where the parallel strokes of a double arm start, measured from the cell centre along the
 * arm: they stop short of a crossing double line, meet a single one, and turn outer corners.
 */
function doubleStart(conn: number, dir: number, side: number): number {
	const across = arm(conn, side);
	if (across !== 0) return across === DOUBLE ? GAP : 0;
	if (arm(conn, opposite(dir)) !== 0) return 0;
	if (arm(conn, opposite(side)) !== 0) return -GAP;
	return 0;
}

interface ArrowGeometry {
	points: string;
	/** Shaft from the back edge to the base of the head, or null. */
	shaft: string | null;
	shaftClass: number;
}

export interface SvgOptions {
	/** Prefix of the ids in the SVG: `${id}-svg` on the root, `${id}-title` on the title. */
	id: string;
	label: string;
}

export function drawingToSvg(drawing: Drawing, options: SvgOptions): string {
	const { grid, kind, connections: conn, arrow } = drawing;
	const { width, height } = grid;
	const classPaths: string[][] = [[], [], [], []];

	// Horizontal strokes, row by row. Slots: 4 stroke classes, then the upper and lower
	// strokes of double lines, then underscores along the bottom edge.
	const horizontal = new Runs(7);
	const flushH =
		(y: number) =>
		(slot: number, from: number, to: number): void => {
			const dy = slot === 4 ? -GAP : slot === 5 ? GAP : slot === 6 ? HALF_H : 0;
			classPaths[slot < 4 ? slot : LIGHT_SOLID].push(`M${num(from)} ${num(y + dy)}H${num(to)}`);
		};
	for (let r = 0; r < height; r++) {
		const cy = r * CELL_HEIGHT + HALF_H;
		const flush = flushH(cy);
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			const k = kind[i];
			if (k !== LINE && k !== ARROW) continue;
			const bits = conn[i];
			const cx = c * CELL_WIDTH + HALF_W;
			if (bits & UNDERSCORE) {
				const from = cx - (bits & extendBit(W) ? CELL_WIDTH : HALF_W);
				const to = cx + (bits & extendBit(E) ? CELL_WIDTH : HALF_W);
				horizontal.add(6, from, to, flush);
				continue;
			}
			if (bits & ROUNDED) continue;
			const dashed = (bits & DASHED) !== 0;
			const skip = k === ARROW ? opposite(arrowDir(arrow[i])) : -1;
			for (const dir of HORIZONTAL) {
				const weight = arm(bits, dir);
				if (weight === 0 || dir === skip) continue;
				const reach = bits & extendBit(dir) ? CELL_WIDTH : HALF_W;
				const sign = dir === E ? 1 : -1;
				if (weight === DOUBLE) {
					for (const side of VERTICAL) {
						const start = doubleStart(bits, dir, side);
						const a = cx + sign * start;
						const b = cx + sign * reach;
						horizontal.add(side === N ? 4 : 5, Math.min(a, b), Math.max(a, b), flush);
					}
				} else {
					const b = cx + sign * reach;
					horizontal.add(strokeClass(weight, dashed), Math.min(cx, b), Math.max(cx, b), flush);
				}
			}
		}
		horizontal.flushAll(flush);
	}

	// Vertical strokes, column by column; slots 4 and 5 are the left and right strokes of double lines.
	const vertical = new Runs(6);
	const flushV =
		(x: number) =>
		(slot: number, from: number, to: number): void => {
			const dx = slot === 4 ? -GAP : slot === 5 ? GAP : 0;
			classPaths[slot < 4 ? slot : LIGHT_SOLID].push(`M${num(x + dx)} ${num(from)}V${num(to)}`);
		};
	for (let c = 0; c < width; c++) {
		const cx = c * CELL_WIDTH + HALF_W;
		const flush = flushV(cx);
		for (let r = 0; r < height; r++) {
			const i = r * width + c;
			const k = kind[i];
			if (k !== LINE && k !== ARROW) continue;
			const bits = conn[i];
			if (bits & (ROUNDED | UNDERSCORE)) continue;
			const cy = r * CELL_HEIGHT + HALF_H;
			const dashed = (bits & DASHED) !== 0;
			const skip = k === ARROW ? opposite(arrowDir(arrow[i])) : -1;
			for (const dir of VERTICAL) {
				const weight = arm(bits, dir);
				if (weight === 0 || dir === skip) continue;
				const reach = bits & extendBit(dir) ? CELL_HEIGHT : HALF_H;
				const sign = dir === S ? 1 : -1;
				if (weight === DOUBLE) {
					for (const side of HORIZONTAL) {
						const start = doubleStart(bits, dir, side);
						const a = cy + sign * start;
						const b = cy + sign * reach;
						vertical.add(side === W ? 4 : 5, Math.min(a, b), Math.max(a, b), flush);
					}
				} else {
					const b = cy + sign * reach;
					vertical.add(strokeClass(weight, dashed), Math.min(cy, b), Math.max(cy, b), flush);
				}
			}
		}
		vertical.flushAll(flush);
	}

	// Cell by cell: rounded corners, diagonals, dots and arrowheads.
	const shapes: string[] = [];
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			const k = kind[i];
			if (k !== LINE && k !== ARROW) continue;
			const bits = conn[i];
			const x0 = c * CELL_WIDTH;
			const y0 = r * CELL_HEIGHT;
			if (k === ARROW) {
				const geometry = arrowGeometry(drawing, r, c);
				if (geometry.shaft) classPaths[geometry.shaftClass].push(geometry.shaft);
				shapes.push(`<polygon class="a" points="${geometry.points}"/>`);
				continue;
			}
			if (bits & ROUNDED) classPaths[bits & DASHED ? LIGHT_DASHED : LIGHT_SOLID].push(roundedCorner(bits, x0 + HALF_W, y0 + HALF_H));
			if (bits & SLASH) classPaths[LIGHT_SOLID].push(`M${num(x0)} ${num(y0 + CELL_HEIGHT)}L${num(x0 + CELL_WIDTH)} ${num(y0)}`);
			if (bits & BACKSLASH) classPaths[LIGHT_SOLID].push(`M${num(x0)} ${num(y0)}L${num(x0 + CELL_WIDTH)} ${num(y0 + CELL_HEIGHT)}`);
			if (bits & (JOG_RIGHT | JOG_LEFT)) {
				const to = x0 + HALF_W + (bits & JOG_RIGHT ? CELL_WIDTH : -CELL_WIDTH);
				classPaths[LIGHT_SOLID].push(`M${num(x0 + HALF_W)} ${num(y0 + CELL_HEIGHT)}H${num(to)}`);
			}
			if (bits & DOT) shapes.push(`<circle class="a" cx="${num(x0 + HALF_W)}" cy="${num(y0 + HALF_H)}" r="2.2"/>`);
		}
	}

	const texts = textElements(drawing);

	const id = options.id;
	// The caller's id usually names the figure around us, so ours gets a suffix.
	const scope = `#${id}-svg`;
	const stroke = 'var(--diagram-stroke,currentColor)';
	const style =
		`${scope}{font-family:var(--diagram-font,ui-monospace,SFMono-Regular,'DejaVu Sans Mono','Noto Sans Mono',Menlo,Consolas,monospace);font-size:${FONT_SIZE}px}` +
		`${scope} text{fill:var(--diagram-text,currentColor);white-space:pre}` +
		`${scope} .l,${scope} .h,${scope} .dl,${scope} .dh{fill:none;stroke:${stroke};stroke-linecap:square;stroke-linejoin:round}` +
		`${scope} .l,${scope} .dl{stroke-width:1.2}${scope} .h,${scope} .dh{stroke-width:2.4}` +
		`${scope} .dl,${scope} .dh{stroke-dasharray:3 2;stroke-linecap:butt}` +
		`${scope} .a{fill:${stroke};stroke:none}`;

	const pictureWidth = num(width * CELL_WIDTH + 2 * PAD);
	const pictureHeight = num(height * CELL_HEIGHT + 2 * PAD);
	let svg =
		`<svg xmlns="http://www.w3.org/2000/svg" id="${id}-svg" class="ascii-diagram" role="img" aria-labelledby="${id}-title"` +
		` width="${pictureWidth}" height="${pictureHeight}" viewBox="${-PAD} ${-PAD} ${pictureWidth} ${pictureHeight}" xml:space="preserve">` +
		`<title id="${id}-title">${escapeXml(options.label)}</title><style>${style}</style><g class="lines">`;
	for (let cls = 0; cls < classPaths.length; cls++) {
		if (classPaths[cls].length > 0) svg += `<path class="${CLASS_NAMES[cls]}" d="${classPaths[cls].join('')}"/>`;
	}
	svg += `</g><g class="heads">${shapes.join('')}</g><g class="text">${texts}</g></svg>`;
	return svg;
}

/** ╭ ╮ ╰ ╯: the two arms joined by a quarter curve instead of a sharp corner. */
function roundedCorner(bits: number, cx: number, cy: number): string {
	const h = arm(bits, E) !== 0 ? 1 : -1;
	const v = arm(bits, S) !== 0 ? 1 : -1;
	const hReach = bits & extendBit(h === 1 ? E : W) ? CELL_WIDTH : HALF_W;
	const vReach = bits & extendBit(v === 1 ? S : N) ? CELL_HEIGHT : HALF_H;
	return (
		`M${num(cx + h * hReach)} ${num(cy)}H${num(cx + h * CORNER_RADIUS)}` +
		`Q${num(cx)} ${num(cy)} ${num(cx)} ${num(cy + v * CORNER_RADIUS)}V${num(cy + v * vReach)}`
	);
}

/**
 * The head sits where the arrow visibly ends: on the border it points into (└──▲──┘), on the
 * centre of the line in front of it (──►│), or at the cell edge. Its shaft reaches back to
 * the line it comes from.
 */
function arrowGeometry(drawing: Drawing, r: number, c: number): ArrowGeometry {
	const { grid, kind, connections: conn, arrow } = drawing;
	const i = r * grid.width + c;
	const code = arrow[i];
	const dir = arrowDir(code);
	const back = opposite(dir);
	const bits = conn[i];
	const horizontal = dir === E || dir === W;
	const half = horizontal ? HALF_W : HALF_H;
	const slim = arrowHasShaft(code);
	const length = slim ? (horizontal ? 4 : 6) : horizontal ? 7 : 8;
	const spread = slim ? 3 : 3.5;

	const nr = r + (dir === S ? 1 : dir === N ? -1 : 0);
	const nc = c + (dir === E ? 1 : dir === W ? -1 : 0);
	const inside = nr >= 0 && nr < grid.height && nc >= 0 && nc < grid.width;
	const ahead = inside ? nr * grid.width + nc : -1;
	const aheadIsLine = ahead >= 0 && kind[ahead] === LINE;
	const aheadReachesBack = aheadIsLine && arm(conn[ahead], back) !== 0;
	const aheadHasCentre = aheadIsLine && (conn[ahead] & (0xff | SLASH | BACKSLASH)) !== 0;
	const across = horizontal ? arm(bits, N) + arm(bits, S) : arm(bits, E) + arm(bits, W);

	let tip: number;
	if (across !== 0) tip = 0;
	else if (aheadIsLine && !aheadReachesBack && aheadHasCentre) tip = 2 * half;
	else if (aheadIsLine || (ahead >= 0 && kind[ahead] === ARROW)) tip = half;
	else tip = half - (slim ? 1 : 0.5);
	const base = tip - length;

	const sign = dir === E || dir === S ? 1 : -1;
	const cx = c * CELL_WIDTH + HALF_W;
	const cy = r * CELL_HEIGHT + HALF_H;
	const along = (t: number): number => (horizontal ? cx : cy) + sign * t;
	let points: string;
	if (horizontal) {
		points = `${num(along(tip))},${num(cy)} ${num(along(base))},${num(cy - spread)} ${num(along(base))},${num(cy + spread)}`;
	} else {
		points = `${num(cx)},${num(along(tip))} ${num(cx - spread)},${num(along(base))} ${num(cx + spread)},${num(along(base))}`;
	}

	let shaft: string | null = null;
	const weight = arm(bits, back);
	if (weight !== 0) {
		// A shaft glyph (→) standing alone stops short of the cell edge so it does not touch the words around it.
		const reach = bits & extendBit(back) ? 2 * half : hasLineBehind(drawing, r, c, back) ? half : half - 1;
		const from = along(-reach);
		const to = along(base);
		if (sign * (to - from) > 0) shaft = horizontal ? `M${num(from)} ${num(cy)}H${num(to)}` : `M${num(cx)} ${num(from)}V${num(to)}`;
	}
	return { points, shaft, shaftClass: strokeClass(weight, (bits & DASHED) !== 0) };
}

function hasLineBehind(drawing: Drawing, r: number, c: number, back: number): boolean {
	const { grid, kind, connections: conn } = drawing;
	const nr = r + (back === S ? 1 : back === N ? -1 : 0);
	const nc = c + (back === E ? 1 : back === W ? -1 : 0);
	if (nr < 0 || nr >= grid.height || nc < 0 || nc >= grid.width) return false;
	const j = nr * grid.width + nc;
	return (kind[j] === LINE || kind[j] === ARROW) && arm(conn[j], opposite(back)) !== 0;
}

/**
 * Runs of writing on each row: words joined by single spaces, split at wider gaps and at
 * drawing cells so every run starts exactly on its own column. textLength pins each run to
 * its cells, so a font a little wider or narrower than 0.6em cannot push text into a line.
 * Wide characters (CJK, emoji) get runs of their own: their glyphs come from other fonts
 * and rarely fill two cells exactly, and the slack should not spread into the Latin text.
 */
function textElements(drawing: Drawing): string {
	const { grid, kind } = drawing;
	const { width, height, cells } = grid;
	const isWide = (i: number): boolean => i % width < width - 1 && cells[i + 1] === CONTINUATION;
	let out = '';
	for (let r = 0; r < height; r++) {
		const baseline = num(r * CELL_HEIGHT + BASELINE);
		const row = r * width;
		let c = 0;
		while (c < width) {
			if (kind[row + c] !== TEXT) {
				c++;
				continue;
			}
			const start = c;
			const wide = isWide(row + c);
			let text = '';
			let end = c;
			while (c < width) {
				const k = kind[row + c];
				if (k === TEXT && cells[row + c] !== CONTINUATION && isWide(row + c) !== wide) break;
				if (k === TEXT) {
					text += cellText(grid, row + c);
					c++;
					end = c;
				} else if (k === BLANK && c + 1 < width && kind[row + c + 1] === TEXT && isWide(row + c + 1) === wide) {
					text += ' ';
					c++;
				} else {
					break;
				}
			}
			out +=
				`<text x="${num(start * CELL_WIDTH)}" y="${baseline}" textLength="${num((end - start) * CELL_WIDTH)}">` +
				`${escapeXml(text)}</text>`;
		}
	}
	return out;
}
