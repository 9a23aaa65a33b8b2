/**
 * Checks a drawing against the text it was drawn from before it is published. A wrong drawing
 * is worse than the author's text, so the caller shows the text whenever a check fails:
 * - writing: every character that is not a drawing character is still writing, where it was typed;
 * - strokes: every line or arrow comes from a drawing character, or from a cell the
 *   straightening rules filled;
 * - boxes: every box (four corners, sides that may wander or miss a row) has four sides
 *   that meet, row after row.
 */
import { ARROW, type Drawing, LINE, TEXT } from './classify/index.ts';
import {
	BACKSLASH_CHAR,
	CARET,
	EQUALS,
	GREATER_THAN,
	HYPHEN,
	LESS_THAN,
	LOWER_V,
	PIPE,
	PLUS,
	SLASH_CHAR,
	STAR,
	UNDERSCORE_CHAR,
	UPPER_V,
} from './chars.ts';
import {
	arm,
	BACKSLASH,
	boxConnections,
	COLUMN_STEP,
	E,
	extendBit,
	JOG_LEFT,
	JOG_RIGHT,
	N,
	opposite,
	ROW_STEP,
	S,
	SLASH,
	unicodeArrow,
	W,
} from './glyphs.ts';
import { cellText, CONTINUATION, type Grid, SPACE } from './grid.ts';
import { type Box, findBoxes } from './straighten/boxes.ts';
import { CellEditor } from './straighten/cells.ts';

export interface DrawingFault {
	/** Which check failed. */
	check: 'writing' | 'stroke' | 'box';
	/** Row and column in the drawing, from 0. */
	row: number;
	column: number;
	message: string;
}

const ASCII_STROKES = new Set([
	HYPHEN,
	EQUALS,
	UNDERSCORE_CHAR,
	PIPE,
	PLUS,
	STAR,
	SLASH_CHAR,
	BACKSLASH_CHAR,
	GREATER_THAN,
	LESS_THAN,
	LOWER_V,
	UPPER_V,
	CARET,
]);

/**
 * ASCII arrowheads and the way their tip points. A line that runs into one from any side but
 * its tip (`-->`, `v---` turning down) while it stays writing: the arrow lost its head. A line
 * at the tip (`|` over `^` under a bit field) is a pointer mark, writing as typed.
 */
const ARROWHEAD_TIPS = new Map([
	[GREATER_THAN, E],
	[LESS_THAN, W],
	[LOWER_V, S],
	[UPPER_V, S],
	[CARET, N],
]);

/** `.` `'` and `` ` `` are box corners when straighten/rounded-corners.ts says so. */
const CORNER_MARKS = new Set([0x2e, 0x27, 0x60]);

/** A character the renderer may draw as a line or an arrowhead. */
function isDrawingCharacter(cp: number): boolean {
	return ASCII_STROKES.has(cp) || boxConnections(cp) !== 0 || unicodeArrow(cp) !== 0;
}

/** The first check the drawing fails, or null when it is faithful to its source. */
export function verifyDrawing(source: Grid, drawing: Drawing): DrawingFault | null {
	return (
		misplacedCell(source, drawing) ??
		looseStroke(drawing) ??
		strayBar(drawing) ??
		openCorner(drawing) ??
		brokenBox(drawing)
	);
}

/** A one-row bar that meets nothing above or below: a side or lifeline typed out of its column. */
function strayBar(drawing: Drawing): DrawingFault | null {
	const { width, height, cells } = drawing.grid;
	const meets = (r: number, c: number, dir: number): boolean => {
		const nr = r + ROW_STEP[dir];
		const nc = c + COLUMN_STEP[dir];
		if (nr < 0 || nr >= height || nc < 0 || nc >= width) return false;
		const j = nr * width + nc;
		return (
			drawing.kind[j] === ARROW ||
			(drawing.kind[j] === LINE && arm(drawing.connections[j], opposite(dir)) !== 0)
		);
	};
	for (let i = 0; i < cells.length; i++) {
		if (drawing.kind[i] !== LINE) continue;
		const bits = drawing.connections[i];
		if (
			arm(bits, E) !== 0 ||
			arm(bits, W) !== 0 ||
			arm(bits, N) === 0 ||
			arm(bits, S) === 0 ||
			(bits & (JOG_LEFT | JOG_RIGHT)) !== 0
		)
			continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		// Between two labels (`{Valid?}` over `│` over `YES`) a short bar is what the author drew.
		const blankAt = (row: number): boolean =>
			row < 0 || row >= height || cells[row * width + c] === SPACE;
		if (!blankAt(r - 1) || !blankAt(r + 1)) continue;
		if (
			!meets(r, c, N) &&
			!meets(r, c, S) &&
			!meets(r, c, E) &&
			!meets(r, c, W) &&
			(bits & (extendBit(N) | extendBit(S))) === 0
		) {
			return {
				check: 'stroke',
				row: r,
				column: c,
				message: `a "${String.fromCodePoint(cells[i])}" here meets no other line`,
			};
		}
	}
	return null;
}

