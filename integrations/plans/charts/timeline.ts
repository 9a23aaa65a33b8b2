import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { FONT_SIZE, clamp, linkOrGroup, num, rect, svgRoot, text, textWidth, truncate } from './svg.ts';

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

const DAY = 86_400_000;
/** Total width: wide enough for a year of month ticks, narrow enough for a content column. */
const WIDTH = 860;
const PAD = 4;
const LANE_HEIGHT = 44;
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
/** Label rows relative to the marker row: markers' own row, then below and above it. */
const STAGGER = 15;
const LABEL_GAP = 4;
const TICK_GAP = 10;
/** A lone date (or dates very close together) still gets a readable axis of about two months. */
const MIN_SPAN = 60 * DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
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

/**
 * Milliseconds since the epoch of a `YYYY-MM-DD` date at UTC midnight, or `undefined` when it is not
 * a real calendar date. UTC, never local time, so the chart does not depend on the build machine's zone.
 */
export function parseDay(value: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const date = new Date(time);
	// Date.UTC rolls 2026-02-30 over to March and maps years 0–99 to 1900–1999: reject both.
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return time;
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
	const left = (cluster: { count: number; sum: number }) => cluster.sum / cluster.count - ((cluster.count - 1) * gap) / 2;
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
	for (const cluster of clusters) for (let i = 0; i < cluster.count; i++) out.push(left(cluster) + i * gap);
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
			step >= 12 ? String(year) : step === 3 ? `Q${month / 3 + 1}${withYear ? ` ${year}` : ''}` : `${MONTHS[month]}${withYear ? ` ${year}` : ''}`;
		ticks.push({ time, label });
	}
	return ticks;
}

/**
 * Milestones on a shared time axis, one lane per plan; returns <svg>.
 *
 * The axis spans every milestone and today, padded a little; tick labels are months, quarters or
 * years, the finest whose labels do not collide. Each milestone is a linked marker (done: circle,
 * overdue and upcoming: diamond) named by its <title>; its text label is drawn beside, below or above
 * it when one of those places is free, and left out otherwise. Items with unreadable dates are skipped.
 */
