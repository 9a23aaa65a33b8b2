/**
 * Is this fence a drawing? Unlabelled and `text` fences hold drawings, but also file trees,
 * shell output, endpoint listings and step lists with a few arrows. Those read fine as text;
 * a drawing is worth an SVG only when it has real line structure: corners where lines meet,
 * or arrows whose shafts are drawn lines.
 */
import { ARROW, classify, type Drawing, LINE, TEXT } from './classify/index.ts';
import {
	arm,
	BACKSLASH,
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
	UNDERSCORE,
	W,
} from './glyphs.ts';
import { parseGrid } from './grid.ts';
import { straighten } from './straighten/index.ts';

export const LIMITS = { maxColumns: 400, maxRows: 2000 };

export interface DrawingStats {
	/** Cells drawn as lines (box drawing and ASCII in line context). */
	lineCells: number;
	/** Line cells that meet a neighbouring line: what separates a drawing from stray dashes. */
	connectedLineCells: number;
	/** Line cells where a horizontal and a vertical line meet (corners, tees, crossings). */
	corners: number;
	arrows: number;
	/** Arrows whose shaft is a drawn line (──►, -->, │ over ▼). */
	attachedArrows: number;
	/** Line and arrow cells joined to the row above or below: drawings are two-dimensional. */
	verticalLinks: number;
	/** All lines sit in front of the writing on their row, with branches: a file or step tree. */
	tree: boolean;
}

export function analyse(drawing: Drawing): DrawingStats {
	const { grid, kind, connections } = drawing;
	const { width, height } = grid;
	const stats: DrawingStats = {
		lineCells: 0,
		connectedLineCells: 0,
		corners: 0,
		arrows: 0,
		attachedArrows: 0,
		verticalLinks: 0,
		tree: false,
	};
	const isLineLike = (k: number): boolean => k === LINE || k === ARROW;
	const meets = (r: number, c: number, dir: number): boolean => {
		const bits = connections[r * width + c];
		if (arm(bits, dir) === 0) return false;
		if (bits & extendBit(dir)) return true;
		const nr = r + ROW_STEP[dir];
		const nc = c + COLUMN_STEP[dir];
		if (nr < 0 || nr >= height || nc < 0 || nc >= width) return false;
		const j = nr * width + nc;
		return isLineLike(kind[j]) && arm(connections[j], opposite(dir)) !== 0;
	};
	const endsOnDiagonal = (r: number, c: number, dir: number): boolean => {
		if ((connections[r * width + c] & extendBit(dir)) === 0) return false;
		const j = (r + ROW_STEP[dir]) * width + c + COLUMN_STEP[dir];
		return (connections[j] & (SLASH | BACKSLASH)) !== 0;
	};
	const lineAt = (r: number, c: number): boolean =>
		r >= 0 && r < height && c >= 0 && c < width && isLineLike(kind[r * width + c]);

	let branches = 0;
	let treeShaped = true;
	for (let r = 0; r < height; r++) {
		let firstText = -1;
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			const k = kind[i];
			if (k === TEXT) {
				if (firstText < 0) firstText = c;
				continue;
			}
			if (k === ARROW) {
				stats.arrows++;
				const vertical = meets(r, c, N) || meets(r, c, S);
				if (vertical) stats.verticalLinks++;
				const attached = vertical || meets(r, c, E) || meets(r, c, W);
				if (attached) stats.attachedArrows++;
				// A loose → inside a tree's text ("If miss → search") is still writing.
				if (firstText >= 0 && attached) treeShaped = false;
				continue;
			}
			if (k !== LINE) continue;
			stats.lineCells++;
			if (firstText >= 0) treeShaped = false;
			const bits = connections[i];
			const h = meets(r, c, E) || meets(r, c, W);
			const v = meets(r, c, N) || meets(r, c, S);
			let connected = h || v || (bits & (JOG_LEFT | JOG_RIGHT)) !== 0;
			if (!connected && bits & SLASH)
				connected =
					lineAt(r - 1, c + 1) || lineAt(r + 1, c - 1) || lineAt(r, c - 1) || lineAt(r, c + 1);
			if (!connected && bits & BACKSLASH)
				connected =
					lineAt(r - 1, c - 1) || lineAt(r + 1, c + 1) || lineAt(r, c - 1) || lineAt(r, c + 1);
			if (!connected && bits & UNDERSCORE) connected = lineAt(r, c - 1) || lineAt(r, c + 1);
			if (connected) stats.connectedLineCells++;
			if (v) stats.verticalLinks++;
			if (h && v) stats.corners++;
			// A line that runs into a diagonal (the floors of a / \ pyramid) is a corner too.
			else if (h && (endsOnDiagonal(r, c, E) || endsOnDiagonal(r, c, W))) stats.corners++;
			// ├ and └ (or |-- and +--): a branch opening to the right off a trunk above.
			if (meets(r, c, N) && meets(r, c, E) && arm(bits, W) === 0) branches++;
		}
	}
	stats.tree = treeShaped && branches > 0;
	return stats;
}

