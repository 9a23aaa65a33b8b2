import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import {
	type ChartOptions,
	FONT_SIZE,
	clamp,
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

/** One bar of {@link barChart}. */
export interface BarDatum {
	/** Category label drawn left of the bar, e.g. "Compute". */
	label: string;
	/** Bar length; a range draws solid to `low` and a lighter/hatched extension to `high` (high >= low). */
	low: number;
	high: number;
	/** Text drawn after the bar, already formatted: "$120/mo", "$120–$150/mo". */
	valueText: string;
	/** When set, the bar row is wrapped in <a href> (link to the table row, e.g. "#cost-compute"). */
	href?: string;
}

const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const PAD = 4;
/** Length of the longest bar; long enough to compare, short enough to sit beside its table. */
const PLOT_WIDTH = 320;
const LABEL_GAP = 8;
const VALUE_GAP = 6;
const MAX_LABEL_CHARS = 28;

/**
 * Horizontal bar chart, one row per datum in the given order; returns the `<svg>` element.
 * Bars are scaled to the largest `high`; when every value is 0 the bars have no length but the
 * rows, labels and values are still drawn.
 */
export function barChart(data: BarDatum[], options: ChartOptions): Element {
	const rows = data.map((datum) => {
		const low = safe(datum.low);
		// A reversed range is drawn as its outer bounds rather than a negative extension.
		const high = Math.max(low, safe(datum.high));
		return {
			datum,
			low,
			high,
			label: truncate(datum.label, MAX_LABEL_CHARS),
			valueWidth: textWidth(datum.valueText),
		};
	});
	const max = Math.max(0, ...rows.map((row) => row.high));
	const scale = (value: number) => (max > 0 ? (value / max) * PLOT_WIDTH : 0);

	// Labels are right-aligned against the baseline, so the column is as wide as the longest label.
	const labelWidth = clamp(
		Math.max(0, ...rows.map((row) => textWidth(row.label.text))),
		24,
		MAX_LABEL_CHARS * FONT_SIZE * 0.9,
	);
	// Whole pixels keep bar edges and the 1px baseline crisp.
	const plotX = Math.round(PAD + labelWidth + LABEL_GAP);
	// Value text sits right after each bar, so the widest row decides the chart's width.
	const width = Math.ceil(
		Math.max(
			plotX + PLOT_WIDTH,
			...rows.map((row) => plotX + scale(row.high) + VALUE_GAP + row.valueWidth),
		) + PAD,
	);
	const height = PAD * 2 + Math.max(1, rows.length) * ROW_HEIGHT;
	const hatchId = `${options.id}-hatch`;
	const hasRange = rows.some((row) => row.high > row.low);

	const rowElements = rows.map((row, index): Element => {
		const top = PAD + index * ROW_HEIGHT;
		const middle = top + ROW_HEIGHT / 2;
		const barY = middle - BAR_HEIGHT / 2;
		const lowWidth = scale(row.low);
		const highWidth = scale(row.high);
		const children: ElementContent[] = [];
		// The full label, for hover and assistive tech, when the drawn one is cut.
		if (row.label.truncated) children.push(s('title', row.datum.label));
		// Invisible row-wide box: the whole row is the link target and gets the hover tint.
		children.push(rect(0, top, width, ROW_HEIGHT, 'chart-hit', { fill: 'transparent' }));
		children.push(
			text(plotX - LABEL_GAP, middle, row.label.text, 'chart-label', { anchor: 'end' }),
		);
		if (highWidth > lowWidth) {
			children.push(
				rect(plotX, barY, highWidth, BAR_HEIGHT, 'chart-bar-range', {
					fill: `url(#${hatchId})`,
					rx: '2',
				}),
			);
		}
		children.push(
			rect(plotX, barY, lowWidth, BAR_HEIGHT, 'chart-bar', { fill: 'currentColor', rx: '2' }),
		);
		children.push(text(plotX + highWidth + VALUE_GAP, middle, row.datum.valueText, 'chart-value'));
		return linkOrGroup(row.datum.href, 'chart-row', children);
	});

	return svgRoot(
		{
			id: options.id,
			title: options.title,
			description: options.description,
			width,
			height,
			kind: 'chart-bars',
		},
		[
			...(hasRange ? [hatchPattern(hatchId)] : []),
			...rowElements,
			// Drawn last so bars starting at 0 do not hide it.
			s('line', {
				className: ['chart-axis'],
				x1: num(plotX + 0.5),
				y1: num(PAD),
				x2: num(plotX + 0.5),
				y2: num(height - PAD),
				stroke: 'currentColor',
				strokeOpacity: '0.3',
			}),
		],
	);
}
