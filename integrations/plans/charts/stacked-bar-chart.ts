import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import {
	type ChartOptions,
	FONT_SIZE,
	clamp,
	linkOrGroup,
	num,
	rect,
	safe,
	svgRoot,
	text,
	textWidth,
	truncate,
} from './svg.ts';

/** One coloured part of a {@link StackedBar}. */
export interface StackSegment {
	/** Series key, one of options.series[].key: decides the colour. */
	key: string;
	value: number;
	/** Link for this segment (e.g. a cost row of the plan). */
	href?: string;
	/** Tooltip/accessible text: "Compute: $100/mo". */
	title: string;
}

/** One bar of {@link stackedBarChart}, e.g. one plan's monthly cost split by component. */
export interface StackedBar {
	/** Drawn left of the bar, e.g. the plan title. */
	label: string;
	/** Where the label links to, e.g. the plan page. */
	href?: string;
	segments: StackSegment[];
	/** already formatted total, drawn after the bar */
	valueText: string;
}

/** Naming, description and series of a {@link stackedBarChart}. */
export interface StackedBarChartOptions extends ChartOptions {
	/** Series in stacking and legend order; index i is coloured by `chart-series-${i % 10}`. */
	series: Array<{ key: string; label: string }>;
}

/** Number of series colours in index-charts.css; series beyond it reuse them in order. */
const SERIES_COLOURS = 10;

/** Light-theme series colours as SVG `fill` attributes: only a fallback where the stylesheet is missing (feeds, copies). */
const FALLBACK_FILLS = [
	'#0969da',
	'#bc4c00',
	'#1a7f37',
	'#bf3989',
	'#0e7c86',
	'#8250df',
	'#9a6700',
	'#cf222e',
	'#3e4b9e',
	'#6e7781',
] as const;

const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const PAD = 4;
/** Length of the longest bar. */
const PLOT_WIDTH = 360;
const LABEL_GAP = 8;
const VALUE_GAP = 6;
const MAX_LABEL_CHARS = 28;
const LEGEND_ROW = 20;
const SWATCH = 10;
const SWATCH_GAP = 5;
const LEGEND_ITEM_GAP = 16;
const MAX_LEGEND_CHARS = 32;
/** Width of the chart when there is nothing to draw: just enough to be a visible, named box. */
const EMPTY_WIDTH = 240;

/** The `chart-series-N` class of series index `index`. */
function seriesClass(index: number): string {
	return `chart-series-${((index % SERIES_COLOURS) + SERIES_COLOURS) % SERIES_COLOURS}`;
}

interface Series {
	key: string;
	label: string;
	index: number;
}

/**
 * Horizontal stacked bars (one per plan), segments in series order, scaled to the largest bar total;
 * a legend of the series that occur. Returns <svg>.
 *
 * Segments of value 0 (or non-finite/negative) are left out. A segment whose key is not in
 * `options.series` still counts: it is stacked after the known series and named by its key in the
 * legend, so no value silently disappears from a total. With no bars the chart is a small box
 * carrying only its title.
 */
export function stackedBarChart(bars: StackedBar[], options: StackedBarChartOptions): Element {
	const shell = {
		id: options.id,
		title: options.title,
		description: options.description,
		kind: 'chart-stacked',
	};
	if (bars.length === 0)
		return svgRoot({ ...shell, width: EMPTY_WIDTH, height: PAD * 2 + ROW_HEIGHT }, []);

	const rows = stackRows(bars, seriesLookup(options.series));
	const max = Math.max(0, ...rows.map((row) => row.total));
	const scale = (value: number) => (max > 0 ? (value / max) * PLOT_WIDTH : 0);
	const labelWidth = clamp(
		Math.max(0, ...rows.map((row) => textWidth(row.label.text))),
		24,
		MAX_LABEL_CHARS * FONT_SIZE * 0.9,
	);
	// Whole pixels keep bar edges and the 1px baseline crisp.
	const plotX = Math.round(PAD + labelWidth + LABEL_GAP);

	// Only series that are drawn get a legend entry, in series order.
	const present = [...new Set(rows.flatMap((row) => row.segments.map((part) => part.series)))].sort(
		(a, b) => a.index - b.index,
	);
	const legendItems = present.map((entry) => {
		const label = truncate(entry.label, MAX_LEGEND_CHARS);
		return { entry, label, width: SWATCH + SWATCH_GAP + textWidth(label.text) };
	});
	// The bars decide the width; a single legend entry wider than that widens the chart instead of overflowing.
	const width = Math.ceil(
		Math.max(
			plotX + PLOT_WIDTH + PAD,
			...rows.map((row) => plotX + scale(row.total) + VALUE_GAP + row.valueWidth + PAD),
			...legendItems.map((item) => item.width + PAD * 2),
		),
	);
	const { placed, height: legendHeight } = placeLegend(legendItems, width);
	const barsTop = PAD + legendHeight;
	const height = barsTop + rows.length * ROW_HEIGHT + PAD;
	const legend = placed.map(legendElement);
	const rowElements = rows.map((row, index) =>
		rowElement(row, { top: barsTop + index * ROW_HEIGHT, plotX, scale }),
	);

	return svgRoot({ ...shell, width, height }, [
		...(legend.length > 0 ? [s('g', { className: ['chart-legend'] }, legend)] : []),
		...rowElements,
		// Drawn last so bars starting at 0 do not hide it.
		s('line', {
			className: ['chart-axis'],
			x1: num(plotX + 0.5),
			y1: num(barsTop),
			x2: num(plotX + 0.5),
			y2: num(height - PAD),
			stroke: 'currentColor',
			strokeOpacity: '0.3',
		}),
	]);
}

