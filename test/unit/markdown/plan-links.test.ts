import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlanLinks } from '#plans/markdown/plan-links.ts';

/** A plan at plans/payments/checkout.md, rendered with the plugin. */
async function render(
	markdown: string,
	options: { markSourcePlaces?: boolean; base?: string } = {},
): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkPlanLinks, {
			plansDir: '/site/plans',
			base: options.base ?? '/',
			trailingSlash: 'ignore',
			markSourcePlaces: options.markSourcePlaces,
		})
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

describe('remarkPlanLinks', () => {
	it('turns links to plan files into site URLs, with base, and leaves other links as written', async () => {
		expect(
			await render(
				'[id](../identity.mdx#token-lifecycle) [ref](./refunds.md) [web](https://example.com/a.md) [top](#costs)',
				{ base: '/docs' },
			),
		).toBe(
			'<p><a href="/docs/plans/identity/#token-lifecycle">id</a> <a href="/docs/plans/payments/refunds/">ref</a> <a href="https://example.com/a.md">web</a> <a href="#costs">top</a></p>',
		);
	});

	it('does not touch a file outside the plans folder', async () => {
		const processor = unified()
			.use(remarkParse)
			.use(remarkPlanLinks, { plansDir: '/site/plans', base: '/', trailingSlash: 'ignore' })
			.use(remarkRehype)
			.use(rehypeStringify);
		expect(
			String(
				await processor.process(new VFile({ path: '/site/src/pages/a.md', value: '[x](b.md)' })),
			),
		).toBe('<p><a href="b.md">x</a></p>');
	});

	it("in astro dev, gives each link between or within plans its place in the file; a reference link gets its definition's", async () => {
		const html = await render(
			'Intro [id](../identity.md#x)\n\nSee [the refunds plan][refunds] and [top](#costs), [web](https://example.com).\n\n[refunds]: ./refunds.md',
			{ markSourcePlaces: true },
		);
		expect(html).toBe(
			'<p>Intro <a href="/plans/identity/#x" data-source-place="1:7">id</a></p>\n<p>See <a href="/plans/payments/refunds/" data-source-place="5:1">the refunds plan</a> and <a href="#costs" data-source-place="3:37">top</a>, <a href="https://example.com">web</a>.</p>',
		);
	});
});
