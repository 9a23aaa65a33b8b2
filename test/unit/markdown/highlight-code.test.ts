import { JSDOM } from 'jsdom';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkCodeLanguages } from '#plans/markdown/code-languages.ts';
import { type HighlightCodeOptions, rehypeHighlightCode } from '#plans/markdown/highlight-code.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
const folder = mkdtempSync(join(root, 'highlight-code-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The plan renderer's Shiki settings on a site with Astro's defaults. */
const shikiConfig = {
	themes: { light: 'github-light-default', dark: 'github-dark-default' },
	defaultColor: false,
	langs: [],
	langAlias: {},
	wrap: false,
	transformers: [],
} as unknown as HighlightCodeOptions['shikiConfig'];

/** A plan rendered with the plugin (after `remark` plugins), its blocks kept in `cacheDir`. */
async function render(
	markdown: string,
	{
		cacheDir,
		excludeLangs = [],
		remark = [],
	}: { cacheDir?: string; excludeLangs?: string[]; remark?: PluggableList } = {},
): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remark)
		.use(remarkRehype)
		.use(rehypeHighlightCode, { shikiConfig, excludeLangs, cacheDir })
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

describe('rehypeHighlightCode', () => {
	it('highlights a block with Shiki in Astro’s markup, coloured for both themes', async () => {
		const pre = JSDOM.fragment(await render('```ts\nconst a = 1;\n```')).querySelector('pre')!;
		expect(pre.className).toBe(
			'astro-code astro-code-themes github-light-default github-dark-default',
		);
		expect([pre.getAttribute('data-language'), pre.getAttribute('tabindex')]).toEqual(['ts', '0']);
		// Tokens name their colours by class; the block's own colour they inherit.
		expect(pre.querySelector('code')!.innerHTML).toBe(
			'<span class="line"><span class="t0">const</span><span class="t1"> a</span><span class="t0"> =</span><span class="t1"> 1</span>;</span>',
		);
	});

	it('defines each set of token colours once, in a sheet first in the body, numbered in order of use', async () => {
		const html = await render('```ts\nconst a = 1;\n```\n\n```sql\nSELECT a FROM b; -- c\n```');
		expect(html.slice(0, html.indexOf('<pre'))).toBe(
			'<style>.astro-code .t0{--shiki-light:#CF222E;--shiki-dark:#FF7B72}.astro-code .t1{--shiki-light:#0550AE;--shiki-dark:#79C0FF}.astro-code .t2{--shiki-light:#6E7781;--shiki-dark:#8B949E}</style>',
		);
		expect(JSDOM.fragment(html).querySelectorAll('pre')[1]!.querySelector('code')!.innerHTML).toBe(
			'<span class="line"><span class="t0">SELECT</span> a <span class="t0">FROM</span> b; <span class="t2">-- c</span></span>',
		);
		expect(await render('```text\nplain\n```')).not.toContain('<style>');
	});

	it('leaves `math` and the site’s excluded languages as plain <pre><code>', async () => {
		expect(
			await render('```math\nx^2\n```\n\n```sql\nSELECT 1;\n```', { excludeLangs: ['sql'] }),
		).toBe(
			'<pre><code class="language-math">x^2\n</code></pre>\n<pre><code class="language-sql">SELECT 1;\n</code></pre>',
		);
	});

	// remarkCodeLanguages runs first in the pipeline: it must not rename `math` to `plaintext`, or the block is highlighted.
	it('leaves a `math` block alone after remarkCodeLanguages too', async () => {
		expect(await render('```math\nx^2\n```', { remark: [remarkCodeLanguages] })).toMatch(
			/^<pre><code class="language-math"/,
		);
	});

	it('keeps each highlighted block on disk, and the next render reads it from there', async () => {
		const cacheDir = join(folder, 'cache');
		const markdown = '```ts\nconst a = 1;\n```\n\n```\nplain text\n```';
		const first = await render(markdown, { cacheDir });
		const files = readdirSync(cacheDir);
		expect(files).toHaveLength(2);
		for (const file of files)
			writeFileSync(
				join(cacheDir, file),
				readFileSync(join(cacheDir, file), 'utf8').replace('plain text', 'from the cache'),
			);
		expect(await render(markdown, { cacheDir })).toBe(
			first.replace('plain text', 'from the cache'),
		);
		// The same code in another language is another block.
		await render('```js\nconst a = 1;\n```', { cacheDir });
		expect(readdirSync(cacheDir)).toHaveLength(3);
	});
});
