import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeRawHtml } from '#plans/markdown/raw-html.ts';
import {
	putFiguresBack,
	setFigureAside,
	setFiguresAsideFor,
} from '#plans/markdown/set-aside-figures.ts';

/** The trees the plugin was given and gave back. */
interface Trees {
	before?: Root;
	after?: Root;
}

/** A plan at plans/payments/checkout.md, rendered with the plugin; `figure` is set aside and its place put at the end. */
async function render(
	markdown: string,
	{ figure, trees = {} }: { figure?: string; trees?: Trees } = {},
): Promise<{ html: string; file: VFile }> {
	const file = new VFile({ path: '/site/plans/payments/checkout.md', value: markdown });
	if (figure !== undefined) setFiguresAsideFor(file);
	const place = figure === undefined ? undefined : setFigureAside(file, figure);
	const processor = unified()
		.use(remarkParse)
		.use(
			() => (tree: MdastRoot) =>
				void (place && tree.children.push({ type: 'html', value: `<!--${place}-->` })),
		)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(() => (tree: Root) => void (trees.before = tree))
		.use(rehypeRawHtml)
		.use(() => (tree: Root) => void (trees.after = tree))
		.use(rehypeStringify, { allowDangerousHtml: true });
	return { html: String(await processor.process(file)), file };
}

describe('rehypeRawHtml', () => {
	it('parses raw HTML into the tree, pieces around Markdown included, and repairs it as a browser would', async () => {
		const { html } = await render(
			'<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nA <b>bold <i>x</b> y</i> z.',
		);
		expect(html).toBe(
			'<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n<p>A <b>bold <i>x</i></b><i> y</i> z.</p>',
		);
	});

	it('is no sanitiser: an author’s script is parsed like any element (the loader removes it first, unless `sanitize: false`)', async () => {
		const { html } = await render('<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">');
		expect(html).toBe('<script>alert("x")</script>\n<img src="x" onerror="alert(1)">');
	});

	it('leaves a plan with only figure places as the tree was, the places as comments', async () => {
		const trees: Trees = {};
		const { html, file } = await render('## Flow\n\nText.', {
			figure: '<figure>drawing</figure>',
			trees,
		});
		expect(trees.after).toBe(trees.before);
		expect(html).toMatch(/^<h2>Flow<\/h2>\n<p>Text\.<\/p>\n<!--plans-figure-[0-9a-f-]+:0-->$/);
		expect(putFiguresBack(file, html)).toBe(
			'<h2>Flow</h2>\n<p>Text.</p>\n<figure>drawing</figure>',
		);
	});

	it('treats an author’s look-alike comment as the author’s HTML, not as a figure place', async () => {
		const trees: Trees = {};
		const { html, file } = await render('<!--plans-figure-0:0-->', {
			figure: '<figure>drawing</figure>',
			trees,
		});
		expect(trees.after).not.toBe(trees.before);
		expect(putFiguresBack(file, html)).toBe('<!--plans-figure-0:0-->\n<figure>drawing</figure>');
	});
});
