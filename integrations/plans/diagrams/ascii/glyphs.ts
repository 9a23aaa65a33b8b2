/**
 * What each drawing character looks like, as data: which cell edges a box-drawing character
 * reaches and how heavy each arm is, and which characters are arrowheads.
 */

// Connection bits of a cell. Bits 0-7, the arms: 2 bits each for N, E, S, W
// (0 none, 1 light, 2 heavy, 3 double).
export const N = 0;
export const E = 1;
export const S = 2;
export const W = 3;
/** Row and column steps towards N, E, S, W. */
export const ROW_STEP = [-1, 0, 1, 0];
export const COLUMN_STEP = [0, 1, 0, -1];
export const LIGHT = 1;
export const HEAVY = 2;
export const DOUBLE = 3;
export const DASHED = 1 << 8;
export const ROUNDED = 1 << 9;
/** `/`: from the bottom-left corner of the cell to the top-right one. */
export const SLASH = 1 << 10;
/** `\`: from the top-left corner to the bottom-right one. */
export const BACKSLASH = 1 << 11;
/** `_`: a line along the bottom edge of the cell. */
export const UNDERSCORE = 1 << 12;
/** Bits 13-16: the arm in that direction runs on to the centre of the next cell (see extendBit). */
const EXTEND_SHIFT = 13;
/** Dot on the centre of a `*` junction. */
export const DOT = 1 << 17;
/**
 * A vertical line that stops at the bottom of this cell continues one column to the right
 * (or left) in the row below: a `│` drawn one column off. Drawn as a short jog along the
 * bottom edge so the two parts still join.
 */
export const JOG_RIGHT = 1 << 18;
export const JOG_LEFT = 1 << 19;

export const arm = (conn: number, dir: number): number => (conn >> (dir * 2)) & 3;
export const withArm = (conn: number, dir: number, weight: number): number =>
	(conn & ~(3 << (dir * 2))) | (weight << (dir * 2));
export const hasArms = (conn: number): boolean => (conn & 0xff) !== 0;
/** The arm in `dir` runs on to the centre of the neighbouring cell (that cell's line does not reach back). */
export const extendBit = (dir: number): number => 1 << (EXTEND_SHIFT + dir);
export const opposite = (dir: number): number => (dir + 2) & 3;

/**
 * U+2500–U+257F, four digits per character: N E S W weights (0 none, 1 light, 2 heavy,
 * 3 double), derived from the Unicode character names ("DOWN LIGHT AND RIGHT HEAVY").
 * The diagonals ╱ ╲ ╳ are zeros here and get their bits in BOX_TABLE.
 */
const BOX_ARMS =
	'0101020210102020010102021010202001010202101020200110021001200220' + // ─━│┃┄┅┆┇┈┉┊┋┌┍┎┏
	'0011001200210022110012002100220010011002200120021110121021101120' + // ┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟
	'2120221012202220101110122011102120212012102220220111011202110212' + // ┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯
	'0121012202210222110111021201120221012102220122021111111212111212' + // ┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿
	'2111112121212112221111221221221212222122222122220101020210102020' + // ╀╁╂╃╄╅╆╇╈╉╊╋╌╍╎╏
	'0303303003100130033000130031003313003100330010033001300313103130' + // ═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟
	'3330101330313033031301310333130331013303131331313333011000111001' + // ╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯
	'1100000000000000000110000100001000022000020000200201102001022010'; // ╰╱╲╳╴╵╶╷╸╹╺╻╼╽╾╿

const BOX_FIRST = 0x2500;
const BOX_LAST = 0x257f;

/** BOX_ARMS decoded once, plus dashes, arcs and diagonals: connection bits by code point. */
const BOX_TABLE = (() => {
	const table = new Uint32Array(BOX_LAST - BOX_FIRST + 1);
	for (let i = 0; i < table.length; i++) {
		const cp = BOX_FIRST + i;
		let conn = 0;
		for (let dir = 0; dir < 4; dir++)
			conn = withArm(conn, dir, BOX_ARMS.charCodeAt(i * 4 + dir) - 48);
		if ((cp >= 0x2504 && cp <= 0x250b) || (cp >= 0x254c && cp <= 0x254f)) conn |= DASHED; // ┄┅┆┇┈┉┊┋ ╌╍╎╏
		if (cp >= 0x256d && cp <= 0x2570) conn |= ROUNDED; // ╭╮╯╰
		if (cp === 0x2571 || cp === 0x2573) conn |= SLASH; // ╱ ╳
		if (cp === 0x2572 || cp === 0x2573) conn |= BACKSLASH; // ╲ ╳
		table[i] = conn;
	}
	return table;
})();

/** Connection bits for a box-drawing character, or 0 when `cp` is not one. */
export function boxConnections(cp: number): number {
	return cp < BOX_FIRST || cp > BOX_LAST ? 0 : BOX_TABLE[cp - BOX_FIRST];
}

/**
 * Arrow codes: 0 for none, else 1 + the direction the tip points, plus 4 when the glyph
 * has its own shaft (→ draws a line across its cell; ► is only a head).
 */
const SHAFT = 4;
export const arrowDir = (code: number): number => (code - 1) & 3;
export const arrowHasShaft = (code: number): boolean => ((code - 1) & SHAFT) !== 0;
export const arrowCode = (dir: number, shaft: boolean): number => 1 + dir + (shaft ? SHAFT : 0);

const UNICODE_ARROWS = new Map<number, number>([
	// Filled triangles: arrowheads wherever they stand.
	[0x25b2, arrowCode(N, false)], // ▲
	[0x25b4, arrowCode(N, false)], // ▴
	[0x25b6, arrowCode(E, false)], // ▶
	[0x25b8, arrowCode(E, false)], // ▸
	[0x25ba, arrowCode(E, false)], // ►
	[0x25bc, arrowCode(S, false)], // ▼
	[0x25be, arrowCode(S, false)], // ▾
	[0x25c0, arrowCode(W, false)], // ◀
	[0x25c2, arrowCode(W, false)], // ◂
	[0x25c4, arrowCode(W, false)], // ◄
	// Arrows with a shaft.
	[0x2191, arrowCode(N, true)], // ↑
	[0x2192, arrowCode(E, true)], // →
	[0x2193, arrowCode(S, true)], // ↓
	[0x2190, arrowCode(W, true)], // ←
]);

/** Arrow code of a Unicode arrow or triangle, 0 for anything else. */
export function unicodeArrow(cp: number): number {
	return UNICODE_ARROWS.get(cp) ?? 0;
}