/** The series by key, in the given order; a key not given becomes a series of its own, after them. */
function seriesLookup(given: StackedBarChartOptions['series']): (key: string) => Series {
	const series = new Map<string, Series>();
	for (const entry of given) {
		// The first entry of a repeated key wins, so its colour stays stable.
		if (!series.has(entry.key))
			series.set(entry.key, { key: entry.key, label: entry.label, index: series.size });
	}
	return (key) => {
		let found = series.get(key);
		if (!found) {
			found = { key, label: key, index: series.size };
			series.set(key, found);
		}
		return found;
	};
}

type StackRow = ReturnType<typeof stackRows>[number];

/** Each bar's drawable segments in stacking order, its total and its label. */
function stackRows(bars: StackedBar[], seriesOf: (key: string) => Series) {
	return bars.map((bar) => {
		const segments = bar.segments
			.map((segment, order) => ({
				segment,
				value: safe(segment.value),
				series: seriesOf(segment.key),
				order,
			}))
			.filter((part) => part.value > 0)
			// Series order, and the given order within one series, so equal input always stacks the same.
			.sort((a, b) => a.series.index - b.series.index || a.order - b.order);
		const total = segments.reduce((sum, part) => sum + part.value, 0);
		return {
			bar,
			segments,
			total,
			label: truncate(bar.label, MAX_LABEL_CHARS),
			valueWidth: textWidth(bar.valueText),
		};
	});
}

interface LegendItem {
	entry: Series;
	label: ReturnType<typeof truncate>;
	width: number;
}

/** Greedy line filling: an entry that would cross the right edge starts a new legend line. */
function placeLegend(
	items: LegendItem[],
	width: number,
): { placed: Array<{ item: LegendItem; x: number; line: number }>; height: number } {
	const placed: Array<{ item: LegendItem; x: number; line: number }> = [];
	let cursor = PAD;
	let line = 0;
	for (const item of items) {
		if (cursor > PAD && cursor + item.width > width - PAD) {
			line += 1;
			cursor = PAD;
		}
		placed.push({ item, x: cursor, line });
		cursor += item.width + LEGEND_ITEM_GAP;
	}
	const lines = placed.length > 0 ? line + 1 : 0;
	return { placed, height: lines * LEGEND_ROW + (lines > 0 ? PAD : 0) };
}

function legendElement({ item, x, line }: { item: LegendItem; x: number; line: number }): Element {
	const middle = PAD + line * LEGEND_ROW + LEGEND_ROW / 2;
	const swatch = rect(x, middle - SWATCH / 2, SWATCH, SWATCH, 'chart-swatch', {
		fill: FALLBACK_FILLS[item.entry.index % SERIES_COLOURS],
		rx: '2',
	});
	swatch.properties.className = ['chart-swatch', seriesClass(item.entry.index)];
	const children: ElementContent[] = [
		swatch,
		text(x + SWATCH + SWATCH_GAP, middle, item.label.text, 'chart-legend-label'),
	];
	if (item.label.truncated) children.unshift(s('title', item.entry.label));
	return s('g', { className: ['chart-legend-item'], dataSeries: item.entry.key }, children);
}

/** One bar: its label (a link to the plan), its segments (links to the rows), its value. */
function rowElement(
	row: StackRow,
	{ top, plotX, scale }: { top: number; plotX: number; scale: (value: number) => number },
): Element {
	const middle = top + ROW_HEIGHT / 2;
	const barY = middle - BAR_HEIGHT / 2;
	const labelChildren: ElementContent[] = [];
	if (row.label.truncated) labelChildren.push(s('title', row.bar.label));
	labelChildren.push(
		text(plotX - LABEL_GAP, middle, row.label.text, 'chart-label', { anchor: 'end' }),
	);

	// Edges come from the running sum, so rounding never opens gaps or drifts the bar's end.
	let sum = 0;
	const segments = row.segments.map((part): Element => {
		const x0 = plotX + scale(sum);
		sum += part.value;
		const x1 = plotX + scale(sum);
		const bar = rect(x0, barY, x1 - x0, BAR_HEIGHT, 'chart-segment', {
			fill: FALLBACK_FILLS[part.series.index % SERIES_COLOURS],
			dataSeries: part.series.key,
		});
		bar.properties.className = ['chart-segment', seriesClass(part.series.index)];
		bar.children.push(s('title', part.segment.title));
		return part.segment.href
			? s('a', { href: part.segment.href, className: ['chart-segment-link'] }, [bar])
			: bar;
	});

	return s('g', { className: ['chart-stack-row'] }, [
		linkOrGroup(row.bar.href, 'chart-stack-label', labelChildren),
		s('g', { className: ['chart-stack'] }, segments),
		text(plotX + scale(row.total) + VALUE_GAP, middle, row.bar.valueText, 'chart-value'),
	]);
}
