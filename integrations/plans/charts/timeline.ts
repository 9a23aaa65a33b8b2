import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { parseDay } from '../parse/dates.ts';
import {
	type ChartOptions,
	FONT_SIZE,
	clamp,
	linkOrGroup,
	num,
	rect,
	svgRoot,
	text,
	textWidth,
	truncate,
} from './svg.ts';
import { type PlacedTick, axisSpan, chooseTicks } from './timeline-axis.ts';
import { ITEM_FONT, MARKER, PAD, STAGGER, WIDTH } from './timeline-geometry.ts';
import { type PlacedLabel, hasLeader, placeLabels, spread } from './timeline-labels.ts';

/**
 * The milestones timeline: lanes laid out and drawn here, on the axis of `timeline-axis.ts`, with
 * markers and labels placed by `timeline-labels.ts`.
 */

/** One milestone of a {@link TimelineLane}. */
export interface TimelineItem {
	label: string;
	/** YYYY-MM-DD */
	date: string;
	href: string;
	state: 'done' | 'overdue' | 'upcoming';
}

/** One row of {@link timelineChart}: the milestones of one plan. */
export interface TimelineLane {
	label: string;
	href: string;
	items: TimelineItem[];
}

/** Naming, description and build date of a {@link timelineChart}. */
export interface TimelineOptions extends ChartOptions {
	/** YYYY-MM-DD build date, drawn as a vertical "Today" line */
	today: string;
}

/** Lanes are at least this tall, so a long list of plans stays easy to follow across the chart. */
const MIN_LANE_HEIGHT = 36;
/** Room between a lane's outermost label or marker and the edge of its band, so labels of neighbouring lanes do not read as one group. */
const LANE_PAD = 5;
/** "Today" label row, then the tick label row, above the first lane. */
const TODAY_Y = 9;
const TICK_Y = 27;
const AXIS_HEIGHT = 40;
/** Tick labels are repeated under the lanes when there are more than this many. */
const BOTTOM_AXIS_LANES = 8;
const LANE_LABEL_X = PAD + 4;
const LANE_LABEL_GAP = 14;
const MAX_LANE_CHARS = 24;
const MAX_ITEM_CHARS = 28;
/** Closest two marker centres in a lane may be, so neither hides the other. */
const MARKER_SEP = MARKER * 2 + 2;
/** Light-theme colours as SVG attributes: only a fallback where the stylesheet is missing (feeds, copies). */
const FALLBACK_FILL = { done: '#1a7f37', overdue: '#cf222e', upcoming: '#0b5cad' } as const;

/** A lane's name (shortened to fit its column) and its milestones with readable dates, in date order. */
interface ParsedLane {
	lane: TimelineLane;
	label: { text: string; truncated: boolean };
	items: Array<{ item: TimelineItem; time: number }>;
}

/** A lane placed on the chart: its band, the centre of its track, and where each marker and label goes. */
interface LaneLayout extends ParsedLane {
	top: number;
	height: number;
	middle: number;
	xs: number[];
	labels: Array<PlacedLabel | undefined>;
}

/**
 * Milestones on a shared time axis, one lane per plan; returns <svg>.
 *
 * The axis spans every milestone and today, padded a little; tick labels are months, quarters or
 * years, the finest whose labels do not collide. Each milestone is a linked marker (done: circle,
 * overdue and upcoming: diamond) named by its <title>, with its text label beside, below or above
 * it; in a crowded stretch the labels step down onto extra rows, tied to their markers by a thin
 * line, and the lane grows to hold them. Items with unreadable dates are skipped.
 */
