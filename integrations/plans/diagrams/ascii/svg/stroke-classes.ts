/** The stroke styles a line can take, each a CSS class of the SVG; double lines use the light stroke twice. */
import { HEAVY } from '../glyphs.ts';

export const LIGHT_SOLID = 0;
const HEAVY_SOLID = 1;
export const LIGHT_DASHED = 2;
const HEAVY_DASHED = 3;
export const STROKE_STYLES = 4;

/** Class names in the SVG, by stroke style; short because a large drawing repeats them. */
export const STROKE_CLASS_NAMES = ['l', 'h', 'dl', 'dh'];
/** Class of arrowheads and junction dots: filled, not stroked. */
export const FILLED_CLASS_NAME = 'a';

export function strokeStyle(weight: number, dashed: boolean): number {
	return weight === HEAVY
		? dashed
			? HEAVY_DASHED
			: HEAVY_SOLID
		: dashed
			? LIGHT_DASHED
			: LIGHT_SOLID;
}

/** Path data per stroke style, in the order the strokes were found. */
export type StrokePaths = string[][];

export const emptyStrokePaths = (): StrokePaths => Array.from({ length: STROKE_STYLES }, () => []);