export function timelineChart(lanes: TimelineLane[], options: TimelineOptions): Element {
	const shell = { id: options.id, title: options.title, description: options.description, kind: 'chart-timeline' };
	if (lanes.length === 0) return svgRoot({ ...shell, width: 240, height: PAD * 2 + LANE_HEIGHT / 2 }, []);

	const today = parseDay(options.today);
	const parsed = lanes.map((lane) => ({
		lane,
		label: truncate(lane.label, MAX_LANE_CHARS),
		items: lane.items
			.map((item, order) => ({ item, time: parseDay(item.date), order }))
			.filter((entry): entry is { item: TimelineItem; time: number; order: number } => entry.time !== undefined)
			// Date order, then the given order, so equal dates always stack the same way.
			.sort((a, b) => a.time - b.time || a.order - b.order),
	}));

	const times = parsed.flatMap((lane) => lane.items.map((entry) => entry.time));
	if (today !== undefined) times.push(today);
	const hasTimes = times.length > 0;
	let from = hasTimes ? Math.min(...times) : 0;
	let to = hasTimes ? Math.max(...times) : 0;
	// Room around the outermost markers, at least a week, so they and their labels are not cut.
	const pad = Math.max((to - from) * 0.04, 7 * DAY);
	from -= pad;
	to += pad;
	if (to - from < MIN_SPAN) {
		const middle = (from + to) / 2;
		from = middle - MIN_SPAN / 2;
		to = middle + MIN_SPAN / 2;
	}

	const labelColumn = clamp(Math.max(0, ...parsed.map((lane) => textWidth(lane.label.text))), 40, MAX_LANE_CHARS * FONT_SIZE * 0.9);
	const plotLeft = Math.round(LANE_LABEL_X + labelColumn + LANE_LABEL_GAP);
	const plotRight = WIDTH - PAD - 8;
	const x = (time: number) => plotLeft + ((time - from) / (to - from)) * (plotRight - plotLeft);

	const lanesTop = AXIS_HEIGHT;
	const lanesBottom = lanesTop + parsed.length * LANE_HEIGHT;
	const bottomAxis = parsed.length > BOTTOM_AXIS_LANES;
	const height = lanesBottom + (bottomAxis ? 24 : 0) + PAD;

	const ticks = hasTimes ? chooseTicks(from, to, x) : [];
	const tickLabels = (centreY: number) =>
		ticks.map((tick) => text(tick.x, centreY, tick.label, 'timeline-tick', { anchor: tick.anchor }));

	const backgrounds = parsed.map((_, index) => {
		const band = rect(0, lanesTop + index * LANE_HEIGHT, WIDTH, LANE_HEIGHT, 'timeline-lane-bg', { fill: 'transparent' });
		// Every other lane is tinted so a long list can be followed across the chart.
		if (index % 2 === 1) band.properties.className = ['timeline-lane-bg', 'timeline-lane-bg-alt'];
		return band;
	});
	const grid = ticks.map((tick) =>
		s('line', { className: ['timeline-grid'], x1: num(Math.round(tick.tickX) + 0.5), y1: num(lanesTop), x2: num(Math.round(tick.tickX) + 0.5), y2: num(lanesBottom), stroke: 'currentColor', strokeOpacity: '0.12' }),
	);

	const todayElements: ElementContent[] = [];
	if (today !== undefined) {
		const todayX = Math.round(x(today)) + 0.5;
		const half = textWidth('Today') / 2;
		// The line starts under the "Today" label, or under the tick row when it would cross a tick label.
		const crossesTick = ticks.some((tick) => tick.left - 3 <= todayX && todayX <= tick.right + 3);
		todayElements.push(
			s('g', { className: ['timeline-today'], dataDate: options.today.trim() }, [
				s('title', `Today — ${options.today.trim()}`),
				s('line', { className: ['timeline-today-line'], x1: num(todayX), y1: num(crossesTick ? TICK_Y + 9 : TODAY_Y + 8), x2: num(todayX), y2: num(lanesBottom), stroke: 'currentColor', strokeDasharray: '4 3' }),
				text(clamp(todayX, half + PAD, WIDTH - half - PAD), TODAY_Y, 'Today', 'timeline-today-label', { anchor: 'middle' }),
			]),
		);
	}

	const laneElements = parsed.map((lane, index): Element => {
		const top = lanesTop + index * LANE_HEIGHT;
		const middle = top + LANE_HEIGHT / 2;
		const labelChildren: ElementContent[] = [];
		if (lane.label.truncated) labelChildren.push(s('title', lane.lane.label));
		labelChildren.push(text(LANE_LABEL_X, middle, lane.label.text, 'timeline-lane-label-text'));
		const xs = spread(
			lane.items.map((entry) => x(entry.time)),
			MARKER_SEP,
			{ min: plotLeft, max: plotRight },
		);
		const labels = placeLabels(
			lane.items.map((entry, i) => ({ x: xs[i]!, label: truncate(entry.item.label, MAX_ITEM_CHARS).text })),
			middle,
			plotLeft,
		);
		const items = lane.items.map((entry, i): Element => {
			const { item } = entry;
			const markerX = xs[i]!;
			const fill = FALLBACK_FILL[item.state] ?? 'currentColor';
			const marker =
				item.state === 'done'
					? s('circle', { className: ['timeline-marker'], cx: num(markerX), cy: num(middle), r: num(MARKER - 1), fill })
					: s('path', { className: ['timeline-marker'], d: diamond(markerX, middle), fill });
			const children: ElementContent[] = [s('title', `${item.label} — ${item.date.trim()} (${item.state})`), marker];
			const placed = labels[i];
			if (placed) children.push(text(placed.x, placed.y, placed.text, 'timeline-item-label', { anchor: placed.anchor, fontSize: ITEM_FONT }));
			const link = linkOrGroup(item.href, 'timeline-item', children);
			link.properties.className = ['timeline-item', `timeline-${item.state}`];
			link.properties.dataDate = item.date.trim();
			link.properties.dataState = item.state;
			return link;
		});
		return s('g', { className: ['timeline-lane'] }, [
			linkOrGroup(lane.lane.href, 'timeline-lane-label', labelChildren),
			s('line', { className: ['timeline-track'], x1: num(plotLeft), y1: num(middle), x2: num(plotRight), y2: num(middle), stroke: 'currentColor', strokeOpacity: '0.2' }),
			...items,
		]);
	});

	return svgRoot({ ...shell, width: WIDTH, height }, [
		s('g', { className: ['timeline-lanes-bg'] }, backgrounds),
		s('g', { className: ['timeline-axis'] }, tickLabels(TICK_Y)),
		...(bottomAxis ? [s('g', { className: ['timeline-axis', 'timeline-axis-bottom'] }, tickLabels(lanesBottom + 14))] : []),
		s('g', { className: ['timeline-grid-lines'] }, grid),
		...todayElements,
		...laneElements,
	]);
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
			if (tickX - width / 2 < PAD) return { tickX, x: Math.max(tickX, PAD), anchor: 'start', label: tick.label, left: Math.max(tickX, PAD), right: Math.max(tickX, PAD) + width };
			if (tickX + width / 2 > WIDTH - PAD) return { tickX, x: tickX, anchor: 'end', label: tick.label, left: tickX - width, right: tickX };
			return { tickX, x: tickX, anchor: 'middle', label: tick.label, left: tickX - width / 2, right: tickX + width / 2 };
		});
	const fits = (placed: PlacedTick[]) => placed.every((tick, i) => i === 0 || placed[i - 1]!.right + TICK_GAP <= tick.left);
	let chosen: PlacedTick[] = [];
	for (const step of TICK_STEPS) {
		chosen = place(ticksEvery(step, from, to));
		if (fits(chosen)) break;
	}
	const kept: PlacedTick[] = [];
	for (const tick of chosen) if (kept.length === 0 || kept[kept.length - 1]!.right + TICK_GAP <= tick.left) kept.push(tick);
	return kept;
}

