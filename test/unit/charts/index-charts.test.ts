import type { Element as HastElement } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type StackedBar, stackedBarChart } from '#plans/charts/stacked-bar-chart.ts';
import { textWidth } from '#plans/charts/svg.ts';
import { spread } from '#plans/charts/timeline-labels.ts';
import { type TimelineLane, timelineChart } from '#plans/charts/timeline.ts';
import { parseDay } from '#plans/parse/dates.ts';

/** The chart as the page would carry it, and its <svg> parsed back by a real HTML parser. */
function render(element: HastElement): { html: string; svg: SVGSVGElement } {
	const html = toHtml(element);
	const svg = new JSDOM(html).window.document.querySelector('svg');
	if (!svg) throw new Error('no <svg> in the output');
	return { html, svg };
}

const attr = (element: Element, name: string): number => {
	const value = element.getAttribute(name);
	if (value === null) throw new Error(`missing ${name} on <${element.tagName}>`);
	return Number(value);
};
const all = (root: ParentNode, selector: string): Element[] => [...root.querySelectorAll(selector)];
const ownTitle = (element: Element): string | undefined =>
	[...element.children].find((child) => child.tagName.toLowerCase() === 'title')?.textContent ??
	undefined;

function expectFinite(html: string): void {
	expect(html).not.toMatch(/NaN|Infinity|undefined/);
}

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}
/** Estimated box of a <text>, from its position, anchor and font size, with the same width estimate as the charts. */
function textBox(element: Element, defaultFontSize = 12): Box {
	const fontSize = element.hasAttribute('font-size') ? attr(element, 'font-size') : defaultFontSize;
	const width = textWidth(element.textContent ?? '', fontSize);
	const x = attr(element, 'x');
	const anchor = element.getAttribute('text-anchor') ?? 'start';
	const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
	// `y` is the baseline, set about a third of the font size below the line's centre.
	const centre = attr(element, 'y') - fontSize * 0.35;
	return {
		left,
		right: left + width,
		top: centre - fontSize * 0.5,
		bottom: centre + fontSize * 0.5,
	};
}
const overlap = (a: Box, b: Box): boolean =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('stacked bar chart', () => {
	const series = [
		{ key: 'compute', label: 'Compute' },
		{ key: 'db', label: 'Database' },
		{ key: 'cache', label: 'Cache' },
		{ key: 'cdn', label: 'CDN' },
	];
	const bars: StackedBar[] = [
		{
			label: 'Checkout',
			href: '/plans/checkout/',
			valueText: '$400/mo',
			// Out of series order on purpose, with a zero segment that must be left out.
			segments: [
				{ key: 'db', value: 100, title: 'Database: $100/mo', href: '/plans/checkout/#cost-db' },
				{ key: 'cdn', value: 0, title: 'CDN: $0/mo' },
				{
					key: 'compute',
					value: 300,
					title: 'Compute: $300/mo',
					href: '/plans/checkout/#cost-compute',
				},
			],
		},
		{
			label: 'Search',
			href: '/plans/search/',
			valueText: '$200/mo',
			segments: [
				{ key: 'compute', value: 50, title: 'Compute: $50/mo' },
				{ key: 'db', value: 150, title: 'Database: $150/mo' },
			],
		},
	];
	const options = { title: 'Monthly cost by plan', id: 'costs', description: 'Two plans.', series };

	it('stacks non-zero segments in series order, with lengths proportional to their values', () => {
		const { svg } = render(stackedBarChart(bars, options));
		const stacks = all(svg, '.chart-stack');
		expect(stacks).toHaveLength(2);
		const first = all(stacks[0]!, 'rect.chart-segment');
		expect(first.map((segment) => segment.getAttribute('data-series'))).toEqual(['compute', 'db']);
		expect(first.map(ownTitle)).toEqual(['Compute: $300/mo', 'Database: $100/mo']);
		expect(first.map((segment) => segment.getAttribute('class'))).toEqual([
			'chart-segment chart-series-0',
			'chart-segment chart-series-1',
		]);

		const widths = all(svg, 'rect.chart-segment').map((segment) => attr(segment, 'width'));
		const values = [300, 100, 50, 150];
		// Largest total (400) is the full plot width; every segment is the same fraction of it.
		const perUnit = widths[0]! / 300;
		widths.forEach((width, i) => expect(width).toBeCloseTo(values[i]! * perUnit, 1));
		// Segments abut: each starts where the previous one ends.
		expect(attr(first[1]!, 'x')).toBeCloseTo(attr(first[0]!, 'x') + attr(first[0]!, 'width'), 1);
		// The second bar is half as long as the first.
		const second = all(stacks[1]!, 'rect.chart-segment');
		const length = (rects: Element[]) => rects.reduce((sum, rect) => sum + attr(rect, 'width'), 0);
		expect(length(second)).toBeCloseTo(length(first) / 2, 1);
	});

	it('links segments and bar labels, and draws the formatted total after the bar', () => {
		const { svg } = render(stackedBarChart(bars, options));
		expect(all(svg, 'a.chart-segment-link').map((link) => link.getAttribute('href'))).toEqual([
			'/plans/checkout/#cost-compute',
			'/plans/checkout/#cost-db',
		]);
		// A segment without href is not wrapped in a link.
		expect(all(svg, '.chart-stack')[1]!.querySelector('a')).toBeNull();
		expect(
			all(svg, 'a.chart-stack-label').map((link) => [link.getAttribute('href'), link.textContent]),
		).toEqual([
			['/plans/checkout/', 'Checkout'],
			['/plans/search/', 'Search'],
		]);
		const values = all(svg, '.chart-value');
		expect(values.map((value) => value.textContent)).toEqual(['$400/mo', '$200/mo']);
		const firstBarEnd = all(all(svg, '.chart-stack')[0]!, 'rect').reduce(
			(end, rect) => Math.max(end, attr(rect, 'x') + attr(rect, 'width')),
			0,
		);
		expect(attr(values[0]!, 'x')).toBeGreaterThan(firstBarEnd);
		// It has links, so it is a group: `img` would hide them from screen readers.
		expect(svg.getAttribute('role')).toBe('group');
		expect(svg.querySelector('title')?.textContent).toBe('Monthly cost by plan');
		expect(svg.getAttribute('aria-labelledby')).toBe('costs-title costs-desc');
	});

	it('shows only the series that occur in the legend, in series order', () => {
		const { svg } = render(stackedBarChart(bars, options));
		const items = all(svg, '.chart-legend-item');
		expect(items.map((item) => item.textContent)).toEqual(['Compute', 'Database']);
		expect(items.map((item) => item.querySelector('rect')!.getAttribute('class'))).toEqual([
			'chart-swatch chart-series-0',
			'chart-swatch chart-series-1',
		]);
		// The legend sits above the bars.
		const legendBottom = Math.max(
			...items.map((item) => attr(item.querySelector('rect')!, 'y') + 10),
		);
		expect(legendBottom).toBeLessThanOrEqual(
			Math.min(...all(svg, 'rect.chart-segment').map((rect) => attr(rect, 'y'))),
		);
	});

	it('wraps a wide legend onto lines that stay inside the chart', () => {
		const many = Array.from({ length: 12 }, (_, i) => ({
			key: `s${i}`,
			label: `Series number ${i} with a long name`,
		}));
		const bar: StackedBar = {
			label: 'Plan',
			valueText: '$12',
			segments: many.map((entry, i) => ({ key: entry.key, value: i + 1, title: entry.label })),
		};
		const { svg } = render(stackedBarChart([bar], { ...options, series: many }));
		const width = attr(svg, 'width');
		const labels = all(svg, '.chart-legend-label');
		expect(labels).toHaveLength(12);
		expect(new Set(labels.map((label) => label.getAttribute('y'))).size).toBeGreaterThan(1);
		for (const label of labels) expect(textBox(label).right).toBeLessThanOrEqual(width);
		for (let i = 0; i < labels.length; i++)
			for (let j = i + 1; j < labels.length; j++)
				expect(overlap(textBox(labels[i]!), textBox(labels[j]!))).toBe(false);
		// Colours cycle through the ten series classes (one per cost category).
		expect(all(svg, 'rect.chart-segment')[9]!.getAttribute('class')).toBe(
			'chart-segment chart-series-9',
		);
		expect(all(svg, 'rect.chart-segment')[11]!.getAttribute('class')).toBe(
			'chart-segment chart-series-1',
		);
	});

	it('keeps segments of unknown series after the known ones, named by their key', () => {
		const { svg } = render(
			stackedBarChart(
				[
					{
						label: 'P',
						valueText: '$3',
						segments: [
							{ key: 'other', value: 1, title: 'Other: $1' },
							{ key: 'cache', value: 2, title: 'Cache: $2' },
						],
					},
				],
				options,
			),
		);
		expect(all(svg, 'rect.chart-segment').map((rect) => rect.getAttribute('data-series'))).toEqual([
			'cache',
			'other',
		]);
		expect(all(svg, '.chart-legend-item').map((item) => item.textContent)).toEqual([
			'Cache',
			'other',
		]);
	});

	it('puts the full label in a <title> when it is truncated', () => {
		const label = 'A very long plan title that does not fit in the label column';
		const { svg } = render(
			stackedBarChart(
				[{ label, href: '/p/', valueText: '$1', segments: [{ key: 'db', value: 1, title: 'DB' }] }],
				options,
			),
		);
		const link = svg.querySelector('a.chart-stack-label')!;
		expect(ownTitle(link)).toBe(label);
		expect(link.querySelector('text')!.textContent).toMatch(/…$/);
	});

	it('draws no NaN for empty, zero and invalid input', () => {
		const empty = render(stackedBarChart([], options));
		expectFinite(empty.html);
		expect(empty.svg.querySelector('title')?.textContent).toBe('Monthly cost by plan');
		expect(all(empty.svg, 'rect, text, g')).toHaveLength(0);
		expect(attr(empty.svg, 'width')).toBeGreaterThan(0);

		const zeros = render(
			stackedBarChart(
				[
					{ label: 'Zero', valueText: '$0', segments: [{ key: 'db', value: 0, title: 'DB: $0' }] },
					{
						label: 'Broken',
						valueText: '?',
						segments: [
							{ key: 'db', value: Number.NaN, title: 'x' },
							{ key: 'cdn', value: -5, title: 'y' },
							{ key: 'cache', value: Number.POSITIVE_INFINITY, title: 'z' },
						],
					},
					{ label: 'None', valueText: '—', segments: [] },
				],
				options,
			),
		);
		expectFinite(zeros.html);
		expect(all(zeros.svg, 'rect.chart-segment')).toHaveLength(0);
		expect(zeros.svg.querySelector('.chart-legend')).toBeNull();
		expect(all(zeros.svg, '.chart-label').map((label) => label.textContent)).toEqual([
			'Zero',
			'Broken',
			'None',
		]);
	});

	it('renders the same markup for the same input', () => {
		expect(toHtml(stackedBarChart(bars, options))).toBe(
			toHtml(stackedBarChart(structuredClone(bars), { ...options })),
		);
	});
});