export function timelineChart(lanes: TimelineLane[], options: TimelineOptions): Element {
	const shell = {
		id: options.id,
		title: options.title,
		description: options.description,
		kind: 'chart-timeline',
	};
	if (lanes.length === 0)
		return svgRoot({ ...shell, width: 240, height: PAD * 2 + MIN_LANE_HEIGHT / 2 }, []);

	const today = parseDay(options.today);
	const parsed = lanes.map(parseLane);
	const times = parsed.flatMap((lane) => lane.items.map((entry) => entry.time));
	if (today !== undefined) times.push(today);
	const { from, to } = axisSpan(times);

	const labelColumn = clamp(
		Math.max(0, ...parsed.map((lane) => textWidth(lane.label.text))),
		40,
		MAX_LANE_CHARS * FONT_SIZE * 0.9,
	);
	const plotLeft = Math.round(LANE_LABEL_X + labelColumn + LANE_LABEL_GAP);
	const plotRight = WIDTH - PAD - 8;
	const x = (time: number) => plotLeft + ((time - from) / (to - from)) * (plotRight - plotLeft);

	const layouts = layoutLanes(parsed, x, plotLeft, plotRight);
	const lanesTop = AXIS_HEIGHT;
	const lanesBottom = layouts.reduce((bottom, lane) => bottom + lane.height, lanesTop);
	const bottomAxis = parsed.length > BOTTOM_AXIS_LANES;
	const height = lanesBottom + (bottomAxis ? 24 : 0) + PAD;

	const ticks = times.length > 0 ? chooseTicks(from, to, x) : [];
	const tickLabels = (centreY: number) =>
		ticks.map((tick) =>
			text(tick.x, centreY, tick.label, 'timeline-tick', { anchor: tick.anchor }),
		);
	const backgrounds = layouts.map((lane, index) => {
		const band = rect(0, lane.top, WIDTH, lane.height, 'timeline-lane-bg', { fill: 'transparent' });
		// Every other lane is tinted so a long list can be followed across the chart.
		if (index % 2 === 1) band.properties.className = ['timeline-lane-bg', 'timeline-lane-bg-alt'];
		return band;
	});
	const grid = ticks.map((tick) =>
		s('line', {
			className: ['timeline-grid'],
			x1: num(Math.round(tick.tickX) + 0.5),
			y1: num(lanesTop),
			x2: num(Math.round(tick.tickX) + 0.5),
			y2: num(lanesBottom),
			stroke: 'currentColor',
			strokeOpacity: '0.12',
		}),
	);

	return svgRoot({ ...shell, width: WIDTH, height }, [
		s('g', { className: ['timeline-lanes-bg'] }, backgrounds),
		s('g', { className: ['timeline-axis'] }, tickLabels(TICK_Y)),
		...(bottomAxis
			? [
					s(
						'g',
						{ className: ['timeline-axis', 'timeline-axis-bottom'] },
						tickLabels(lanesBottom + 14),
					),
				]
			: []),
		s('g', { className: ['timeline-grid-lines'] }, grid),
		...(today === undefined
			? []
			: [todayMarker(x(today), options.today.trim(), ticks, lanesBottom)]),
		...layouts.map((lane, index) => laneElement(lane, index, plotLeft, plotRight)),
	]);
}

function parseLane(lane: TimelineLane): ParsedLane {
	const items = lane.items
		.map((item, order) => ({ item, time: parseDay(item.date), order }))
		.filter(
			(entry): entry is { item: TimelineItem; time: number; order: number } =>
				entry.time !== undefined,
		)
		// Date order, then the given order, so equal dates always stack the same way.
		.sort((a, b) => a.time - b.time || a.order - b.order)
		.map(({ item, time }) => ({ item, time }));
	return { lane, label: truncate(lane.label, MAX_LANE_CHARS), items };
}

/** Lanes stacked from the top of the plot, each as tall as its label rows need. */
function layoutLanes(
	parsed: ParsedLane[],
	x: (time: number) => number,
	plotLeft: number,
	plotRight: number,
): LaneLayout[] {
	let top = AXIS_HEIGHT;
	return parsed.map((lane) => {
		const xs = spread(
			lane.items.map((entry) => x(entry.time)),
			MARKER_SEP,
			{ min: plotLeft, max: plotRight },
		);
		const labels = placeLabels(
			lane.items.map((entry, i) => ({
				x: xs[i]!,
				label: truncate(entry.item.label, MAX_ITEM_CHARS).text,
			})),
			plotLeft,
		);
		const { above, below } = laneExtent(labels.map((label) => label?.row ?? 0));
		const layout = { ...lane, top, height: above + below, middle: top + above, xs, labels };
		top += above + below;
		return layout;
	});
}

/** How far a lane's band reaches above and below its track, given the label rows it uses. */
function laneExtent(rows: number[]): { above: number; below: number } {
	const reach = (row: number) => (row === 0 ? MARKER : row * STAGGER + ITEM_FONT * 0.55) + LANE_PAD;
	const above = reach(-Math.min(0, ...rows));
	const below = reach(Math.max(0, ...rows));
	const extra = Math.max(0, MIN_LANE_HEIGHT - above - below) / 2;
	return { above: above + extra, below: below + extra };
}