/** Where a milestone's text label goes, if anywhere. */
interface PlacedLabel {
	x: number;
	/** Vertical centre of the text. */
	y: number;
	anchor: 'start' | 'end';
	text: string;
}

/** The estimated box of an item label (font size {@link ITEM_FONT}) drawn at (x, centre y). */
function itemLabelBox(x: number, centreY: number, label: string, anchor: 'start' | 'middle' | 'end' = 'start'): Box {
	const width = textWidth(label, ITEM_FONT);
	const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
	return { left, right: left + width, top: centreY - ITEM_FONT * 0.55, bottom: centreY + ITEM_FONT * 0.55 };
}

/**
 * Greedy label placement for one lane, in date order: right of the marker, under it, over it, or
 * left of it, whichever comes first without touching an earlier label, another marker or the lane
 * label column. No free place means no text label; the marker's <title> still names it.
 */
function placeLabels(items: Array<{ x: number; label: string }>, middle: number, plotLeft: number): Array<PlacedLabel | undefined> {
	const markers: Box[] = items.map((item) => ({ left: item.x - MARKER - 1, right: item.x + MARKER + 1, top: middle - MARKER, bottom: middle + MARKER }));
	const taken: Box[] = [];
	return items.map((item) => {
		const candidates: PlacedLabel[] = [
			{ x: item.x + MARKER + LABEL_GAP, y: middle, anchor: 'start', text: item.label },
			{ x: item.x - MARKER, y: middle + STAGGER, anchor: 'start', text: item.label },
			{ x: item.x - MARKER, y: middle - STAGGER, anchor: 'start', text: item.label },
			{ x: item.x - MARKER - LABEL_GAP, y: middle, anchor: 'end', text: item.label },
		];
		for (const candidate of candidates) {
			const box = itemLabelBox(candidate.x, candidate.y, candidate.text, candidate.anchor);
			if (box.left < plotLeft - LABEL_GAP || box.right > WIDTH - PAD) continue;
			if (taken.some((other) => overlaps(box, other, LABEL_GAP))) continue;
			if (markers.some((marker) => overlaps(box, marker))) continue;
			taken.push(box);
			return candidate;
		}
		return undefined;
	});
}

