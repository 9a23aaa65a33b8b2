/** The size of a cell in the picture, and how numbers and text are written into SVG. */

/** Cell size in px: the advance of a 14px monospace font (0.6em) and a 1.3 line height. */
export const CELL_WIDTH = 8.4;
export const CELL_HEIGHT = 18;
export const FONT_SIZE = 14;
/** Where the text baseline sits in its cell. */
export const BASELINE = 13;
/** Room around the grid so strokes on the outermost cells are not clipped. */
export const PAD = 2;
/** Half the gap between the two strokes of a double line. */
export const GAP = 1.5;
export const CORNER_RADIUS = 3.6;

export const HALF_WIDTH = CELL_WIDTH / 2;
export const HALF_HEIGHT = CELL_HEIGHT / 2;

/** A coordinate with at most two decimals, as short as it can be written. */
export const num = (value: number): string => String(Math.round(value * 100) / 100);

export function escapeXml(text: string): string {
	return text.replace(/[&<>"]/g, (ch) =>
		ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;',
	);
}
