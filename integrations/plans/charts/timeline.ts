import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { DAY_MS, parseDay } from '../parse/dates.ts';
import {
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
export interface TimelineOptions {
	/** Accessible name, goes in <title>. */
	title: string;
	/** Unique id prefix on the page for <title>/<desc> ids (aria-labelledby). */
	id: string;
	/** Optional one-line description for <desc>. */
	description?: string;
	/** YYYY-MM-DD build date, drawn as a vertical "Today" line */
	today: string;
}

/** Total width: wide enough for a year of month ticks, narrow enough for a content column. */
const WIDTH = 860;
const PAD = 4;
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
const ITEM_FONT = 11;
/** Half the diagonal of a diamond marker / radius of a circle marker. */
const MARKER = 7;
/** Closest two marker centres in a lane may be, so neither hides the other. */
const MARKER_SEP = MARKER * 2 + 2;
/** Distance between label rows: the markers' own row, the rows above and below it, and extra rows below. */
const STAGGER = 15;
/** Deepest label row a crowded lane may grow to; it takes about a dozen milestones within a few weeks to need it. */
const MAX_LABEL_ROWS = 12;
const LABEL_GAP = 4;
const TICK_GAP = 10;
/** A lone date (or dates very close together) still gets a readable axis of about two months. */
const MIN_SPAN = 60 * DAY_MS;
const MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec',
] as const;
/** Tick steps in months, finest first: months, quarters, then years. */
const TICK_STEPS = [1, 3, 12, 24, 60, 120, 240, 600, 1200] as const;
/** Light-theme colours as SVG attributes: only a fallback where the stylesheet is missing (feeds, copies). */
const FALLBACK_FILL = { done: '#1a7f37', overdue: '#cf222e', upcoming: '#0b5cad' } as const;

/** A horizontal extent and vertical extent in chart units, for overlap checks. */
interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

