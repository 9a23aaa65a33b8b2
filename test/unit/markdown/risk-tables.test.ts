import { JSDOM } from 'jsdom';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlanFacts } from '#plans/markdown/plan-facts.ts';
import { remarkRiskTables } from '#plans/markdown/risk-tables.ts';

/** A plan at plans/payments/checkout.md, its facts read first as in the pipeline. */
async function render(markdown: string, { facts = true } = {}): Promise<string> {
	const processor = unified().use(remarkParse).use(remarkGfm);
	if (facts) processor.use(remarkPlanFacts);
	processor.use(remarkRiskTables).use(remarkRehype).use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

const table = (...rows: string[]) =>
	`| Risk | Likelihood | Impact | Mitigation |\n| --- | --- | --- | --- |\n${rows.map((row) => `| ${row} |\n`).join('')}`;

describe('remarkRiskTables', () => {
	it('puts level badges in the likelihood and impact cells and numbers each row', async () => {
		const html = await render(
			`## Risks\n\n${table('Database scaling | High | *med* | Shard', 'Vendor lock-in | very high | ? | Exit plan')}`,
		);
		expect(html.slice(0, html.indexOf('<figure'))).toBe(
			'<h2>Risks</h2>\n<table class="risk-table">\n<thead>\n<tr>\n<th>Risk</th>\n<th>Likelihood</th>\n<th>Impact</th>\n<th>Mitigation</th>\n</tr>\n</thead>\n<tbody>\n' +
				'<tr id="risk-database-scaling" class="fact-row">\n<td><span class="risk-number">1</span>Database scaling</td>\n' +
				'<td><span class="level-badge" data-level="high">High</span></td>\n<td><span class="level-badge" data-level="medium"><em>med</em></span></td>\n<td>Shard</td>\n</tr>\n' +
				'<tr id="risk-vendor-lock-in" class="fact-row">\n<td><span class="risk-number">2</span>Vendor lock-in</td>\n' +
				'<td><span class="level-badge" data-level="critical">very high</span></td>\n<td>?</td>\n<td>Exit plan</td>\n</tr>\n</tbody>\n</table>\n',
		);
	});

	it('places the risks on a matrix after the last risk table, each dot a link to its numbered row', async () => {
		const markdown = `## Risks\n\n${table('Database scaling | High | Medium | Shard')}\n### Later\n\n${table('Vendor lock-in | Low | ? | Exit plan', 'Key leak | Medium | Critical | Rotate')}\nAfter.`;
		const page = JSDOM.fragment(await render(markdown));
		const figure = page.querySelector('figure.plan-chart.risk-matrix')!;
		expect(figure.previousElementSibling).toBe(page.querySelectorAll('table')[1]);
		expect(figure.nextElementSibling!.outerHTML).toBe('<p>After.</p>');
		expect([...page.querySelectorAll('.risk-number')].map((number) => number.textContent)).toEqual([
			'1',
			'2',
			'3',
		]);
		const dots = [...figure.querySelectorAll('a.matrix-risk')].map((dot) => [
			dot.getAttribute('href'),
			dot.querySelector('text')!.textContent,
			dot.querySelector('title')!.textContent,
		]);
		expect(dots).toEqual([
			['#risk-database-scaling', '1', 'Database scaling — likelihood High, impact Medium'],
			['#risk-key-leak', '3', 'Key leak — likelihood Medium, impact Critical'],
		]);
		expect(figure.querySelector('svg#plans-risk-matrix desc')!.textContent).toBe(
			'2 of 3 risks placed by likelihood and impact; each dot links to its row.',
		);
		expect(figure.querySelector('figcaption')!.textContent).toBe(
			'Likelihood × impact of this plan’s risks; select a dot to go to its row. 1 risk has no readable likelihood or impact and is not placed.',
		);
	});

	it('puts the matrix beside a risk table that sits in a quote', async () => {
		const page = JSDOM.fragment(
			await render(
				`> ${table('Database scaling | High | Medium | Shard').replaceAll('\n', '\n> ')}\nAfter.`,
			),
		);
		expect([...page.querySelector('blockquote')!.children].map((child) => child.tagName)).toEqual([
			'TABLE',
			'FIGURE',
		]);
	});

	it('draws no matrix and numbers nothing when no risk has both levels, or the facts were not read', async () => {
		const markdown = `## Risks\n\n${table('Database scaling | High | ? | Shard')}`;
		const html = await render(markdown);
		expect(html).toContain('<table class="risk-table">');
		expect(html).not.toMatch(/risk-number|<figure/);
		expect(await render(markdown, { facts: false })).not.toMatch(/risk-table|level-badge/);
	});
});