/** The dashed "Today" line down the lanes, labelled above the axis. */
function todayMarker(x: number, date: string, ticks: PlacedTick[], lanesBottom: number): Element {
	const todayX = Math.round(x) + 0.5;
	const half = textWidth('Today') / 2;
	// The line starts under the "Today" label, or under the tick row when it would cross a tick label.
	const crossesTick = ticks.some((tick) => tick.left - 3 <= todayX && todayX <= tick.right + 3);
	return s('g', { className: ['timeline-today'], dataDate: date }, [
		s('title', `Today — ${date}`),
		s('line', {
			className: ['timeline-today-line'],
			x1: num(todayX),
			y1: num(crossesTick ? TICK_Y + 9 : TODAY_Y + 8),
			x2: num(todayX),
			y2: num(lanesBottom),
			stroke: 'currentColor',
			strokeDasharray: '4 3',
		}),
		text(clamp(todayX, half + PAD, WIDTH - half - PAD), TODAY_Y, 'Today', 'timeline-today-label', {
			anchor: 'middle',
		}),
	]);
}

/** One lane: its linked name, its track, and its milestones. */
function laneElement(
	lane: LaneLayout,
	index: number,
	plotLeft: number,
	plotRight: number,
): Element {
	const labelChildren: ElementContent[] = [];
	if (lane.label.truncated) labelChildren.push(s('title', lane.lane.label));
	labelChildren.push(text(LANE_LABEL_X, lane.middle, lane.label.text, 'timeline-lane-label-text'));
	// Tinted like its band, so the halo around its labels matches the background.
	return s(
		'g',
		{ className: index % 2 === 1 ? ['timeline-lane', 'timeline-lane-alt'] : ['timeline-lane'] },
		[
			linkOrGroup(lane.lane.href, 'timeline-lane-label', labelChildren),
			s('line', {
				className: ['timeline-track'],
				x1: num(plotLeft),
				y1: num(lane.middle),
				x2: num(plotRight),
				y2: num(lane.middle),
				stroke: 'currentColor',
				strokeOpacity: '0.2',
			}),
			...lane.items.map((entry, i) =>
				itemElement(entry.item, lane.xs[i]!, lane.middle, lane.labels[i]),
			),
		],
	);
}

/** A milestone: its marker, named in full by the link's <title> (also the tooltip of a shortened label), and its label. */
function itemElement(
	item: TimelineItem,
	markerX: number,
	middle: number,
	placed: PlacedLabel | undefined,
): Element {
	const fill = FALLBACK_FILL[item.state] ?? 'currentColor';
	const marker =
		item.state === 'done'
			? s('circle', {
					className: ['timeline-marker'],
					cx: num(markerX),
					cy: num(middle),
					r: num(MARKER - 1),
					fill,
				})
			: s('path', { className: ['timeline-marker'], d: diamond(markerX, middle), fill });
	const labelY = middle + (placed?.row ?? 0) * STAGGER;
	const leader =
		placed && hasLeader(placed)
			? [
					s('line', {
						className: ['timeline-leader'],
						x1: num(markerX),
						y1: num(middle + MARKER),
						x2: num(markerX),
						y2: num(labelY),
						stroke: 'currentColor',
						strokeOpacity: '0.4',
					}),
				]
			: [];
	const label = placed
		? [
				text(placed.x, labelY, placed.text, 'timeline-item-label', {
					anchor: placed.anchor,
					fontSize: ITEM_FONT,
				}),
			]
		: [];
	const title = s('title', `${item.label} — ${item.date.trim()} (${item.state})`);
	const link = linkOrGroup(item.href, 'timeline-item', [title, ...leader, marker, ...label]);
	link.properties.className = ['timeline-item', `timeline-${item.state}`];
	link.properties.dataDate = item.date.trim();
	link.properties.dataState = item.state;
	return link;
}

/** SVG path of a diamond marker centred on (cx, cy). */
function diamond(cx: number, cy: number): string {
	return `M${num(cx)} ${num(cy - MARKER)}L${num(cx + MARKER)} ${num(cy)}L${num(cx)} ${num(cy + MARKER)}L${num(cx - MARKER)} ${num(cy)}Z`;
}
