import { JSDOM } from 'jsdom';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlanFacts } from '#plans/markdown/plan-facts.ts';
import { rehypeRowAnchors } from '#plans/markdown/row-anchors.ts';

/** A plan at plans/payments/checkout.md whose fact rows have their ids, rendered with the plugin. */
async function render(markdown: string): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkPlanFacts)
		.use(remarkRehype)
		.use(rehypeRowAnchors)
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

/** The link a row with this id and name gets. */
const link = (id: string, name: string) =>
	`<a class="row-anchor" href="#${id}" aria-label="Link to “${name}”"></a>`;

describe('rehypeRowAnchors', () => {
	it('puts a link to a table row at the end of its first cell, named by that cell', async () => {
		expect(
			await render(
				'## Risks\n\n| Risk | Likelihood | Impact |\n| --- | --- | --- |\n| **Database** scaling | High | Medium |',
			),
		).toBe(
			'<h2>Risks</h2>\n<table>\n<thead>\n<tr>\n<th>Risk</th>\n<th>Likelihood</th>\n<th>Impact</th>\n</tr>\n</thead>\n<tbody>\n' +
				`<tr id="risk-database-scaling" class="fact-row">\n<td><strong>Database</strong> scaling${link('risk-database-scaling', 'Database scaling')}</td>\n<td>High</td>\n<td>Medium</td>\n</tr>\n</tbody>\n</table>`,
		);
	});

	it('puts a list item’s link at the end of its own text: in its first paragraph, or before its sub-list', async () => {
		expect(
			await render(
				'## Open Questions\n\n- Who owns billing?\n\n## Glossary\n\n- **SLO**: a target\n\n  Set per service.\n\n## Notes\n\n- not a fact',
			),
		).toBe(
			'<h2>Open Questions</h2>\n<ul>\n' +
				`<li id="question-who-owns-billing" class="fact-row">Who owns billing?${link('question-who-owns-billing', 'Who owns billing?')}</li>\n</ul>\n` +
				`<h2>Glossary</h2>\n<ul>\n<li id="term-slo" class="fact-row">\n<p><strong>SLO</strong>: a target${link('term-slo', 'SLO: a target')}</p>\n<p>Set per service.</p>\n</li>\n</ul>\n` +
				'<h2>Notes</h2>\n<ul>\n<li>not a fact</li>\n</ul>',
		);
		const item = JSDOM.fragment(
			await render('## Open Questions\n\n- Which region first?\n  - EU\n  - US'),
		).querySelector('li.fact-row')!;
		expect([...item.children].map((child) => child.className || child.tagName)).toEqual([
			'row-anchor',
			'UL',
		]);
	});

	it('names a list item’s link by its own text, not its sub-list’s', async () => {
		const item = JSDOM.fragment(
			await render('## Open Questions\n\n- Which region first?\n  - EU\n  - US'),
		).querySelector('li.fact-row')!;
		expect(item.querySelector('.row-anchor')!.getAttribute('aria-label')).toBe(
			'Link to “Which region first?”',
		);
	});

	it('names a row by at most 80 characters of its text, markup escaped', async () => {
		const risk = `<b> & "quotes" ${'x'.repeat(100)}`;
		const html = await render(
			`## Risks\n\n| Risk | Likelihood | Impact |\n| --- | --- | --- |\n| \`${risk}\` | High | Medium |`,
		);
		// In an attribute value only `&` and `"` need escaping; the name makes no element.
		const name = /aria-label="Link to “([^”]*)”"/.exec(html)![1]!;
		expect(name).toBe(`<b> &#x26; &#x22;quotes&#x22; ${'x'.repeat(65)}`);
		const cell = JSDOM.fragment(html).querySelector('td')!;
		expect(cell.querySelector('b')).toBeNull();
		expect(cell.querySelector('.row-anchor')!.getAttribute('aria-label')).toBe(
			`Link to “<b> & "quotes" ${'x'.repeat(65)}”`,
		);
	});
});
