import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/scaling-charts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A plan rendered as its page shows it. */
async function page(markdown: string): Promise<Document> {
	const settings = defaultRenderSettings(folder, join(folder, 'mermaid'));
	const renderer = await createPlanRenderer(settings);
	const { html } = await renderer.render(parseMarkdown(markdown), join(folder, 'plan.md'));
	return new JSDOM(html).window.document;
}

describe('a scaling projection on the page', () => {
	it('is charted as a monthly cost only when its amounts are a run-rate', async () => {
		const monthly = await page(
			'## Scaling Projections\n\n- 6 months: $1,200/mo\n- 12 months: $2,000/mo\n',
		);
		expect(
			[...monthly.querySelectorAll('figure.scaling-chart svg > title')].map(
				(title) => title.textContent,
			),
		).toEqual(['Projected monthly cost']);
		const unstated = await page(
			'## Scaling Projections\n\n- 6 months: $1,200\n- 12 months: $2,000\n',
		);
		expect(unstated.querySelector('figure.scaling-chart')).toBeNull();
	});

	it('starts from today\'s run-rate, a "Now" column, when one cost table gives it in the same currency', async () => {
		const document = await page(
			'## Costs (Monthly)\n\n| Component | Cost |\n|---|---|\n| API | $300 |\n| DB | $200 |\n\n## Scaling Projections\n\n- 6 months: $1,200/mo\n- 12 months: €2,000/mo\n- 18 months: $3,000/mo\n',
		);
		const description = document.querySelector('figure.scaling-chart svg > desc')?.textContent;
		// Points in another currency than the first are left to the list.
		expect(description).toBe('Now: $500/mo; 6 months: $1,200/mo; 18 months: $3,000/mo');
	});
});
