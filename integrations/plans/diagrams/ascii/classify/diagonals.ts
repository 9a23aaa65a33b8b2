/**
 * `/` and `\`: chains of diagonals, the peak of /\ and misdrawn edges next to a chain. A slash
 * glued to the word before it (src/, and/or) or a backslash glued to the word after it (\n,
 * C:\Users) is writing; so is a chain in which every cell touches writing, which is what a
 * column of `GET /path` or `https://` lines makes.
 */
import { BACKSLASH, SLASH } from '../glyphs.ts';
import { SPACE } from '../grid.ts';
import { ARROW, BACKSLASH_CHAR, type Canvas, isWordChar, LINE, SLASH_CHAR } from './canvas.ts';

const LIGHT_DIAGONAL_UP = 0x2571; // ╱
const LIGHT_DIAGONAL_DOWN = 0x2572; // ╲
const LIGHT_DIAGONAL_CROSS = 0x2573; // ╳

const isSlash = (cp: number): boolean =>
	cp === SLASH_CHAR || cp === LIGHT_DIAGONAL_UP || cp === LIGHT_DIAGONAL_CROSS;
const isBackslash = (cp: number): boolean =>
	cp === BACKSLASH_CHAR || cp === LIGHT_DIAGONAL_DOWN || cp === LIGHT_DIAGONAL_CROSS;
const isAsciiDiagonal = (cp: number): boolean => cp === SLASH_CHAR || cp === BACKSLASH_CHAR;

export function markDiagonals(canvas: Canvas): void {
	const loose: number[] = [];
	for (const slash of [true, false]) markChains(canvas, slash, loose);
	for (const i of loose) markLooseDiagonal(canvas, i);
}

/** Can (r, c) be part of a chain of slashes (or backslashes)? */
function chainCell(canvas: Canvas, r: number, c: number, slash: boolean): boolean {
	const cp = canvas.codeAt(r, c);
	if (cp === (slash ? SLASH_CHAR : BACKSLASH_CHAR))
		return !isWordChar(canvas.codeAt(r, c + (slash ? -1 : 1)));
	return slash ? isSlash(cp) && cp !== SLASH_CHAR : isBackslash(cp) && cp !== BACKSLASH_CHAR;
}

/** Space or drawing on a side: not the // of a URL nor the / of a path. */
function openSide(canvas: Canvas, r: number, c: number): boolean {
	const kind = canvas.kindAt(r, c);
	return canvas.codeAt(r, c) === SPACE || kind === LINE || kind === ARROW;
}

/**
 * Walks every chain of slashes (each one row down and one column left of the last) or of
 * backslashes from its top. ASCII cells of a free chain of two or more become lines; the
 * others are set aside in `loose` for a second look.
 */
function markChains(canvas: Canvas, slash: boolean, loose: number[]): void {
	const { cells, kind, connections, width } = canvas;
	const step = slash ? -1 : 1; // column step going down the chain
	for (let r = 0; r < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			const cp = cells[r * width + c];
			if (!isAsciiDiagonal(cp) && (cp < LIGHT_DIAGONAL_UP || cp > LIGHT_DIAGONAL_CROSS)) continue;
			if (!chainCell(canvas, r, c, slash) || chainCell(canvas, r - 1, c - step, slash)) continue;
			let length = 0;
			let free = false;
			for (let row = r, column = c; chainCell(canvas, row, column, slash); row++, column += step) {
				length++;
				if (!isAsciiDiagonal(canvas.codeAt(row, column))) free = true;
				else if (openSide(canvas, row, column - 1) && openSide(canvas, row, column + 1))
					free = true;
			}
			for (let k = 0, row = r, column = c; k < length; k++, row++, column += step) {
				const i = row * width + column;
				if (!isAsciiDiagonal(cells[i])) continue;
				if (length >= 2 && free) {
					kind[i] = LINE;
					connections[i] = slash ? SLASH : BACKSLASH;
				} else {
					loose.push(i);
				}
			}
		}
	}
}

/**
 * A slash that is no chain of its own is still a line beside its partner (the peak of /\) or
 * when it ends on a line right next to a real chain (a pyramid's misdrawn edge), not for a
 * slash that happens to sit over a tree branch.
 */
function markLooseDiagonal(canvas: Canvas, i: number): void {
	const { cells, width } = canvas;
	const r = Math.floor(i / width);
	const c = i - r * width;
	const slash = cells[i] === SLASH_CHAR;
	const lineAt = (row: number, column: number): boolean => canvas.kindAt(row, column) === LINE;
	const other = slash ? BACKSLASH_CHAR : SLASH_CHAR;
	const partner =
		(lineAt(r, c + 1) && canvas.codeAt(r, c + 1) === other) ||
		(lineAt(r, c - 1) && canvas.codeAt(r, c - 1) === other);
	const endsOnLine = slash
		? lineAt(r - 1, c + 1) || lineAt(r + 1, c - 1)
		: lineAt(r - 1, c - 1) || lineAt(r + 1, c + 1);
	const step = slash ? -1 : 1;
	const diagonalAt = (row: number, column: number): boolean =>
		lineAt(row, column) && canvas.codeAt(row, column) === cells[i];
	const nearChain =
		diagonalAt(r + 1, c + step) ||
		diagonalAt(r + 1, c + 2 * step) ||
		diagonalAt(r - 1, c - step) ||
		diagonalAt(r - 1, c - 2 * step);
	if (partner || (endsOnLine && nearChain)) {
		canvas.kind[i] = LINE;
		canvas.connections[i] = slash ? SLASH : BACKSLASH;
	}
}
