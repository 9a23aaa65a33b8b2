/**
 * Straight strokes, one pass per axis: horizontal ones row by row, then vertical ones column
 * by column. Collinear pieces that touch are merged, so a 60-cell box edge becomes one `H`
 * command instead of 120 half-cell pieces.
 */
import { ARROW, type Drawing, LINE } from '../classify/index.ts';
import {
	arm,
	arrowDir,
	DASHED,
	DOUBLE,
	E,
	extendBit,
	N,
	opposite,
	ROUNDED,
	S,
	UNDERSCORE,
	W,
} from '../glyphs.ts';
import { CELL_HEIGHT, CELL_WIDTH, GAP, HALF_HEIGHT, HALF_WIDTH, num } from './geometry.ts';
import { LIGHT_SOLID, STROKE_STYLES, type StrokePaths, strokeStyle } from './stroke-classes.ts';

/** Merge slots: one per stroke style, then the two strokes of a double line, then underscores. */
const DOUBLE_NEAR = STROKE_STYLES;
const DOUBLE_FAR = STROKE_STYLES + 1;
const UNDERSCORE_SLOT = STROKE_STYLES + 2;
const SLOTS = STROKE_STYLES + 3;

interface Axis {
	/** Rows for horizontal strokes, columns for vertical ones. */
	lines: number;
	/** Cells along one line. */
	length: number;
	index: (line: number, k: number) => number;
	/** Cell size along the axis, and its half. */
	cell: number;
	half: number;
	/** Where the centre of a line, and of the k-th cell along it, lies. */
	across: (line: number) => number;
	along: (k: number) => number;
	/** The two arm directions along the axis, backward first, and the two across it. */
	arms: [number, number];
	sides: [number, number];
	/** Offset across the line of a merge slot's stroke. */
	offset: (slot: number) => number;
	command: (across: number, from: number, to: number) => string;
}

function axes(drawing: Drawing): Axis[] {
	const { width, height } = drawing.grid;
	const doubleOffset = (slot: number): number =>
		slot === DOUBLE_NEAR ? -GAP : slot === DOUBLE_FAR ? GAP : 0;
	return [
		{
			lines: height,
			length: width,
			index: (r, c) => r * width + c,
			cell: CELL_WIDTH,
			half: HALF_WIDTH,
			across: (r) => r * CELL_HEIGHT + HALF_HEIGHT,
			along: (c) => c * CELL_WIDTH + HALF_WIDTH,
			arms: [W, E],
			sides: [N, S],
			offset: (slot) => (slot === UNDERSCORE_SLOT ? HALF_HEIGHT : doubleOffset(slot)),
			command: (y, from, to) => `M${num(from)} ${num(y)}H${num(to)}`,
		},
		{
			lines: width,
			length: height,
			index: (c, r) => r * width + c,
			cell: CELL_HEIGHT,
			half: HALF_HEIGHT,
			across: (c) => c * CELL_WIDTH + HALF_WIDTH,
			along: (r) => r * CELL_HEIGHT + HALF_HEIGHT,
			arms: [N, S],
			sides: [W, E],
			offset: doubleOffset,
			command: (x, from, to) => `M${num(x)} ${num(from)}V${num(to)}`,
		},
	];
}

/** Adds the straight strokes of the drawing to `paths`: horizontal first, then vertical. */
export function addStraightStrokes(drawing: Drawing, paths: StrokePaths): void {
	for (const axis of axes(drawing)) {
		const merged = new MergedRuns(SLOTS);
		for (let line = 0; line < axis.lines; line++) {
			const across = axis.across(line);
			const flush = (slot: number, from: number, to: number): void => {
				paths[slot < STROKE_STYLES ? slot : LIGHT_SOLID].push(
					axis.command(across + axis.offset(slot), from, to),
				);
			};
			for (let k = 0; k < axis.length; k++)
				addCellStrokes(drawing, axis, axis.index(line, k), axis.along(k), merged, flush);
			merged.flushAll(flush);
		}
	}
}

type Flush = (slot: number, from: number, to: number) => void;

/** The strokes of one cell along the axis: its arms, doubled or not, or its underscore. */
function addCellStrokes(
	drawing: Drawing,
	axis: Axis,
	i: number,
	centre: number,
	merged: MergedRuns,
	flush: Flush,
): void {
	const kind = drawing.kind[i];
	if (kind !== LINE && kind !== ARROW) return;
	const bits = drawing.connections[i];
	const [backward, forward] = axis.arms;
	if (bits & UNDERSCORE) {
		if (forward !== E) return;
		const from = centre - (bits & extendBit(W) ? CELL_WIDTH : HALF_WIDTH);
		const to = centre + (bits & extendBit(E) ? CELL_WIDTH : HALF_WIDTH);
		merged.add(UNDERSCORE_SLOT, from, to, flush);
		return;
	}
	if (bits & ROUNDED) return;
	const skip = kind === ARROW ? opposite(arrowDir(drawing.arrow[i])) : -1;
	for (const dir of [backward, forward]) {
		const weight = arm(bits, dir);
		if (weight === 0 || dir === skip) continue;
		const reach = bits & extendBit(dir) ? axis.cell : axis.half;
		const sign = dir === forward ? 1 : -1;
		const end = centre + sign * reach;
		if (weight !== DOUBLE) {
			merged.add(
				strokeStyle(weight, (bits & DASHED) !== 0),
				Math.min(centre, end),
				Math.max(centre, end),
				flush,
			);
			continue;
		}
		for (const side of axis.sides) {
			const start = centre + sign * doubleStart(bits, dir, side);
			merged.add(
				side === axis.sides[0] ? DOUBLE_NEAR : DOUBLE_FAR,
				Math.min(start, end),
				Math.max(start, end),
				flush,
			);
		}
	}
}

/**
 * Where the parallel strokes of a double arm start, measured from the cell centre along the
 * arm: they stop short of a crossing double line, meet a single one, and turn outer corners.
 */
function doubleStart(bits: number, dir: number, side: number): number {
	const across = arm(bits, side);
	if (across !== 0) return across === DOUBLE ? GAP : 0;
	if (arm(bits, opposite(dir)) !== 0) return 0;
	if (arm(bits, opposite(side)) !== 0) return -GAP;
	return 0;
}

/** Collects collinear segments per slot and joins the ones that touch. Segments arrive sorted by start. */
class MergedRuns {
	private readonly start: number[];
	private readonly end: number[];

	constructor(slots: number) {
		this.start = new Array<number>(slots).fill(Number.NaN);
		this.end = new Array<number>(slots).fill(Number.NaN);
	}

	add(slot: number, from: number, to: number, flush: Flush): void {
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

	flushAll(flush: Flush): void {
		for (let slot = 0; slot < this.start.length; slot++) {
			if (this.end[slot] === this.end[slot]) flush(slot, this.start[slot], this.end[slot]);
			this.start[slot] = Number.NaN;
			this.end[slot] = Number.NaN;
		}
	}
}
