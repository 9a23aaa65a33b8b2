/**
 * Decides, cell by cell, what is drawing and what is writing. Box-drawing characters are
 * always lines; the ASCII characters that double as punctuation (- | + * / \ _ = > < v ^)
 * become lines or arrowheads only when their neighbours say so, so `non-blocking`, `a | b`,
 * `+1`, `x <- y` and `item =>` stay text. Then every line cell learns which cell edges it
 * reaches, which is all the SVG writer needs. The passes run in this order; each reads what
 * the ones before it decided.
 */
import type { Grid } from '../grid.ts';
import { markAsciiArrowheads } from './arrowheads.ts';
import { Canvas, type Drawing } from './canvas.ts';
import { markDiagonals } from './diagonals.ts';
import { markJunctions } from './junctions.ts';
import { keepLooseArrowsAsText } from './loose-arrows.ts';
import { armFromNeighbours } from './neighbour-arms.ts';
import { extendToNeighbours, joinOffsetVerticals } from './offsets.ts';
import { markPipes } from './pipes.ts';
import { markDashRuns, markUnderscoreRuns } from './runs.ts';
import { trimJunctionStubs } from './stubs.ts';
import { markUnicode } from './unicode.ts';

export { ARROW, BLANK, type Drawing, LINE, TEXT } from './canvas.ts';

export function classify(grid: Grid): Drawing {
	const canvas = new Canvas(grid);
	markUnicode(canvas);
	markDashRuns(canvas);
	markUnderscoreRuns(canvas);
	markPipes(canvas);
	markJunctions(canvas);
	markDiagonals(canvas);
	markAsciiArrowheads(canvas);
	keepLooseArrowsAsText(canvas);
	armFromNeighbours(canvas);
	joinOffsetVerticals(canvas);
	extendToNeighbours(canvas);
	trimJunctionStubs(canvas);
	return canvas;
}
