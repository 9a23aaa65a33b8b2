import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Plugin, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeTableScroll } from '#plans/markdown/table-scroll.ts';

/** The plugin once more: unified would merge a second `use` of the same plugin into the first. */
const rehypeTableScrollAgain: Plugin<[], Root> = function () {
	return rehypeTableScroll.call(this);
};

/** A plan at plans/payments/checkout.md, rendered with the plugin (twice if `again`). */
async function render(markdown: string, { again = false } = {}): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeTableScroll);
	if (again) processor.use(rehypeTableScrollAgain);
	return String(
		await processor
			.use(rehypeStringify, { allowDangerousHtml: true })
			.process(new VFile({ path: '/site/plans/payments/checkout.md', value: markdown })),
	);
}

const BOX = '<div class="table-scroll">';

describe('rehypeTableScroll', () => {
	it('puts each table in a box of its own, at any depth', async () => {
		expect(await render('| a |\n| - |\n| 1 |\n\n> - | b |\n>   | - |')).toBe(
			`${BOX}<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table></div>\n` +
				`<blockquote>\n<ul>\n<li>\n${BOX}<table>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n</table></div>\n</li>\n</ul>\n</blockquote>`,
		);
	});

	it('boxes a table once, however often it runs; a table still in raw HTML is not in the tree to box', async () => {
		expect(await render('| a |\n| - |', { again: true })).toBe(
			`${BOX}<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table></div>`,
		);
		expect(await render('<table><tr><td>raw</td></tr></table>')).toBe(
			'<table><tr><td>raw</td></tr></table>',
		);
	});
});
