import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkHeadingIds } from '#plans/markdown/heading-ids.ts';
import { collectHeadings } from '#plans/parse/headings.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

/** A plan at plans/payments/checkout.md, rendered with the plugin. */
async function render(markdown: string): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkHeadingIds)
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

describe('remarkHeadingIds', () => {
	it('gives every heading the id GitHub gives it: repeats numbered, punctuation dropped, letters of every script kept', async () => {
		expect(
			await render(
				'# Checkout\n\n## Costs & Risks\n\n## Costs & Risks\n\n### Déjà vu: 3.1 *Ünïcode*\n\n#### Costs & Risks',
			),
		).toBe(
			'<h1 id="checkout">Checkout</h1>\n<h2 id="costs--risks">Costs &#x26; Risks</h2>\n<h2 id="costs--risks-1">Costs &#x26; Risks</h2>\n' +
				'<h3 id="déjà-vu-31-ünïcode">Déjà vu: 3.1 <em>Ünïcode</em></h3>\n<h4 id="costs--risks-2">Costs &#x26; Risks</h4>',
		);
	});

	it('counts inline code and link text, not raw HTML tags or image alt text', async () => {
		expect(await render('## `api` <span>v2</span> [docs](a.md) ![logo](logo.png)')).toBe(
			'<h2 id="api-v2-docs"><code>api</code> v2 <a href="a.md">docs</a> <img src="logo.png" alt="logo"></h2>',
		);
	});

	it('gives headings in quotes and list items the same ids the loader lists for the table of contents', async () => {
		const markdown = '## Setup\n\n> ## Setup\n\n- ### Notes\n\n## Notes';
		const ids = [...(await render(markdown)).matchAll(/ id="([^"]*)"/g)].map((match) => match[1]);
		expect(ids).toEqual(['setup', 'setup-1', 'notes', 'notes-1']);
		expect(collectHeadings(parseMarkdown(markdown)).map((heading) => heading.id)).toEqual(ids);
	});

	it('keeps the properties an earlier plugin gave the heading', async () => {
		const processor = unified()
			.use(remarkParse)
			.use(() => (tree: Root) => {
				tree.children[0]!.data = { hProperties: { className: ['lead'] } };
			})
			.use(remarkHeadingIds)
			.use(remarkRehype)
			.use(rehypeStringify);
		expect(String(await processor.process('## Q&A'))).toBe(
			'<h2 class="lead" id="qa">Q&#x26;A</h2>',
		);
	});
});
