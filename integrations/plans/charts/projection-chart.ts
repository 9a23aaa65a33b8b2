import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import {
	type ChartOptions,
	hatchPattern,
	linkOrGroup,
	num,
	rect,
	safe,
	svgRoot,
	text,
	textWidth,
	truncate,
} from './svg.ts';

/** One column of {@link projectionChart}: a cost at a point in time. */
export interface ProjectionPoint {
	/** Time label drawn under the column: "Now", "6 months". */
	label: string;
	/** Column height; a range draws solid to `low` and a lighter/hatched cap to `high`. */
	low: number;
	high: number;
	/** Text drawn above the column, already formatted: "$1,200/mo". */
	valueText: string;
	/** When set, the column is wrapped in <a href> (link to the list item). */
	href?: string;
}

const PAD = 4;
/** Room above the tallest column for its value text. */
const VALUE_AREA = 22;
const PLOT_HEIGHT = 120;
/** Room under the baseline for the time labels. */
const LABEL_AREA = 22;
const COLUMN_WIDTH = 36;
const MIN_SLOT = 64;
const SLOT_GAP = 14;
const MAX_LABEL_CHARS = 18;

/**
 * Small column chart of a cost over time ("Now", "6 months", "12 months"); returns `<svg>`.
 * Columns are in the given order and scaled to the largest `high`; every column gets the same
 * slot width (the widest of its texts) so time steps look evenly spaced. Meant for 1–12 points.
 */
export function projectionChart(points: ProjectionPoint[], options: ChartOptions): Element {
	const columns = points.map((point) => {
		const low = safe(point.low);
		const high = Math.max(low, safe(point.high));
		return { point, low, high, label: truncate(point.label, MAX_LABEL_CHARS) };
	});
	const max = Math.max(0, ...columns.map((column) => column.high));
	const scale = (value: number) => (max > 0 ? (value / max) * PLOT_HEIGHT : 0);
	const slot = Math.ceil(
		Math.max(
			MIN_SLOT,
			...columns.map(
				(column) =>
					Math.max(textWidth(column.label.text), textWidth(column.point.valueText)) + SLOT_GAP,
			),
		),
	);
	const width = PAD * 2 + Math.max(1, columns.length) * slot;
	const baseY = PAD + VALUE_AREA + PLOT_HEIGHT;
	const height = baseY + LABEL_AREA + PAD;
	const hatchId = `${options.id}-hatch`;
	const hasRange = columns.some((column) => column.high > column.low);

	const columnElements = columns.map((column, index): Element => {
		const left = PAD + index * slot;
		const centre = left + slot / 2;
		const x = centre - COLUMN_WIDTH / 2;
		const lowHeight = scale(column.low);
		const highHeight = scale(column.high);
		const children: ElementContent[] = [];
		if (column.label.truncated) children.push(s('title', column.point.label));
		// Invisible slot-wide box: the whole column is the link target and gets the hover tint.
		children.push(rect(left, PAD, slot, height - PAD * 2, 'chart-hit', { fill: 'transparent' }));
		if (highHeight > lowHeight) {
			children.push(
				rect(x, baseY - highHeight, COLUMN_WIDTH, highHeight, 'chart-bar-range', {
					fill: `url(#${hatchId})`,
					rx: '2',
				}),
			);
		}
		children.push(
			rect(x, baseY - lowHeight, COLUMN_WIDTH, lowHeight, 'chart-bar', {
				fill: 'currentColor',
				rx: '2',
			}),
		);
		children.push(
			text(centre, baseY - highHeight - VALUE_AREA / 2, column.point.valueText, 'chart-value', {
				anchor: 'middle',
			}),
		);
		children.push(
			text(centre, baseY + LABEL_AREA / 2 + 1, column.label.text, 'chart-label', {
				anchor: 'middle',
			}),
		);
		return linkOrGroup(column.point.href, 'chart-row', children);
	});

	return svgRoot(
		{
			id: options.id,
			title: options.title,
			description: options.description,
			width,
			height,
			kind: 'chart-projection',
		},
		[
			...(hasRange ? [hatchPattern(hatchId)] : []),
			...columnElements,
			// Drawn last so columns do not hide it.
			s('line', {
				className: ['chart-axis'],
				x1: num(PAD),
				y1: num(baseY + 0.5),
				x2: num(width - PAD),
				y2: num(baseY + 0.5),
				stroke: 'currentColor',
				strokeOpacity: '0.3',
			}),
		],
	);
}
