import { toHtml } from 'hast-util-to-html';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type BarDatum, barChart } from '#plans/charts/bar-chart.ts';
import { type ProjectionPoint, projectionChart } from '#plans/charts/projection-chart.ts';
import { type MatrixLevel, type MatrixRisk, riskMatrix } from '#plans/charts/risk-matrix.ts';
import { num, textWidth, truncate } from '#plans/charts/svg.ts';

/** The chart as HTML (how it reaches the page) and as a DOM to query. */
function render(element: Parameters<typeof toHtml>[0]): { html: string; svg: SVGSVGElement } {
	const html = toHtml(element);
	const svg = new JSDOM(`<!doctype html><body>${html}</body>`).window.document.querySelector('svg');
	if (!svg) throw new Error('no <svg> rendered');
	return { html, svg };
}

const attr = (element: Element | null | undefined, name: string): number =>
	Number(element?.getAttribute(name));
const texts = (svg: SVGSVGElement, selector: string) =>
	[...svg.querySelectorAll(selector)].map((element) => element.textContent);

/** Every numeric attribute is a finite number, and the markup never says NaN or Infinity. */
function expectFinite({ html, svg }: { html: string; svg: SVGSVGElement }): void {
	expect(html).not.toMatch(/NaN|Infinity/);
	for (const element of svg.querySelectorAll('*')) {
		for (const name of [
			'x',
			'y',
			'width',
			'height',
			'cx',
			'cy',
			'r',
			'x1',
			'x2',
			'y1',
			'y2',
			'font-size',
		]) {
			const value = element.getAttribute(name);
			if (value !== null)
				expect(Number.isFinite(Number(value)), `${element.tagName} ${name}="${value}"`).toBe(true);
		}
	}
	const viewBox = svg.getAttribute('viewBox')!.split(' ').map(Number);
	expect(viewBox).toHaveLength(4);
	expect(viewBox.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
}

/** The accessible name wiring shared by all charts. */
function expectAccessible(svg: SVGSVGElement, id: string, description?: string): void {
	// Linked charts are groups, so screen readers reach their links; others are pictures.
	expect(svg.getAttribute('role')).toBe(svg.querySelector('a') ? 'group' : 'img');
	expect(svg.querySelector(':scope > title')?.id).toBe(`${id}-title`);
	if (description) {
		expect(svg.querySelector(':scope > desc')?.textContent).toBe(description);
		expect(svg.getAttribute('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
	} else {
		expect(svg.querySelector(':scope > desc')).toBeNull();
		expect(svg.getAttribute('aria-labelledby')).toBe(`${id}-title`);
	}
	const [, , width, height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
	expect(attr(svg, 'width')).toBe(width);
	expect(attr(svg, 'height')).toBe(height);
	expect(svg.getAttribute('style')).toContain('max-width:100%');
}

const costs: BarDatum[] = [
	{ label: 'Compute', low: 240, high: 240, valueText: '$240/mo', href: '#cost-compute' },
	{ label: 'Database', low: 180, high: 220, valueText: '$180–$220/mo', href: '#cost-database' },
	{ label: 'Cache', low: 60, high: 60, valueText: '$60/mo' },
];

describe('bar chart', () => {
	it('draws one row per datum, in order, with label and value as <text>', () => {
		const { svg } = render(
			barChart(costs, { title: 'Monthly cost by component (USD)', id: 'cost' }),
		);
		expect(svg.querySelectorAll('.chart-row')).toHaveLength(3);
		expect(svg.querySelectorAll('rect.chart-bar')).toHaveLength(3);
		expect(texts(svg, 'text.chart-label')).toEqual(['Compute', 'Database', 'Cache']);
		expect(texts(svg, 'text.chart-value')).toEqual(['$240/mo', '$180–$220/mo', '$60/mo']);
		expect(svg.querySelector(':scope > title')?.textContent).toBe(
			'Monthly cost by component (USD)',
		);
	});

	it('scales bar widths to the largest high, all starting at the baseline', () => {
		const { svg } = render(barChart(costs, { title: 'T', id: 'cost' }));
		const bars = [...svg.querySelectorAll('rect.chart-bar')];
		const widths = bars.map((bar) => attr(bar, 'width'));
		expect(widths[0]! / widths[2]!).toBeCloseTo(240 / 60, 1);
		expect(widths[1]! / widths[0]!).toBeCloseTo(180 / 240, 1);
		const axisX = attr(svg.querySelector('.chart-axis'), 'x1');
		for (const bar of bars) expect(Math.abs(attr(bar, 'x') - axisX)).toBeLessThanOrEqual(0.5);
	});

	it('draws a range as a solid bar to low and a hatched extension to high', () => {
		const { svg } = render(barChart(costs, { title: 'T', id: 'cost' }));
		const ranges = svg.querySelectorAll('rect.chart-bar-range');
		expect(ranges).toHaveLength(1);
		const solid = svg.querySelectorAll('rect.chart-bar')[1]!;
		expect(attr(ranges[0], 'width') / attr(solid, 'width')).toBeCloseTo(220 / 180, 1);
		expect(ranges[0]!.getAttribute('fill')).toBe('url(#cost-hatch)');
		expect(svg.querySelector('pattern')?.id).toBe('cost-hatch');
		// The value text starts after the end of the range, not of the solid part.
		const value = svg.querySelectorAll('text.chart-value')[1]!;
		expect(attr(value, 'x')).toBeGreaterThan(attr(ranges[0], 'x') + attr(ranges[0], 'width'));
	});

	it('has no hatch pattern when no datum is a range', () => {
		const { svg } = render(barChart([costs[0]!, costs[2]!], { title: 'T', id: 'cost' }));
		expect(svg.querySelector('pattern')).toBeNull();
		expect(svg.querySelector('.chart-bar-range')).toBeNull();
	});

	it('links rows that have an href and leaves the others as groups', () => {
		const { svg } = render(barChart(costs, { title: 'T', id: 'cost' }));
		expect([...svg.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
			'#cost-compute',
			'#cost-database',
		]);
		expect(svg.querySelector('a')?.querySelector('text.chart-label')?.textContent).toBe('Compute');
		expect(svg.querySelectorAll('g.chart-row')).toHaveLength(1);
	});

	it('names itself by title and description', () => {
		const description = 'Sum $585/mo; see the table above for exact figures.';
		expectAccessible(
			render(barChart(costs, { title: 'T', id: 'cost-1', description })).svg,
			'cost-1',
			description,
		);
		expectAccessible(render(barChart(costs, { title: 'T', id: 'cost-2' })).svg, 'cost-2');
	});

	it('cuts long labels with an ellipsis and keeps the full label in the row title', () => {
		const label = 'Managed PostgreSQL database with read replicas';
		const { svg } = render(
			barChart([{ label, low: 1, high: 1, valueText: '$1/mo' }, ...costs], {
				title: 'T',
				id: 'cost',
			}),
		);
		const drawn = svg.querySelector('text.chart-label')!.textContent!;
		expect(drawn.endsWith('…')).toBe(true);
		expect([...drawn].length).toBeLessThanOrEqual(28);
		expect(svg.querySelector('.chart-row > title')?.textContent).toBe(label);
		// Short labels are drawn whole and get no title of their own.
		expect(svg.querySelectorAll('.chart-row > title')).toHaveLength(1);
	});

	it('is wide enough for the longest label and for every value after its bar', () => {
		const { svg } = render(barChart(costs, { title: 'T', id: 'cost' }));
		const width = attr(svg, 'width');
		for (const value of svg.querySelectorAll('text.chart-value')) {
			expect(attr(value, 'x') + textWidth(value.textContent!)).toBeLessThanOrEqual(width);
		}
		for (const label of svg.querySelectorAll('text.chart-label')) {
			expect(attr(label, 'x') - textWidth(label.textContent!)).toBeGreaterThanOrEqual(0);
		}
	});

	it('draws zero-length bars with their labels when every value is 0', () => {
		const chart = render(
			barChart(
				[
					{ label: 'A', low: 0, high: 0, valueText: '$0/mo' },
					{ label: 'B', low: 0, high: 0, valueText: '$0/mo' },
				],
				{ title: 'T', id: 'z' },
			),
		);
		expectFinite(chart);
		expect(
			[...chart.svg.querySelectorAll('rect.chart-bar')].map((bar) => attr(bar, 'width')),
		).toEqual([0, 0]);
		expect(texts(chart.svg, 'text.chart-label')).toEqual(['A', 'B']);
	});

	it('never prints NaN: single item, huge values, bad numbers, reversed ranges, no data', () => {
		const cases: BarDatum[][] = [
			[{ label: 'Only', low: 5, high: 5, valueText: '$5/mo' }],
			[
				{ label: 'Huge', low: 1e15, high: 9e15, valueText: 'lots' },
				{ label: 'Tiny', low: 1e-9, high: 1e-9, valueText: 'little' },
			],
			[
				{ label: 'Bad', low: Number.NaN, high: Number.POSITIVE_INFINITY, valueText: '?' },
				{ label: 'Neg', low: -5, high: -1, valueText: '-' },
			],
			[{ label: 'Reversed', low: 10, high: 5, valueText: '$5–$10' }],
			[],
		];
		for (const data of cases) {
			const chart = render(barChart(data, { title: 'T', id: 'edge' }));
			expectFinite(chart);
			expect(chart.svg.querySelectorAll('rect.chart-bar')).toHaveLength(data.length);
		}
		// A single bar fills the plot.
		const single = render(barChart(cases[0]!, { title: 'T', id: 'one' })).svg;
		expect(attr(single.querySelector('rect.chart-bar'), 'width')).toBeGreaterThan(100);
	});

	it('renders the same input to the same string', () => {
		const options = { title: 'T', id: 'same', description: 'D' };
		expect(toHtml(barChart(costs, options))).toBe(toHtml(barChart(costs, options)));
	});
});

const projection: ProjectionPoint[] = [
	{ label: 'Now', low: 585, high: 585, valueText: '$585/mo' },
	{ label: '6 months', low: 1200, high: 1200, valueText: '~$1,200/mo', href: '#scaling-6-months' },
	{
		label: '12 months',
		low: 2000,
		high: 3000,
		valueText: '$2,000–$3,000/mo',
		href: '#scaling-12-months',
	},
];

describe('projection chart', () => {
	it('draws one column per point in order, label under and value above it', () => {
		const { svg } = render(
			projectionChart(projection, { title: 'Projected monthly cost', id: 'proj' }),
		);
		const columns = [...svg.querySelectorAll('rect.chart-bar')];
		expect(columns).toHaveLength(3);
		expect(texts(svg, 'text.chart-label')).toEqual(['Now', '6 months', '12 months']);
		expect(texts(svg, 'text.chart-value')).toEqual(['$585/mo', '~$1,200/mo', '$2,000–$3,000/mo']);
		const xs = columns.map((column) => attr(column, 'x'));
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		const baseline = attr(svg.querySelector('.chart-axis'), 'y1');
		columns.forEach((column, index) => {
			// Columns stand on the baseline; labels are below it, values above the column.
			expect(Math.abs(attr(column, 'y') + attr(column, 'height') - baseline)).toBeLessThanOrEqual(
				0.5,
			);
			expect(attr(svg.querySelectorAll('text.chart-label')[index], 'y')).toBeGreaterThan(baseline);
			expect(attr(svg.querySelectorAll('text.chart-value')[index], 'y')).toBeLessThan(
				attr(column, 'y'),
			);
		});
	});

	it('scales heights to the largest high and caps a range with a hatched part', () => {
		const { svg } = render(projectionChart(projection, { title: 'T', id: 'proj' }));
		const heights = [...svg.querySelectorAll('rect.chart-bar')].map((column) =>
			attr(column, 'height'),
		);
		expect(heights[1]! / heights[0]!).toBeCloseTo(1200 / 585, 1);
		const range = svg.querySelector('rect.chart-bar-range')!;
		expect(attr(range, 'height') / heights[2]!).toBeCloseTo(3000 / 2000, 1);
		expect(svg.querySelectorAll('rect.chart-bar-range')).toHaveLength(1);
	});

	it('links columns that have an href', () => {
		const { svg } = render(projectionChart(projection, { title: 'T', id: 'proj' }));
		expect([...svg.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
			'#scaling-6-months',
			'#scaling-12-months',
		]);
		expect(svg.querySelector('a text.chart-label')?.textContent).toBe('6 months');
	});

	it('names itself by title and description', () => {
		expectAccessible(
			render(projectionChart(projection, { title: 'T', id: 'p1', description: 'Now $585/mo' })).svg,
			'p1',
			'Now $585/mo',
		);
		expectAccessible(render(projectionChart(projection, { title: 'T', id: 'p2' })).svg, 'p2');
	});

	it('gives every column the same slot, wide enough for its texts, for 1 to 12 points', () => {
		for (const count of [1, 2, 12]) {
			const points = Array.from({ length: count }, (_, index) => ({
				label: `${index * 3} months`,
				low: index * 100,
				high: index * 150,
				valueText: `$${index * 100}–$${index * 150}/mo`,
			}));
			const chart = render(projectionChart(points, { title: 'T', id: 'n' }));
			expectFinite(chart);
			const columns = [...chart.svg.querySelectorAll('rect.chart-bar')];
			expect(columns).toHaveLength(count);
			const steps = columns
				.slice(1)
				.map((column, index) => attr(column, 'x') - attr(columns[index], 'x'));
			expect(new Set(steps).size).toBeLessThanOrEqual(1);
			for (const value of chart.svg.querySelectorAll('text')) {
				if (value.closest('title')) continue;
				const half = textWidth(value.textContent!) / 2;
				expect(attr(value, 'x') - half).toBeGreaterThanOrEqual(0);
				expect(attr(value, 'x') + half).toBeLessThanOrEqual(attr(chart.svg, 'width'));
			}
		}
	});

	it('never prints NaN: all zero, huge values, bad numbers, no points', () => {
		const cases: ProjectionPoint[][] = [
			[
				{ label: 'Now', low: 0, high: 0, valueText: '$0' },
				{ label: 'Later', low: 0, high: 0, valueText: '$0' },
			],
			[{ label: 'Now', low: 1e18, high: 1e19, valueText: 'lots' }],
			[{ label: 'Now', low: Number.NaN, high: Number.NEGATIVE_INFINITY, valueText: '?' }],
			[],
		];
		for (const points of cases)
			expectFinite(render(projectionChart(points, { title: 'T', id: 'edge' })));
	});

	it('renders the same input to the same string', () => {
		expect(toHtml(projectionChart(projection, { title: 'T', id: 'same' }))).toBe(
			toHtml(projectionChart(projection, { title: 'T', id: 'same' })),
		);
	});
});

const risk = (marker: string, likelihood: MatrixLevel, impact: MatrixLevel): MatrixRisk => ({
	label: `Risk ${marker}`,
	likelihood,
	impact,
	href: `#risk-${marker}`,
	marker,
});

/** The cell rectangle containing a point. */
function cellRect(svg: SVGSVGElement, x: number, y: number): Element {
	const cell = [...svg.querySelectorAll('rect.matrix-cell')].find(
		(rect) =>
			x >= attr(rect, 'x') &&
			x <= attr(rect, 'x') + attr(rect, 'width') &&
			y >= attr(rect, 'y') &&
			y <= attr(rect, 'y') + attr(rect, 'height'),
	);
	if (!cell) throw new Error(`(${x}, ${y}) is outside every cell`);
	return cell;
}

/** The likelihood and impact of the cell a dot is in, read from the axis labels' positions. */
function cellOf(svg: SVGSVGElement, dot: Element): { likelihood: string; impact: string } {
	const cell = cellRect(svg, attr(dot, 'cx'), attr(dot, 'cy'));
	const levels = [...svg.querySelectorAll('text.matrix-level')];
	const centreX = attr(cell, 'x') + attr(cell, 'width') / 2;
	const centreY = attr(cell, 'y') + attr(cell, 'height') / 2;
	// Impact names sit under the columns (text-anchor middle), likelihood names beside the rows.
	const impact = levels.find(
		(level) =>
			level.getAttribute('text-anchor') === 'middle' && Math.abs(attr(level, 'x') - centreX) < 1,
	)!.textContent!;
	const likelihood = levels.find(
		(level) =>
			level.getAttribute('text-anchor') === 'end' &&
			Math.abs(attr(level, 'y') - 12 * 0.35 - centreY) < 1,
	)!.textContent!;
	return { likelihood, impact };
}

describe('risk matrix', () => {
	it('is 3×3 with Low at the bottom left, and 4×4 once a risk is Critical', () => {
		const small = render(riskMatrix([risk('1', 'Low', 'High')], { title: 'T', id: 'm' })).svg;
		expect(small.querySelectorAll('rect.matrix-cell')).toHaveLength(9);
		expect(texts(small, 'text.matrix-level[text-anchor="end"]')).toEqual(['Low', 'Medium', 'High']);
		const ys = [...small.querySelectorAll('text.matrix-level[text-anchor="end"]')].map((level) =>
			attr(level, 'y'),
		);
		expect(ys).toEqual([...ys].sort((a, b) => b - a));
		const xs = [...small.querySelectorAll('text.matrix-level[text-anchor="middle"]')].map((level) =>
			attr(level, 'x'),
		);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		expect(texts(small, 'text.matrix-axis-title')).toEqual(['Likelihood', 'Impact']);
		expect(small.querySelector('text.matrix-axis-title')?.getAttribute('transform')).toMatch(
			/^rotate\(-90 /,
		);

		for (const critical of [risk('1', 'Critical', 'Low'), risk('1', 'Low', 'Critical')]) {
			const large = render(riskMatrix([critical], { title: 'T', id: 'm' })).svg;
			expect(large.querySelectorAll('rect.matrix-cell')).toHaveLength(16);
			expect(texts(large, 'text.matrix-level[text-anchor="middle"]')).toEqual([
				'Low',
				'Medium',
				'High',
				'Critical',
			]);
		}
	});

	it('colours cells by likelihood + impact, the same on 3×3 and 4×4 grids', () => {
		const severities = (svg: SVGSVGElement) =>
			[...svg.querySelectorAll('rect.matrix-cell')].map((cell) =>
				cell.getAttribute('data-severity'),
			);
		const small = severities(render(riskMatrix([], { title: 'T', id: 'm' })).svg);
		expect(new Set(small)).toEqual(new Set(['low', 'medium', 'high']));
		const large = severities(
			render(riskMatrix([risk('1', 'Critical', 'Critical')], { title: 'T', id: 'm' })).svg,
		);
		expect(new Set(large)).toEqual(new Set(['low', 'medium', 'high', 'critical']));
		expect(large.filter((level) => level === 'critical')).toHaveLength(3);
	});

	it('places each risk in its cell as a linked dot with its marker and a descriptive title', () => {
		const risks = [
			risk('1', 'Low', 'High'),
			risk('2', 'High', 'Low'),
			risk('3', 'Medium', 'Medium'),
		];
		const { svg } = render(riskMatrix(risks, { title: 'T', id: 'm' }));
		const links = [...svg.querySelectorAll('a.matrix-risk')];
		expect(links.map((link) => link.getAttribute('href'))).toEqual([
			'#risk-1',
			'#risk-2',
			'#risk-3',
		]);
		expect(links.map((link) => link.querySelector('title')?.textContent)).toEqual([
			'Risk 1 — likelihood Low, impact High',
			'Risk 2 — likelihood High, impact Low',
			'Risk 3 — likelihood Medium, impact Medium',
		]);
		expect(links.map((link) => link.querySelector('text')?.textContent)).toEqual(['1', '2', '3']);
		links.forEach((link, index) => {
			const dot = link.querySelector('circle.matrix-dot')!;
			expect(attr(dot, 'r')).toBe(10);
			expect(cellOf(svg, dot)).toEqual({
				likelihood: risks[index]!.likelihood,
				impact: risks[index]!.impact,
			});
			// The marker is centred on its dot.
			expect(attr(link.querySelector('text'), 'x')).toBe(attr(dot, 'cx'));
		});
	});

	it('packs up to a dozen and more risks in one cell without overlap or overflow', () => {
		for (const count of [2, 3, 6, 7, 12, 20, 40]) {
			const risks = Array.from({ length: count }, (_, index) =>
				risk(String(index + 1), 'Medium', 'High'),
			);
			const chart = render(riskMatrix(risks, { title: 'T', id: 'm' }));
			expectFinite(chart);
			const dots = [...chart.svg.querySelectorAll('circle.matrix-dot')].map((dot) => ({
				cx: attr(dot, 'cx'),
				cy: attr(dot, 'cy'),
				r: attr(dot, 'r'),
			}));
			expect(dots).toHaveLength(count);
			expect(cellOf(chart.svg, chart.svg.querySelector('circle')!)).toEqual({
				likelihood: 'Medium',
				impact: 'High',
			});
			const cell = cellRect(chart.svg, dots[0]!.cx, dots[0]!.cy);
			for (const dot of dots) {
				expect(dot.r).toBeGreaterThanOrEqual(6);
				expect(dot.cx - dot.r).toBeGreaterThanOrEqual(attr(cell, 'x'));
				expect(dot.cx + dot.r).toBeLessThanOrEqual(attr(cell, 'x') + attr(cell, 'width'));
				expect(dot.cy - dot.r).toBeGreaterThanOrEqual(attr(cell, 'y'));
				expect(dot.cy + dot.r).toBeLessThanOrEqual(attr(cell, 'y') + attr(cell, 'height'));
			}
			for (let a = 0; a < dots.length; a++) {
				for (let b = a + 1; b < dots.length; b++) {
					const distance = Math.hypot(dots[a]!.cx - dots[b]!.cx, dots[a]!.cy - dots[b]!.cy);
					expect(distance).toBeGreaterThanOrEqual(dots[a]!.r + dots[b]!.r);
				}
			}
		}
	});

	it('keeps a cell at its normal size up to a dozen dots', () => {
		const heights = (count: number) => {
			const risks = Array.from({ length: count }, (_, index) =>
				risk(String(index + 1), 'Low', 'Low'),
			);
			return attr(
				render(riskMatrix(risks, { title: 'T', id: 'm' })).svg.querySelector('rect.matrix-cell'),
				'height',
			);
		};
		expect(heights(12)).toBe(heights(1));
		expect(heights(40)).toBeGreaterThan(heights(1));
	});

	it('shrinks a long marker to fit its dot', () => {
		const { svg } = render(
			riskMatrix([risk('1', 'Low', 'Low'), risk('100', 'High', 'High')], { title: 'T', id: 'm' }),
		);
		const [short, long] = [...svg.querySelectorAll('text.matrix-dot-label')];
		expect(attr(long, 'font-size')).toBeLessThan(attr(short, 'font-size'));
		expect(textWidth('100', attr(long, 'font-size'))).toBeLessThanOrEqual(
			2 * attr(svg.querySelectorAll('circle')[1], 'r'),
		);
	});

	it('names itself by title and description, and renders deterministically', () => {
		const risks = [
			risk('1', 'Low', 'High'),
			risk('2', 'Low', 'High'),
			risk('3', 'Critical', 'Medium'),
		];
		const options = {
			title: 'Risks by likelihood and impact',
			id: 'plans-risk-matrix',
			description: '3 of 3 risks placed.',
		};
		expectAccessible(
			render(riskMatrix(risks, options)).svg,
			'plans-risk-matrix',
			'3 of 3 risks placed.',
		);
		expectAccessible(render(riskMatrix(risks, { title: 'T', id: 'r2' })).svg, 'r2');
		expect(toHtml(riskMatrix(risks, options))).toBe(toHtml(riskMatrix(risks, options)));
	});

	it('draws an empty grid for no risks', () => {
		const chart = render(riskMatrix([], { title: 'T', id: 'm' }));
		expectFinite(chart);
		expect(chart.svg.querySelectorAll('rect.matrix-cell')).toHaveLength(9);
		expect(chart.svg.querySelector('a')).toBeNull();
	});
});

describe('chart helpers', () => {
	it('formats coordinates without NaN, -0 or long decimals', () => {
		expect([
			num(1.23456),
			num(-0),
			num(-0.001),
			num(Number.NaN),
			num(Number.POSITIVE_INFINITY),
			num(120),
		]).toEqual(['1.23', '0', '0', '0', '0', '120']);
	});

	it('estimates wider text for longer and wider strings', () => {
		expect(textWidth('')).toBe(0);
		expect(textWidth('Compute')).toBeGreaterThan(textWidth('CDN'));
		expect(textWidth('mmmm')).toBeGreaterThan(textWidth('iiii'));
		expect(textWidth('abc', 24)).toBeCloseTo(textWidth('abc', 12) * 2);
	});

	it('truncates by characters, not UTF-16 units', () => {
		expect(truncate('short', 28)).toEqual({ text: 'short', truncated: false });
		expect(truncate('😀'.repeat(30), 28).text).toBe(`${'😀'.repeat(27)}…`);
	});
});
