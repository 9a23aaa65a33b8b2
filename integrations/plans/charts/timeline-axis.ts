import { DAY_MS } from '../parse/dates.ts';
import { textWidth } from './svg.ts';
import { PAD, WIDTH } from './timeline-geometry.ts';

/**
 * The timeline's time axis: the span it covers and the ticks along it, at the finest step whose
 * labels fit.
 */

/** Least room between neighbouring tick labels, generous because their widths are estimates. */
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

/**
 * The axis range: every time, with room around the outermost markers (at least a week) so they
 * and their labels are not cut, and at least {@link MIN_SPAN} long.
 */
export function axisSpan(times: number[]): { from: number; to: number } {
	const first = times.length > 0 ? Math.min(...times) : 0;
	const last = times.length > 0 ? Math.max(...times) : 0;
	const pad = Math.max((last - first) * 0.04, 7 * DAY_MS);
	const from = first - pad;
	const to = last + pad;
	if (to - from >= MIN_SPAN) return { from, to };
	const middle = (from + to) / 2;
	return { from: middle - MIN_SPAN / 2, to: middle + MIN_SPAN / 2 };
}

/** A tick ready to draw: where its grid line goes and where/how its label is anchored. */
export interface PlacedTick {
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
export function chooseTicks(from: number, to: number, x: (time: number) => number): PlacedTick[] {
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
