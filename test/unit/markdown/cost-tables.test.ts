import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/cost-tables-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A plan rendered as its page shows it. */
async function page(markdown: string): Promise<Document> {
	const settings = defaultRenderSettings(folder, join(folder, 'mermaid'));
	const renderer = await createPlanRenderer(settings);
	const { html } = await renderer.render(parseMarkdown(markdown), join(folder, 'plan.md'));
	return new JSDOM(html).window.document;
}

const computedTotal = (document: Document) =>
	[...document.querySelectorAll('tr.cost-computed td.cost-cell')].map((cell) => cell.textContent);
const chartTitles = (document: Document) =>
	[...document.querySelectorAll('figure.cost-chart svg > title')].map((title) => title.textContent);

describe('a cost table on the page', () => {
	it('shows a total without a period when nothing states one, and bars without /mo', async () => {
		const document = await page(
			'## Costs\n\n| Component | Cost |\n|---|---|\n| API | $100 |\n| DB | $200 |\n',
		);
		expect(computedTotal(document)).toEqual(['$300']);
		expect(chartTitles(document)).toEqual(['Cost by component']);
		expect(document.querySelector('figure.cost-chart')!.textContent).not.toContain('/mo');
	});

	it('shows one-time money as one-time, and the run-rate per month, apart', async () => {
		const document = await page(
			'## Costs\n\n| Component | Cost |\n|---|---|\n| Setup | $5,000 one-time |\n| Migration | $3,000 one-time |\n| API | $100/mo |\n| DB | $1,200/yr |\n',
		);
		expect(computedTotal(document)).toEqual(['$200/mo; $8,000 one-time']);
		expect(chartTitles(document)).toEqual([
			'Monthly cost by component',
			'One-time cost by component',
		]);
	});

	it('shows a table of options without a total, and says why', async () => {
		const document = await page(
			'## Alternatives\n\n| Setting | Cost |\n|---|---|\n| Small | $100/mo |\n| Large | $400/mo |\n',
		);
		expect(computedTotal(document)).toEqual([]);
		expect(document.querySelector('.cost-options')!.textContent).toBe(
			'Options, not a budget: one row per choice or example, so no total is computed and the rows stay out of the cost pages.',
		);
		expect(document.querySelectorAll('.cost-left-out, figure.cost-chart')).toHaveLength(0);
	});

	it('says when rows are rate × quantity, and marks figures it could not check as unverified', async () => {
		const computed = await page(
			'## Budget\n\n| Task | Hourly rate | Hours |\n|---|---|---|\n| Design | $120 | 10 |\n| Build | $100 | 40 |\n',
		);
		expect(computedTotal(computed)).toEqual(['$5,200 one-time']);
		expect(computed.querySelector('.cost-computed-note')!.textContent).toBe(
			'Computed: each row is its rate × quantity.',
		);
		const guessed = await page(
			'## Budget\n\n| Item | Cost | Quantity |\n|---|---|---|\n| Laptop | $2,000 | 3 |\n| Monitor | $400 | 2 |\n',
		);
		expect(guessed.querySelector('tr.cost-computed td')!.textContent).toBe(
			'Computed total (unverified)',
		);
		expect(guessed.querySelector('.cost-unverified')!.textContent).toMatch(
			/^Unverified: a Quantity column stands beside the Cost column/,
		);
	});

	it('marks a row left out of the total, and leaves it out of the chart', async () => {
		const document = await page(
			'## Costs (Monthly)\n\n| Component | Cost |\n|---|---|\n| API | $100 |\n| DB | $200 |\n| Redis or Memcached | $40 |\n',
		);
		const row = document.getElementById('cost-redis-or-memcached')!;
		expect(row.classList.contains('cost-left-out')).toBe(true);
		expect(row.querySelector('td.cost-cell')!.textContent).toBe('$40 (not in total)');
		expect(computedTotal(document)).toEqual(['$300/mo']);
		expect(
			[...document.querySelectorAll('figure.cost-chart a')].map((link) =>
				link.getAttribute('href'),
			),
		).toEqual(['#cost-api', '#cost-db']);
	});

	it('links every bar to an id the page has, when the rows are milestones too', async () => {
		const document = await page(
			'## Development Roadmap\n\n| Phase | Duration | Budget |\n|---|---|---|\n| **MVP** | Months 1-4 | $247K |\n| **Beta** | Months 5-10 | $840K |\n| **V1.0** | Months 11-18 | $1.57M |\n',
		);
		const hrefs = [...document.querySelectorAll('figure.cost-chart a')].map((link) =>
			link.getAttribute('href')!,
		);
		expect(hrefs).toEqual(['#milestone-mvp', '#milestone-beta', '#milestone-v10']);
		for (const href of hrefs)
			expect(document.getElementById(href.slice(1))?.tagName, href).toBe('TR');
		expect(computedTotal(document)).toEqual(['$2,657,000 one-time']);
	});
});