/** Why a classified grid cannot be drawn, or null when it can. */
export function drawingProblem(stats: DrawingStats): string | null {
	if (stats.lineCells + stats.arrows === 0) return 'no drawing characters';
	if (stats.lineCells >= 4 && stats.connectedLineCells / stats.lineCells < 0.5) {
		return `only ${stats.connectedLineCells} of ${stats.lineCells} line cells connect to another line`;
	}
	return null;
}

// Cheap first look: without a line character or an arrow there is nothing to draw.
const DRAWING_CHARS = /[-|+*/\\_=\u2190-\u2193\u2500-\u257f\u25b2-\u25c4]/;

function analyseText(code: string): DrawingStats | null {
	if (!DRAWING_CHARS.test(code)) return null;
	const parsed = parseGrid(code, LIMITS);
	if (!parsed.ok) return null;
	return analyse(classify(straighten(parsed.grid)));
}

/** True when unlabelled / `text` fence content is a drawing rather than prose, code, output or a tree. */
export function looksLikeDiagram(code: string): boolean {
	try {
		const stats = analyseText(code);
		if (!stats || stats.tree || drawingProblem(stats) !== null) return false;
		if (stats.corners >= 2) return true;
		// Without corners, arrows on drawn shafts still make a drawing when it goes up and
		// down (│ over ▼ between boxes of text); `---> id` lines of build output do not.
		if (stats.corners === 1) return stats.attachedArrows >= 1;
		return stats.attachedArrows >= 2 && stats.verticalLinks >= 2;
	} catch {
		return false;
	}
}

const DIAGRAM_LANGUAGES = new Set(['ascii', 'diagram', 'svgbob', 'goat']);
// Labels authors give a fence of plain text: its content decides whether it is a drawing.
const PLAIN_LANGUAGES = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'markup', 'ascii-art']);

/**
 * How to show a fence. Meta words win: `diagram` forces a drawing, `no-diagram` (or
 * `nodiagram`) forces code. A fence labelled as a drawing (ascii, diagram, svgbob, goat) is
 * drawn when it has anything drawable; an unlabelled or plain-text fence (text, plain,
 * plaintext, markup, ascii-art) only when it looks like a drawing; any other language is code.
 */
export function fenceDecision(
	lang: string | null | undefined,
	meta: string | null | undefined,
	code: string,
): 'diagram' | 'code' {
	const words = String(meta ?? '')
		.toLowerCase()
		.split(/[\s,{}]+/);
	if (words.includes('no-diagram') || words.includes('nodiagram')) return 'code';
	if (words.includes('diagram')) return 'diagram';
	const language = String(lang ?? '')
		.trim()
		.toLowerCase();
	if (DIAGRAM_LANGUAGES.has(language)) {
		try {
			const stats = analyseText(code);
			return stats && drawingProblem(stats) === null ? 'diagram' : 'code';
		} catch {
			return 'code';
		}
	}
	if (PLAIN_LANGUAGES.has(language)) return looksLikeDiagram(code) ? 'diagram' : 'code';
	return 'code';
}
