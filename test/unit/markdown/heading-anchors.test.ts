import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkHeadingIds } from '#plans/markdown/heading-ids.ts';
import { rehypeHeadingAnchors } from '#plans/markdown/heading-anchors.ts';

/** A plan at plans/payments/checkout.md whose headings have their ids, rendered with the plugin. */
async function render(markdown: string, { ids = true } = {}): Promise<string> {
	const processor = unified().use(remarkParse).use(remarkGfm);
	if (ids) processor.use(remarkHeadingIds);
	processor.use(remarkRehype).use(rehypeHeadingAnchors).use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

describe('rehypeHeadingAnchors', () => {
	it('wraps h2–h6 with a link to the heading, named by its text in aria-label', async () => {
		expect(await render('# Checkout\n\n## Costs & *Risks*\n\n###### Deep')).toBe(
			'<h1 id="checkout">Checkout</h1>\n' +
				'<div class="heading-wrapper level-h2"><h2 id="costs--risks">Costs &#x26; <em>Risks</em></h2><a class="anchor-link" href="#costs--risks" aria-label="Section titled “Costs &#x26; Risks”"></a></div>\n' +
				'<div class="heading-wrapper level-h6"><h6 id="deep">Deep</h6><a class="anchor-link" href="#deep" aria-label="Section titled “Deep”"></a></div>',
		);
	});

	it('escapes markup in a heading’s text, and links headings in quotes and lists too', async () => {
		expect(await render('> ## a < b "c"')).toBe(
			'<blockquote>\n<div class="heading-wrapper level-h2"><h2 id="a--b-c">a &#x3C; b "c"</h2><a class="anchor-link" href="#a--b-c" aria-label="Section titled “a < b &#x22;c&#x22;”"></a></div>\n</blockquote>',
		);
	});

	it('leaves headings without an id, and the hidden footnotes heading, as they are', async () => {
		expect(await render('## Plain', { ids: false })).toBe('<h2>Plain</h2>');
		const html = await render('Text[^1]\n\n[^1]: Note.');
		expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
		expect(html).not.toContain('anchor-link');
	});
});
