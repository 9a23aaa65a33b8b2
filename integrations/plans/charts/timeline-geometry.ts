/**
 * The timeline's dimensions that its axis, its label placement and its drawing must agree on, in
 * SVG user units (1 unit = 1 CSS px).
 */

/** Total width: wide enough for a year of month ticks, narrow enough for a content column. */
export const WIDTH = 860;
/** Margin at the chart's edges, kept clear of text. */
export const PAD = 4;
/** Font size of milestone labels, a little smaller than the chart's other text. */
export const ITEM_FONT = 11;
/** Half the diagonal of a diamond marker / radius of a circle marker. */
export const MARKER = 7;
/** Distance between label rows: the markers' own row, the rows above and below it, and extra rows below. */
export const STAGGER = 15;
