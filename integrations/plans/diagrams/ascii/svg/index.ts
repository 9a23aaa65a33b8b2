/**
 * Writes a classified grid as SVG: merged path segments for lines, polygons for arrowheads,
 * and the writing as real <text>, one element per run of words on a row.
 */
import type { Drawing } from '../classify/index.ts';
import { CELL_HEIGHT, CELL_WIDTH, escapeXml, FONT_SIZE, num, PAD } from './geometry.ts';
import { addCellShapes } from './shapes.ts';
import {
	emptyStrokePaths,
	FILLED_CLASS_NAME,
	STROKE_CLASS_NAMES,
	type StrokePaths,
} from './stroke-classes.ts';
import { addStraightStrokes } from './strokes.ts';
import { textElements } from './text.ts';

export { CELL_HEIGHT, CELL_WIDTH, FONT_SIZE } from './geometry.ts';

export interface SvgOptions {
	/** Prefix of the ids in the SVG: `${id}-svg` on the root, `${id}-title` on the title. */
	id: string;
	label: string;
}

export function drawingToSvg(drawing: Drawing, options: SvgOptions): string {
	const paths = emptyStrokePaths();
	addStraightStrokes(drawing, paths);
	const filled = addCellShapes(drawing, paths);
	const texts = textElements(drawing);
	const { id } = options;
	const pictureWidth = num(drawing.grid.width * CELL_WIDTH + 2 * PAD);
	const pictureHeight = num(drawing.grid.height * CELL_HEIGHT + 2 * PAD);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" id="${id}-svg" class="ascii-diagram" role="img" aria-labelledby="${id}-title"` +
		` width="${pictureWidth}" height="${pictureHeight}" viewBox="${-PAD} ${-PAD} ${pictureWidth} ${pictureHeight}" xml:space="preserve">` +
		`<title id="${id}-title">${escapeXml(options.label)}</title><style>${scopedStyle(id)}</style>` +
		`<g class="lines">${pathElements(paths)}</g><g class="heads">${filled.join('')}</g><g class="text">${texts}</g></svg>`
	);
}

function pathElements(paths: StrokePaths): string {
	let out = '';
	paths.forEach((data, style) => {
		if (data.length > 0) out += `<path class="${STROKE_CLASS_NAMES[style]}" d="${data.join('')}"/>`;
	});
	return out;
}

/**
 * The diagram's own style sheet, every rule scoped to its root's id (the caller's id usually
 * names the figure around us, so ours gets a suffix). Colours come from the page.
 */
function scopedStyle(id: string): string {
	const scope = `#${id}-svg`;
	const stroke = 'var(--diagram-stroke,currentColor)';
	const [light, heavy, lightDashed, heavyDashed] = STROKE_CLASS_NAMES.map(
		(name) => `${scope} .${name}`,
	);
	return (
		`${scope}{font-family:var(--diagram-font,ui-monospace,SFMono-Regular,'DejaVu Sans Mono','Noto Sans Mono',Menlo,Consolas,monospace);font-size:${FONT_SIZE}px}` +
		`${scope} text{fill:var(--diagram-text,currentColor);white-space:pre}` +
		`${light},${heavy},${lightDashed},${heavyDashed}{fill:none;stroke:${stroke};stroke-linecap:square;stroke-linejoin:round}` +
		`${light},${lightDashed}{stroke-width:1.2}${heavy},${heavyDashed}{stroke-width:2.4}` +
		`${lightDashed},${heavyDashed}{stroke-dasharray:3 2;stroke-linecap:butt}` +
		`${scope} .${FILLED_CLASS_NAME}{fill:${stroke};stroke:none}`
	);
}
