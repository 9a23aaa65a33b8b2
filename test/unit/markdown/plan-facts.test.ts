import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlanFacts } from '#plans/markdown/plan-facts.ts';
import { extractPlanFacts } from '#plans/parse/facts.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

/** A plan at plans/payments/checkout.md, rendered with the plugin; the file keeps what it read. */
async function render(markdown: string): Promise<{ html: string; file: VFile }> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkPlanFacts)
		.use(remarkRehype)
		.use(rehypeStringify);
	const file = new VFile({ path: '/site/plans/payments/checkout.md', value: markdown });
	return { html: String(await processor.process(file)), file };
}

const RISKS =
	'## Risks\n\n| Risk | Likelihood | Impact |\n| --- | --- | --- |\n| Database scaling | High | Medium |\n| Vendor lock-in | Low | ? |\n';

describe('remarkPlanFacts', () => {
	it('gives every extracted row its id and the fact-row class; other rows are left alone', async () => {
		const { html } = await render(
			`${RISKS}\n## Open Questions\n\n1. Which region first?\n\n## Glossary\n\n- **SLO**: a target\n\n## Notes\n\n- not a fact\n`,
		);
		expect(html).toBe(
			'<h2>Risks</h2>\n<table>\n<thead>\n<tr>\n<th>Risk</th>\n<th>Likelihood</th>\n<th>Impact</th>\n</tr>\n</thead>\n<tbody>\n' +
				'<tr id="risk-database-scaling" class="fact-row">\n<td>Database scaling</td>\n<td>High</td>\n<td>Medium</td>\n</tr>\n' +
				'<tr id="risk-vendor-lock-in" class="fact-row">\n<td>Vendor lock-in</td>\n<td>Low</td>\n<td>?</td>\n</tr>\n</tbody>\n</table>\n' +
				'<h2>Open Questions</h2>\n<ol>\n<li id="question-which-region-first" class="fact-row">Which region first?</li>\n</ol>\n' +
				'<h2>Glossary</h2>\n<ul>\n<li id="term-slo" class="fact-row"><strong>SLO</strong>: a target</li>\n</ul>\n' +
				'<h2>Notes</h2>\n<ul>\n<li>not a fact</li>\n</ul>',
		);
	});

	it('keeps the facts on the file, with the ids the loader gives the same source', async () => {
		const { file } = await render(RISKS);
		const { facts } = file.data.planFacts!;
		expect(
			facts.risks.map(({ risk, likelihood, impact, anchor }) => ({
				risk,
				likelihood,
				impact,
				anchor,
			})),
		).toEqual([
			{
				risk: 'Database scaling',
				likelihood: 'High',
				impact: 'Medium',
				anchor: 'risk-database-scaling',
			},
			{
				risk: 'Vendor lock-in',
				likelihood: 'Low',
				impact: undefined,
				anchor: 'risk-vendor-lock-in',
			},
		]);
		expect(extractPlanFacts(parseMarkdown(RISKS)).facts.risks.map((risk) => risk.anchor)).toEqual(
			facts.risks.map((risk) => risk.anchor),
		);
		expect(file.data.planFacts!.nodes.riskTables).toHaveLength(1);
	});

	it('never gives a row the id of a heading of the page', async () => {
		const { html } = await render(
			`## Risk: Database scaling\n\n${RISKS.replace('## Risks\n\n', '')}`,
		);
		expect(html).toContain('<tr id="risk-database-scaling-1" class="fact-row">');
	});
});