function overlaps(a: Box, b: Box, gap = 0): boolean {
	return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Positions for ascending `xs` such that neighbours are at least `gap` apart: points that are too
 * close form a cluster, spread evenly around the cluster's mean, and clusters that then touch merge.
 * Order is kept, and points that are far enough apart do not move. With `bounds`, points pushed
 * past either end are moved back inside (as long as they fit), still `gap` apart.
 */
export function spread(xs: number[], gap: number, bounds?: { min: number; max: number }): number[] {
	const clusters: Array<{ first: number; count: number; sum: number }> = [];
	const left = (cluster: { count: number; sum: number }) =>
		cluster.sum / cluster.count - ((cluster.count - 1) * gap) / 2;
	xs.forEach((x, index) => {
		clusters.push({ first: index, count: 1, sum: x });
		for (;;) {
			const last = clusters[clusters.length - 1]!;
			const previous = clusters[clusters.length - 2];
			if (!previous || left(previous) + previous.count * gap <= left(last)) break;
			clusters.pop();
			previous.count += last.count;
			previous.sum += last.sum;
		}
	});
	const out: number[] = [];
	for (const cluster of clusters)
		for (let i = 0; i < cluster.count; i++) out.push(left(cluster) + i * gap);
	if (bounds) {
		// Each pass keeps neighbours `gap` apart: a point is only moved next to one already moved.
		const last = out.length - 1;
		for (let i = last; i >= 0; i--) out[i] = Math.min(out[i]!, bounds.max - (last - i) * gap);
		for (let i = 0; i <= last; i++) out[i] = Math.max(out[i]!, bounds.min + i * gap);
	}
	return out;
}

/** One axis tick: the start of a month, quarter or year. */
interface Tick {
	time: number;
	label: string;
}

/** Ticks every `step` months from the first boundary at or after `from` up to `to`. */
function ticksEvery(step: number, from: number, to: number): Tick[] {
	const start = new Date(from);
	let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
	if (Date.UTC(Math.floor(index / 12), index % 12, 1) < from) index += 1;
	index = Math.ceil(index / step) * step;
	const ticks: Tick[] = [];
	for (; ; index += step) {
		const year = Math.floor(index / 12);
		const month = index % 12;
		const time = Date.UTC(year, month, 1);
		if (time > to) break;
		// The year is named at each year start, and on the first tick unless the second one already
		// starts a year (then "Dec" before "Jan 2026" is clear, and two long labels do not crowd the start).
		const withYear = month === 0 || (ticks.length === 0 && (index + step) % 12 !== 0);
		const label =
			step >= 12
				? String(year)
				: step === 3
					? `Q${month / 3 + 1}${withYear ? ` ${year}` : ''}`
					: `${MONTHS[month]}${withYear ? ` ${year}` : ''}`;
		ticks.push({ time, label });
	}
	return ticks;
}

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

/**
 * The axis range: every time, with room around the outermost markers (at least a week) so they
 * and their labels are not cut, and at least {@link MIN_SPAN} long.
 */
function axisSpan(times: number[]): { from: number; to: number } {
	const first = times.length > 0 ? Math.min(...times) : 0;
	const last = times.length > 0 ? Math.max(...times) : 0;
	const pad = Math.max((last - first) * 0.04, 7 * DAY_MS);
	const from = first - pad;
	const to = last + pad;
	if (to - from >= MIN_SPAN) return { from, to };
	const middle = (from + to) / 2;
	return { from: middle - MIN_SPAN / 2, to: middle + MIN_SPAN / 2 };
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

/** A tick ready to draw: where its grid line goes and where/how its label is anchored. */
interface PlacedTick {
	tickX: number;
	x: number;
	anchor: 'start' | 'middle' | 'end';
	label: string;
	/** Estimated horizontal extent of the label. */
	left: number;
	right: number;
}

/**
 * The finest tick step whose labels, centred on their ticks (or pushed inside the chart at its
 * edges), keep a gap between neighbours. Widths are estimates, so the gap is generous; should even
 * the coarsest step collide, colliding labels are dropped so text never overlaps.
 */
function chooseTicks(from: number, to: number, x: (time: number) => number): PlacedTick[] {
	const place = (ticks: Tick[]): PlacedTick[] =>
		ticks.map((tick) => {
			const tickX = x(tick.time);
			const width = textWidth(tick.label);
			// Labels near the edges are anchored inwards instead of running off the chart.
			if (tickX - width / 2 < PAD)
				return {
					tickX,
					x: Math.max(tickX, PAD),
					anchor: 'start',
					label: tick.label,
					left: Math.max(tickX, PAD),
					right: Math.max(tickX, PAD) + width,
				};
			if (tickX + width / 2 > WIDTH - PAD)
				return {
					tickX,
					x: tickX,
					anchor: 'end',
					label: tick.label,
					left: tickX - width,
					right: tickX,
				};
			return {
				tickX,
				x: tickX,
				anchor: 'middle',
				label: tick.label,
				left: tickX - width / 2,
				right: tickX + width / 2,
			};
		});
	const fits = (placed: PlacedTick[]) =>
		placed.every((tick, i) => i === 0 || placed[i - 1]!.right + TICK_GAP <= tick.left);
	let chosen: PlacedTick[] = [];
	for (const step of TICK_STEPS) {
		chosen = place(ticksEvery(step, from, to));
		if (fits(chosen)) break;
	}
	const kept: PlacedTick[] = [];
	for (const tick of chosen)
		if (kept.length === 0 || kept[kept.length - 1]!.right + TICK_GAP <= tick.left) kept.push(tick);
	return kept;
}

/** Where a milestone's text label goes, if anywhere. */
interface PlacedLabel {
	x: number;
	/** Label row: 0 is the marker's own row, 1 the row below it, -1 the row above it, 2 and on further down. */
	row: number;
	anchor: 'start' | 'end';
	text: string;
}

/** The way a cluster's labels run from their markers. */
type Side = 'right' | 'left';

/** What a new label must keep clear of, relative to the lane's track centre. */
interface Occupied {
	markers: Box[];
	labels: Box[];
	leaders: Box[];
}

/** Labels two or more rows below their marker are tied to it by a vertical line. */
function hasLeader(label: PlacedLabel): boolean {
	return label.row > 1;
}

/** The estimated box of an item label (font size {@link ITEM_FONT}), relative to the lane's track centre. */
function itemLabelBox(label: PlacedLabel): Box {
	const width = textWidth(label.text, ITEM_FONT);
	const left = label.anchor === 'start' ? label.x : label.x - width;
	const centreY = label.row * STAGGER;
	return {
		left,
		right: left + width,
		top: centreY - ITEM_FONT * 0.55,
		bottom: centreY + ITEM_FONT * 0.55,
	};
}

/**
 * Places to try for a label, nearest first: beside the marker towards `side`, under it, over it,
 * beside it on the other side; then further rows down, next to the leader line. A label that would
 * leave the plot runs the other way from the same point.
 */
function labelCandidates(x: number, label: string, side: Side, plotLeft: number): PlacedLabel[] {
	const width = textWidth(label, ITEM_FONT);
	const run = (row: number, startX: number, endX: number): PlacedLabel => {
		const rightward =
			side === 'right' ? startX + width <= WIDTH - PAD : endX - width < plotLeft - LABEL_GAP;
		return rightward
			? { x: startX, row, anchor: 'start', text: label }
			: { x: endX, row, anchor: 'end', text: label };
	};
	const after: PlacedLabel = { x: x + MARKER + LABEL_GAP, row: 0, anchor: 'start', text: label };
	const before: PlacedLabel = { x: x - MARKER - LABEL_GAP, row: 0, anchor: 'end', text: label };
	const candidates = [
		side === 'right' ? after : before,
		run(1, x - MARKER, x + MARKER),
		run(-1, x - MARKER, x + MARKER),
		side === 'right' ? before : after,
	];
	for (let row = 2; row <= MAX_LABEL_ROWS; row++)
		candidates.push(run(row, x + LABEL_GAP, x - LABEL_GAP));
	return candidates;
}

/** The label's box and leader line when it stays inside the plot and touches nothing occupied. */
function fit(
	candidate: PlacedLabel,
	markerX: number,
	occupied: Occupied,
	plotLeft: number,
): { box: Box; leader?: Box } | undefined {
	const box = itemLabelBox(candidate);
	if (box.left < plotLeft - LABEL_GAP || box.right > WIDTH - PAD) return undefined;
	const leader = hasLeader(candidate)
		? { left: markerX - 0.5, right: markerX + 0.5, top: MARKER, bottom: candidate.row * STAGGER }
		: undefined;
	if (occupied.markers.some((marker) => overlaps(box, marker))) return undefined;
	if (occupied.leaders.some((other) => overlaps(box, other, LABEL_GAP))) return undefined;
	if (
		occupied.labels.some(
			(other) =>
				overlaps(box, other, LABEL_GAP) ||
				(leader !== undefined && overlaps(leader, other, LABEL_GAP)),
		)
	)
		return undefined;
	return { box, leader };
}

/** Runs of neighbouring milestones close enough for their labels to compete for room. */
function clusters(items: Array<{ x: number; label: string }>): number[][] {
	const runs: number[][] = [];
	items.forEach((item, i) => {
		const previous = items[i - 1];
		const reach = previous
			? Math.max(textWidth(previous.label, ITEM_FONT), textWidth(item.label, ITEM_FONT)) +
				2 * (MARKER + LABEL_GAP)
			: 0;
		if (previous && item.x - previous.x < reach) runs[runs.length - 1]!.push(i);
		else runs.push([i]);
	});
	return runs;
}

/**
 * One cluster's labels, running towards `side`. The milestone furthest that way is labelled first and
 * the others step down a row each, so every leader line passes beside, not through, the labels above it.
 */
function placeCluster(
	items: Array<{ x: number; label: string }>,
	cluster: number[],
	side: Side,
	occupied: Occupied,
	plotLeft: number,
) {
	const next: Occupied = {
		markers: occupied.markers,
		labels: [...occupied.labels],
		leaders: [...occupied.leaders],
	};
	const placed = new Map<number, PlacedLabel>();
	for (const i of side === 'right' ? [...cluster].reverse() : cluster) {
		const { x, label } = items[i]!;
		for (const candidate of labelCandidates(x, label, side, plotLeft)) {
			const boxes = fit(candidate, x, next, plotLeft);
			if (!boxes) continue;
			next.labels.push(boxes.box);
			if (boxes.leader) next.leaders.push(boxes.leader);
			placed.set(i, candidate);
			break;
		}
	}
	return {
		placed,
		occupied: next,
		deepest: Math.max(0, ...[...placed.values()].map((label) => label.row)),
	};
}

/**
 * Label placement for one lane, relative to its track centre. Each cluster of close milestones is laid
 * out with its labels running right (the usual case) and running left (better near the right edge of
 * the chart); the layout that labels more milestones, then in fewer rows, is kept. A label is left out
 * only past {@link MAX_LABEL_ROWS}; the marker's <title> and the table beside the chart still name it.
 */
function placeLabels(
	items: Array<{ x: number; label: string }>,
	plotLeft: number,
): Array<PlacedLabel | undefined> {
	let occupied: Occupied = {
		markers: items.map((item) => ({
			left: item.x - MARKER - 1,
			right: item.x + MARKER + 1,
			top: -MARKER,
			bottom: MARKER,
		})),
		labels: [],
		leaders: [],
	};
	const placed: Array<PlacedLabel | undefined> = new Array(items.length).fill(undefined);
	for (const cluster of clusters(items)) {
		const rightward = placeCluster(items, cluster, 'right', occupied, plotLeft);
		const leftward = placeCluster(items, cluster, 'left', occupied, plotLeft);
		const leftIsBetter =
			leftward.placed.size > rightward.placed.size ||
			(leftward.placed.size === rightward.placed.size && leftward.deepest < rightward.deepest);
		const chosen = leftIsBetter ? leftward : rightward;
		for (const [i, label] of chosen.placed) placed[i] = label;
		occupied = chosen.occupied;
	}
	return placed;
}