/**
 * A `|`, `/` or `\` left as writing where it touches a drawn line: part of the drawing was
 * not understood, and drawing the rest would leave it hanging.
 */
function looseStroke(drawing: Drawing): DrawingFault | null {
	const { width, height, cells } = drawing.grid;
	const lineAt = (r: number, c: number, reaching: number): boolean =>
		r >= 0 &&
		r < height &&
		c >= 0 &&
		c < width &&
		drawing.kind[r * width + c] === LINE &&
		(reaching < 0 || arm(drawing.connections[r * width + c], reaching) !== 0);
	const diagonalAt = (r: number, c: number, bit: number): boolean =>
		lineAt(r, c, -1) &&
		((drawing.connections[r * width + c] & bit) !== 0 || cells[r * width + c] === PLUS);
	const lineIntoBase = (r: number, c: number, tip: number): boolean =>
		[N, E, S, W].some(
			(dir) => dir !== tip && lineAt(r + ROW_STEP[dir], c + COLUMN_STEP[dir], opposite(dir)),
		);
	for (let i = 0; i < cells.length; i++) {
		if (drawing.kind[i] !== TEXT) continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		const cp = cells[i];
		// A slash that continues a drawn diagonal or ends on a `+`; `Gateway / Balancer` under an edge is writing.
		const touches =
			cp === PIPE
				? lineAt(r - 1, c, S) || lineAt(r + 1, c, N)
				: cp === BACKSLASH_CHAR
					? diagonalAt(r - 1, c - 1, BACKSLASH) || diagonalAt(r + 1, c + 1, BACKSLASH)
					: cp === SLASH_CHAR
						? diagonalAt(r - 1, c + 1, SLASH) || diagonalAt(r + 1, c - 1, SLASH)
						: ARROWHEAD_TIPS.has(cp)
							? lineIntoBase(r, c, ARROWHEAD_TIPS.get(cp)!)
							: false;
		if (touches)
			return {
				check: 'stroke',
				row: r,
				column: c,
				message: `a "${String.fromCodePoint(cp)}" here touches a drawn line but could not be drawn itself`,
			};
	}
	return null;
}

/**
 * Two line ends a cell apart on a diagonal, one running sideways and one up or down, with a
 * blank where they would meet: a corner that does not close (`--+` over a `|` a column on).
 */
function openCorner(drawing: Drawing): DrawingFault | null {
	const { width, height } = drawing.grid;
	for (let r = 0; r < height; r++) {
		for (let c = 0; c < width; c++) {
			for (const [sideways, step] of [
				[E, 1],
				[W, -1],
			] as const) {
				if (!openEnd(drawing, r, c, sideways) || drawing.grid.cells[r * width + c + step] !== SPACE)
					continue;
				for (const [vertical, below] of [
					[N, 1],
					[S, -1],
				] as const) {
					if (openEnd(drawing, r + below, c + step, vertical)) {
						return {
							check: 'stroke',
							row: r,
							column: c + step,
							message: `two lines end here without meeting, a corner short`,
						};
					}
				}
			}
		}
	}
	return null;
}

/** (r, c) is a line whose end in `dir` meets nothing. */
function openEnd(drawing: Drawing, r: number, c: number, dir: number): boolean {
	const { width, height } = drawing.grid;
	if (r < 0 || r >= height || c < 0 || c >= width) return false;
	const i = r * width + c;
	if (drawing.kind[i] !== LINE) return false;
	const bits = drawing.connections[i];
	// A `+` that only one line reaches is a corner whose other line is missing: open both ways.
	const lonePlus =
		drawing.grid.cells[i] === PLUS &&
		(bits & 0xff) === arm(bits, opposite(dir)) << (opposite(dir) * 2);
	if ((arm(bits, dir) === 0 && !lonePlus) || (bits & (extendBit(dir) | JOG_LEFT | JOG_RIGHT)) !== 0)
		return false;
	const nr = r + ROW_STEP[dir];
	const nc = c + COLUMN_STEP[dir];
	if (nr < 0 || nr >= height || nc < 0 || nc >= width) return true;
	return drawing.grid.cells[nr * width + nc] === SPACE;
}

/** Writing that moved, vanished or became a stroke; a stroke from neither a drawing character nor a repair. */
function misplacedCell(source: Grid, drawing: Drawing): DrawingFault | null {
	const { width } = source;
	for (let i = 0; i < source.cells.length; i++) {
		const written = source.cells[i];
		const shown = drawing.grid.cells[i];
		const kind = drawing.kind[i];
		const row = Math.floor(i / width);
		const column = i - row * width;
		if (kind === TEXT && shown !== written) {
			return {
				check: 'writing',
				row,
				column,
				message: `"${cellText(drawing.grid, i)}" would be shown where "${cellText(source, i)}" is written`,
			};
		}
		const repaired = shown !== written && CORNER_MARKS.has(written);
		if (
			written !== SPACE &&
			written !== CONTINUATION &&
			!isDrawingCharacter(written) &&
			kind !== TEXT &&
			!repaired
		) {
			return {
				check: 'writing',
				row,
				column,
				message: `"${cellText(source, i)}" would not be shown as written`,
			};
		}
		if ((kind === LINE || kind === ARROW) && shown === written && !isDrawingCharacter(written)) {
			return {
				check: 'stroke',
				row,
				column,
				message: `"${cellText(source, i)}" would be drawn as a stroke`,
			};
		}
	}
	return null;
}