describe('timeline chart', () => {
	const today = '2026-05-15';
	const options = { title: 'Milestones', id: 'milestones', today };
	const lanes: TimelineLane[] = [
		{
			label: 'Checkout',
			href: '/plans/checkout/',
			// Not in date order on purpose.
			items: [
				{ label: 'GA', date: '2026-07-01', href: '/plans/checkout/#ga', state: 'upcoming' },
				{ label: 'Design', date: '2026-01-10', href: '/plans/checkout/#design', state: 'done' },
				{ label: 'Beta', date: '2026-04-01', href: '/plans/checkout/#beta', state: 'overdue' },
			],
		},
		{
			label: 'Search',
			href: '/plans/search/',
			items: [
				{ label: 'Cut-over', date: '2026-04-01', href: '/plans/search/#cut', state: 'overdue' },
			],
		},
	];

	/** Marker centre x of a milestone link: a circle's cx or a diamond path's top vertex. */
	const markerX = (item: Element): number => {
		const marker = item.querySelector('.timeline-marker')!;
		if (marker.tagName.toLowerCase() === 'circle') return attr(marker, 'cx');
		return Number(/^M(-?[\d.]+)/.exec(marker.getAttribute('d')!)![1]);
	};
	/** Marker centre y: a circle's cy or the y of a diamond's right vertex. */
	const markerY = (item: Element): number => {
		const marker = item.querySelector('.timeline-marker')!;
		if (marker.tagName.toLowerCase() === 'circle') return attr(marker, 'cy');
		return Number(/L[\d.]+ (-?[\d.]+)/.exec(marker.getAttribute('d')!)![1]);
	};
	const itemsOf = (lane: Element) => all(lane, '.timeline-item');

	it('places markers in date order along one shared x scale', () => {
		const { svg } = render(timelineChart(lanes, options));
		const laneGroups = all(svg, '.timeline-lane');
		expect(laneGroups).toHaveLength(2);
		const first = itemsOf(laneGroups[0]!);
		expect(first.map((item) => item.getAttribute('data-date'))).toEqual([
			'2026-01-10',
			'2026-04-01',
			'2026-07-01',
		]);
		const xs = first.map(markerX);
		expect(xs[0]).toBeLessThan(xs[1]!);
		expect(xs[1]).toBeLessThan(xs[2]!);
		// Positions are linear in time: Jan 10 → Apr 1 is 81 days, Apr 1 → Jul 1 is 91 days.
		expect((xs[2]! - xs[1]!) / (xs[1]! - xs[0]!)).toBeCloseTo(91 / 81, 1);
		// Same date in another lane, same x.
		expect(markerX(itemsOf(laneGroups[1]!)[0]!)).toBeCloseTo(xs[1]!, 1);
		// Every marker is inside the chart.
		for (const x of xs) {
			expect(x).toBeGreaterThan(0);
			expect(x).toBeLessThan(attr(svg, 'width'));
		}
	});

	it('draws the today line between the dates around it, labelled at the top', () => {
		const { svg } = render(timelineChart(lanes, options));
		const line = svg.querySelector('.timeline-today-line')!;
		const x = attr(line, 'x1');
		expect(attr(line, 'x2')).toBe(x);
		const [, beta, ga] = itemsOf(all(svg, '.timeline-lane')[0]!).map(markerX);
		expect(x).toBeGreaterThan(beta!);
		expect(x).toBeLessThan(ga!);
		const label = svg.querySelector('.timeline-today-label')!;
		expect(label.textContent).toBe('Today');
		expect(attr(label, 'y')).toBeLessThan(
			Math.min(...all(svg, '.timeline-lane-label-text').map((text) => attr(text, 'y'))),
		);
		expect(line.getAttribute('stroke-dasharray')).toBeTruthy();

		// On a month start the line would run through that month's tick label: it starts below it instead.
		const onTick = render(timelineChart(lanes, { ...options, today: '2026-05-01' })).svg;
		const todayLine = onTick.querySelector('.timeline-today-line')!;
		const lineBox = {
			left: attr(todayLine, 'x1') - 0.5,
			right: attr(todayLine, 'x1') + 0.5,
			top: attr(todayLine, 'y1'),
			bottom: attr(todayLine, 'y2'),
		};
		const ticks = all(onTick, '.timeline-tick');
		expect(ticks.some((tick) => tick.textContent === 'May')).toBe(true);
		for (const tick of ticks)
			expect(overlap(textBox(tick), lineBox), tick.textContent!).toBe(false);
		expect(
			overlap(
				textBox(onTick.querySelector('.timeline-today-label')!),
				textBox(ticks.find((tick) => tick.textContent === 'May')!),
			),
		).toBe(false);
	});

	it('links milestones and lanes, names them in <title>s and marks their state', () => {
		const { svg } = render(timelineChart(lanes, options));
		const items = itemsOf(all(svg, '.timeline-lane')[0]!);
		expect(items.map((item) => item.tagName.toLowerCase())).toEqual(['a', 'a', 'a']);
		expect(items.map((item) => item.getAttribute('href'))).toEqual([
			'/plans/checkout/#design',
			'/plans/checkout/#beta',
			'/plans/checkout/#ga',
		]);
		expect(items.map(ownTitle)).toEqual([
			'Design — 2026-01-10 (done)',
			'Beta — 2026-04-01 (overdue)',
			'GA — 2026-07-01 (upcoming)',
		]);
		expect(items.map((item) => item.getAttribute('class'))).toEqual([
			'timeline-item timeline-done',
			'timeline-item timeline-overdue',
			'timeline-item timeline-upcoming',
		]);
		expect(all(svg, '.timeline-overdue')).toHaveLength(2);
		expect(
			all(svg, 'a.timeline-lane-label').map((link) => [
				link.getAttribute('href'),
				link.textContent,
			]),
		).toEqual([
			['/plans/checkout/', 'Checkout'],
			['/plans/search/', 'Search'],
		]);
	});

	it('truncates long lane labels and keeps the full label in a <title>', () => {
		const label = 'Event pipeline on Kafka with exactly-once delivery';
		const { svg } = render(timelineChart([{ label, href: '/e/', items: [] }], options));
		const link = svg.querySelector('a.timeline-lane-label')!;
		expect(ownTitle(link)).toBe(label);
		const drawn = link.querySelector('text')!.textContent!;
		expect(drawn).toMatch(/…$/);
		expect([...drawn].length).toBeLessThanOrEqual(24);
		// The label ends before the plot starts.
		expect(textBox(link.querySelector('text')!).right).toBeLessThan(
			attr(svg.querySelector('.timeline-track')!, 'x1'),
		);
	});

	it('keeps milestones on the same date apart, in their given order', () => {
		const same: TimelineLane = {
			label: 'Same',
			href: '/s/',
			items: ['A', 'B', 'C'].map((label) => ({
				label,
				date: '2026-03-01',
				href: `#${label}`,
				state: 'done' as const,
			})),
		};
		const reference: TimelineLane = {
			label: 'Ref',
			href: '/r/',
			items: [{ label: 'R', date: '2026-03-01', href: '#r', state: 'upcoming' }],
		};
		const { svg, html } = render(timelineChart([same, reference], options));
		expectFinite(html);
		const items = itemsOf(all(svg, '.timeline-lane')[0]!);
		const xs = items.map(markerX);
		expect(items.map(ownTitle)).toEqual([
			'A — 2026-03-01 (done)',
			'B — 2026-03-01 (done)',
			'C — 2026-03-01 (done)',
		]);
		expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(14);
		expect(xs[2]! - xs[1]!).toBeGreaterThanOrEqual(14);
		// The group stays centred on its date.
		const march1 = markerX(itemsOf(all(svg, '.timeline-lane')[1]!)[0]!);
		expect((xs[0]! + xs[1]! + xs[2]!) / 3).toBeCloseTo(march1, 1);

		// A big group at the end of the axis is kept inside the plot.
		const pile: TimelineLane = {
			label: 'Pile',
			href: '/p/',
			items: Array.from({ length: 12 }, (_, i) => ({
				label: `P${i}`,
				date: '2026-09-01',
				href: `#p${i}`,
				state: 'upcoming' as const,
			})),
		};
		const piled = render(timelineChart([pile, lanes[0]!], options));
		const track = piled.svg.querySelector('.timeline-track')!;
		const pileXs = itemsOf(piled.svg.querySelector('.timeline-lane')!).map(markerX);
		for (let i = 1; i < pileXs.length; i++)
			expect(pileXs[i]! - pileXs[i - 1]!).toBeGreaterThanOrEqual(14);
		expect(Math.max(...pileXs)).toBeLessThanOrEqual(attr(track, 'x2'));
	});

	it('never lets text labels overlap within a lane, in a crowded lane', () => {
		const crowded: TimelineLane = {
			label: 'Crowded',
			href: '/c/',
			items: Array.from({ length: 14 }, (_, i) => ({
				label: `Milestone number ${i + 1}`,
				date: `2026-05-${String(1 + i * 2).padStart(2, '0')}`,
				href: `#m${i}`,
				state: (['done', 'overdue', 'upcoming'] as const)[i % 3]!,
			})),
		};
		const { svg } = render(timelineChart([crowded, ...lanes], options));
		let drawn = 0;
		for (const lane of all(svg, '.timeline-lane')) {
			const boxes = all(lane, '.timeline-item-label').map((label) => textBox(label));
			drawn += boxes.length;
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++)
					expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
			// Labels stay inside the chart.
			for (const box of boxes) expect(box.right).toBeLessThanOrEqual(attr(svg, 'width'));
		}
		// Some labels are drawn; ones that did not fit are still named by their marker's <title>.
		expect(drawn).toBeGreaterThan(3);
		expect(all(all(svg, '.timeline-lane')[0]!, '.timeline-item').map(ownTitle)).toHaveLength(14);
	});

	it('labels every milestone of a crowded month on extra rows, without collisions', () => {
		const names = [
			'Architecture Approved',
			'Dev Environment Setup',
			'MVP (Card payments)',
			'Beta (5% of DE traffic)',
			'Black Friday readiness',
			'Load test at 400 orders per second with payment provider sandboxes',
			'Full rollout, legacy off',
			'Retro',
		];
		const crowdedMonth = (month: string): TimelineLane => ({
			label: 'Checkout Service',
			href: '/c/',
			items: names.map((label, i) => ({
				label,
				date: `${month}-${String(2 + i * 4).padStart(2, '0')}`,
				href: `#m${i}`,
				state: (['done', 'overdue', 'upcoming'] as const)[i % 3]!,
			})),
		});
		// The other lanes stretch the axis over the year, so the month is narrow: once mid-axis, once at its right end.
		const yearEnd: TimelineLane = {
			label: 'Later',
			href: '/l/',
			items: [{ label: 'Year end', date: '2026-12-20', href: '#y', state: 'upcoming' }],
		};
		for (const chart of [
			[...lanes, crowdedMonth('2026-06'), yearEnd],
			[...lanes, crowdedMonth('2026-12')],
		])
			expectReadableLabels(chart);
	});

	/** Every milestone of the third lane (eight names) has a label; no label collides with anything. */
	function expectReadableLabels(chart: TimelineLane[]): void {
		const names = chart[2]!.items.map((item) => item.label);
		const { svg, html } = render(timelineChart(chart, options));
		expectFinite(html);

		const crowded = all(svg, '.timeline-lane')[2]!;
		const items = itemsOf(crowded);
		expect(items).toHaveLength(8);
		items.forEach((item, i) => {
			// Every milestone has a drawn label; a shortened one keeps its full text in the link's <title>.
			const label = item.querySelectorAll('.timeline-item-label');
			expect(label, names[i]).toHaveLength(1);
			const drawn = label[0]!.textContent!;
			if (drawn !== names[i]) {
				expect(drawn).toMatch(/…$/);
				expect(names[i]!.startsWith(drawn.slice(0, -1))).toBe(true);
			}
			expect(ownTitle(item)).toContain(names[i]);
		});

		// No two labels anywhere in the chart overlap, none covers a marker, and all stay inside the chart.
		const boxes = all(svg, '.timeline-item-label').map((label) => ({
			name: label.textContent!,
			box: textBox(label, 11),
		}));
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++)
				expect(overlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.name} / ${boxes[j]!.name}`).toBe(
					false,
				);
		const markers = all(svg, '.timeline-item').map((item) => ({
			left: markerX(item) - 7,
			right: markerX(item) + 7,
			top: markerY(item) - 7,
			bottom: markerY(item) + 7,
		}));
		for (const { name, box } of boxes) {
			for (const marker of markers) expect(overlap(box, marker), name).toBe(false);
			expect(box.left, name).toBeGreaterThanOrEqual(0);
			expect(box.right, name).toBeLessThanOrEqual(attr(svg, 'width'));
		}
		// Each label stays in its lane's band, and a leader line tying a label to its marker crosses no other label.
		const bands = all(svg, '.timeline-lane-bg');
		all(svg, '.timeline-lane').forEach((lane, index) => {
			const band = {
				top: attr(bands[index]!, 'y'),
				bottom: attr(bands[index]!, 'y') + attr(bands[index]!, 'height'),
			};
			for (const label of all(lane, '.timeline-item-label')) {
				expect(textBox(label, 11).top, label.textContent!).toBeGreaterThanOrEqual(band.top);
				expect(textBox(label, 11).bottom, label.textContent!).toBeLessThanOrEqual(band.bottom);
			}
		});
		const leaders = all(crowded, '.timeline-leader');
		expect(leaders.length).toBeGreaterThan(0);
		for (const leader of leaders) {
			const own = leader.parentElement!.querySelector('.timeline-item-label')!.textContent;
			const line = {
				left: attr(leader, 'x1') - 0.5,
				right: attr(leader, 'x1') + 0.5,
				top: attr(leader, 'y1'),
				bottom: attr(leader, 'y2'),
			};
			for (const { name, box } of boxes)
				if (name !== own) expect(overlap(line, box), `${own} line / ${name}`).toBe(false);
		}
	}

	it('chooses month, quarter or year ticks whose labels never overlap', () => {
		const spans: Array<[string, string, RegExp]> = [
			['2026-05-10', '2026-05-20', /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$/],
			['2026-01-01', '2026-12-31', /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$/],
			['2025-01-01', '2027-12-31', /^Q[1-4]( \d{4})?$/],
			['2015-01-01', '2030-12-31', /^\d{4}$/],
			['1950-06-01', '2090-06-01', /^\d{4}$/],
		];
		for (const [from, to, pattern] of spans) {
			const chart = timelineChart(
				[
					{
						label: 'P',
						href: '/p/',
						items: [
							{ label: 'start', date: from, href: '#a', state: 'done' },
							{ label: 'end', date: to, href: '#b', state: 'upcoming' },
						],
					},
				],
				{ ...options, today: from },
			);
			const { svg, html } = render(chart);
			expectFinite(html);
			const ticks = all(svg.querySelector('.timeline-axis')!, '.timeline-tick');
			expect(ticks.length, `${from}..${to}`).toBeGreaterThanOrEqual(2);
			for (const tick of ticks) expect(tick.textContent, `${from}..${to}`).toMatch(pattern);
			const boxes = ticks.map((tick) => textBox(tick));
			for (let i = 1; i < boxes.length; i++)
				expect(boxes[i]!.left, `${from}..${to}`).toBeGreaterThan(boxes[i - 1]!.right);
			for (const box of boxes) {
				expect(box.left).toBeGreaterThanOrEqual(0);
				expect(box.right).toBeLessThanOrEqual(attr(svg, 'width'));
			}
			// Ticks are in time order.
			const xs = ticks.map((tick) => attr(tick, 'x'));
			expect([...xs].sort((a, b) => a - b)).toEqual(xs);
		}
	});

	it('draws no NaN or Infinity for edge cases', () => {
		const cases: Array<[TimelineLane[], string]> = [
			[
				[
					{
						label: 'One',
						href: '/1/',
						items: [{ label: 'Only', date: today, href: '#o', state: 'upcoming' }],
					},
				],
				today,
			],
			[
				[
					{
						label: 'Same',
						href: '/s/',
						items: [
							{ label: 'A', date: '2026-01-01', href: '#a', state: 'done' },
							{ label: 'B', date: '2026-01-01', href: '#b', state: 'done' },
						],
					},
				],
				'2026-01-01',
			],
			[[], today],
			[[{ label: 'Empty', href: '/e/', items: [] }], today],
			[
				[
					{
						label: 'Bad dates',
						href: '/b/',
						items: [
							{ label: 'X', date: '2026-02-30', href: '#x', state: 'overdue' },
							{ label: 'Y', date: 'soon', href: '#y', state: 'upcoming' },
						],
					},
				],
				'not a date',
			],
			[
				[
					{
						label: 'No today',
						href: '/n/',
						items: [{ label: 'Z', date: '2026-03-03', href: '#z', state: 'done' }],
					},
				],
				'',
			],
		];
		for (const [input, day] of cases) {
			const { html, svg } = render(timelineChart(input, { ...options, today: day }));
			expectFinite(html);
			expect(svg.querySelector('title')?.textContent).toBe('Milestones');
			expect(attr(svg, 'width')).toBeGreaterThan(0);
			expect(attr(svg, 'height')).toBeGreaterThan(0);
		}
		// A lone milestone on today's date sits mid-axis, with about a month either side.
		const { svg } = render(timelineChart(cases[0]![0], options));
		const track = svg.querySelector('.timeline-track')!;
		const x = markerX(svg.querySelector('.timeline-item')!);
		expect(x).toBeCloseTo((attr(track, 'x1') + attr(track, 'x2')) / 2, 0);
		expect(all(svg, '.timeline-tick').length).toBeGreaterThanOrEqual(2);
		// Unreadable dates are skipped, not drawn at the epoch.
		const bad = render(timelineChart(cases[4]![0], { ...options, today: 'not a date' }));
		expect(all(bad.svg, '.timeline-item')).toHaveLength(0);
		expect(bad.svg.querySelector('.timeline-today')).toBeNull();
	});

	it('scales to fifty lanes with one shared axis repeated at the bottom', () => {
		const many: TimelineLane[] = Array.from({ length: 50 }, (_, i) => ({
			label: `Plan ${i + 1}`,
			href: `/p/${i}/`,
			items: [
				{
					label: `M${i}`,
					date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
					href: `#m${i}`,
					state: 'upcoming',
				},
			],
		}));
		const { svg, html } = render(timelineChart(many, options));
		expectFinite(html);
		expect(all(svg, '.timeline-lane')).toHaveLength(50);
		expect(all(svg, '.timeline-axis')).toHaveLength(2);
		const height = attr(svg, 'height');
		expect(height).toBeGreaterThanOrEqual(50 * 36);
		expect(height).toBeLessThanOrEqual(50 * 44 + 120);
		expect(attr(svg, 'width')).toBeGreaterThanOrEqual(720);
		expect(attr(svg, 'width')).toBeLessThanOrEqual(900);
		// Lanes 1 and 13 share a date, so a marker x.
		const lanesEls = all(svg, '.timeline-lane');
		expect(markerX(itemsOf(lanesEls[12]!)[0]!)).toBe(markerX(itemsOf(lanesEls[0]!)[0]!));
	});

	it('reads dates as UTC days, whatever the time zone of the build', () => {
		expect(parseDay('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
		expect(parseDay(' 2026-12-31 ')).toBe(Date.UTC(2026, 11, 31));
		for (const bad of [
			'2026-02-30',
			'2026-13-01',
			'0099-01-01',
			'2026-3-1',
			'2026-03-01T00:00',
			'',
		])
			expect(parseDay(bad), bad).toBeUndefined();
		const zone = process.env.TZ;
		try {
			process.env.TZ = 'America/Los_Angeles';
			const west = toHtml(timelineChart(lanes, options));
			process.env.TZ = 'Pacific/Kiritimati';
			const east = toHtml(timelineChart(lanes, options));
			expect(west).toBe(east);
		} finally {
			if (zone === undefined) delete process.env.TZ;
			else process.env.TZ = zone;
		}
	});

	it('spreads close points evenly around their mean and leaves distant ones alone', () => {
		expect(spread([10, 10, 10], 4)).toEqual([6, 10, 14]);
		expect(spread([0, 100], 4)).toEqual([0, 100]);
		const out = spread([0, 1, 2, 50, 51], 10);
		for (let i = 1; i < out.length; i++)
			expect(out[i]! - out[i - 1]!).toBeGreaterThanOrEqual(10 - 1e-9);
		expect(spread([], 5)).toEqual([]);
		// Pushed back inside the bounds, still apart.
		expect(spread([98, 98, 98, 98], 4, { min: 0, max: 100 })).toEqual([88, 92, 96, 100]);
		expect(spread([1, 1, 1], 4, { min: 0, max: 100 })).toEqual([0, 4, 8]);
	});

	it('renders the same markup for the same input', () => {
		expect(toHtml(timelineChart(lanes, options))).toBe(
			toHtml(timelineChart(structuredClone(lanes), { ...options })),
		);
	});
});
