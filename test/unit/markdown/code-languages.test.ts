import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkCodeLanguages } from '#plans/markdown/code-languages.ts';

/** A plan at plans/payments/checkout.md, rendered with the plugin. */
async function render(markdown: string): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkCodeLanguages)
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

describe('remarkCodeLanguages', () => {
	it('shows a fence in a language Shiki does not know as plain text, keeping the label as written', async () => {
		expect(
			await render('```Rego\nallow := true\n```\n\n```promql {title="x"}\nrate(x[5m])\n```'),
		).toBe(
			'<pre><code class="language-plaintext" data-written-language="Rego">allow := true\n</code></pre>\n' +
				'<pre><code class="language-plaintext" data-written-language="promql">rate(x[5m])\n</code></pre>',
		);
	});

	it('leaves known languages (in any case), plain-text labels and unlabelled fences as written', async () => {
		expect(
			await render(
				'```TS\nconst a = 1;\n```\n\n```txt\nplain\n```\n\n```ansi\nout\n```\n\n```\nnone\n```',
			),
		).toBe(
			'<pre><code class="language-TS">const a = 1;\n</code></pre>\n<pre><code class="language-txt">plain\n</code></pre>\n<pre><code class="language-ansi">out\n</code></pre>\n<pre><code>none\n</code></pre>',
		);
	});

	it('keeps properties an earlier plugin gave the fence', async () => {
		const processor = unified()
			.use(remarkParse)
			.use(() => (tree: Root) => {
				tree.children[0]!.data = { hProperties: { title: 'policy.rego' } };
			})
			.use(remarkCodeLanguages)
			.use(remarkRehype)
			.use(rehypeStringify);
		expect(String(await processor.process('```rego\nallow := true\n```'))).toBe(
			'<pre><code class="language-plaintext" title="policy.rego" data-written-language="rego">allow := true\n</code></pre>',
		);
	});
});