/** A box whose sides do not run unbroken from corner to corner. */
function brokenBox(drawing: Drawing): DrawingFault | null {
	for (const box of findBoxes(new CellEditor(drawing.grid), { gaps: true })) {
		const fault = brokenSide(drawing, box, 'left') ?? brokenSide(drawing, box, 'right');
		if (fault) return fault;
	}
	return null;
}

function brokenSide(drawing: Drawing, box: Box, side: 'left' | 'right'): DrawingFault | null {
	const found = side === 'left' ? box.lefts : box.rights;
	const [top, bottom] =
		side === 'left' ? [box.topLeft, box.bottomLeft] : [box.topRight, box.bottomRight];
	// A side that hangs from a longer edge, or stands on one, meets it where it is, not at the corner.
	const first = found.length > 0 && isInEdge(drawing, box.top, found[0]) ? found[0] : top;
	const last =
		found.length > 0 && isInEdge(drawing, box.bottom, found[found.length - 1])
			? found[found.length - 1]
			: bottom;
	const columns = [first, ...found, last];
	for (let k = 1; k < columns.length; k++) {
		const row = box.top + k;
		// The author wrote over the side there (a label, another box overhanging it): drawn as written.
		const own = columns[0]!;
		if (
			[columns[k - 1]!, own].some((c) => coveredAt(drawing, row - 1, c)) ||
			[columns[k]!, own].some((c) => coveredAt(drawing, row, c))
		)
			continue;
		// One column over, both drawn: a jog (joined by offsets.ts where the lines end), not a gap.
		const [upper, lower] = [columns[k - 1], columns[k]];
		if (
			Math.abs(lower - upper) === 1 &&
			isStroke(drawing, row - 1, upper) &&
			isStroke(drawing, row, lower)
		)
			continue;
		if (lower !== upper || !joined(drawing, row - 1, upper)) {
			return {
				check: 'box',
				row,
				column: columns[k],
				message: `the ${side} side of a box breaks off here`,
			};
		}
	}
	return null;
}

/** The side at (r, c) reaches the side at (r + 1, c): straight down, or across a line drawn over it. */
function joined(drawing: Drawing, r: number, c: number): boolean {
	if (!isStroke(drawing, r, c) || !isStroke(drawing, r + 1, c)) return false;
	const { width } = drawing.grid;
	const above = drawing.connections[r * width + c];
	const below = drawing.connections[(r + 1) * width + c];
	// An arrowhead touches the line it stands on.
	if (drawing.kind[r * width + c] === ARROW || drawing.kind[(r + 1) * width + c] === ARROW)
		return true;
	const down = arm(above, S) !== 0;
	const up = arm(below, N) !== 0;
	// An arm that meets a line which does not reach back runs on to its centre (offsets.ts).
	if ((down && (above & extendBit(S)) !== 0) || (up && (below & extendBit(N)) !== 0)) return true;
	return (down || crossing(above)) && (up || crossing(below));
}

/** An edge runs through (r, c): a line sideways, or an arrowhead set into it (──▲──). */
function isInEdge(drawing: Drawing, r: number, c: number): boolean {
	const i = r * drawing.grid.width + c;
	if (drawing.kind[i] === ARROW) return true;
	return (
		drawing.kind[i] === LINE &&
		(arm(drawing.connections[i], E) !== 0 || arm(drawing.connections[i], W) !== 0)
	);
}

/**
 * The author wrote over the side there: writing (or a blank inside a label) stands where it
 * would pass, or the stroke of something else that does not run down.
 */
function coveredAt(drawing: Drawing, r: number, c: number): boolean {
	const { width } = drawing.grid;
	const i = r * width + c;
	if (drawing.kind[i] === TEXT) return true;
	if (drawing.grid.cells[i] === SPACE)
		return c > 0 && c + 1 < width && drawing.kind[i - 1] === TEXT && drawing.kind[i + 1] === TEXT;
	return (
		isStroke(drawing, r, c) &&
		arm(drawing.connections[i], N) === 0 &&
		arm(drawing.connections[i], S) === 0
	);
}

function isStroke(drawing: Drawing, r: number, c: number): boolean {
	const kind = drawing.kind[r * drawing.grid.width + c];
	return kind === LINE || kind === ARROW;
}

/** A horizontal line passing over the side: `-` between `|` above and below. */
function crossing(bits: number): boolean {
	return arm(bits, N) === 0 && arm(bits, S) === 0 && (arm(bits, E) !== 0 || arm(bits, W) !== 0);
}
