import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { rehypeRawHtml } from '#plans/markdown/raw-html.ts';
import { rehypeRawImages } from '#plans/markdown/raw-images.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
const folder = mkdtempSync(join(root, 'raw-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// A plan at plans/payments/checkout.md, with two images beside it.
mkdirSync(join(folder, 'plans/payments/img'), { recursive: true });
writeFileSync(join(folder, 'plans/payments/img/flow.png'), 'png');
writeFileSync(join(folder, 'plans/payments/img/my chart.png'), 'png');

/** The plan rendered with the plugin (and `after` it), and the local images Astro is to publish. */
async function render(
	markdown: string,
	after: PluggableList = [],
): Promise<{ html: string; images: string[] | undefined }> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeRawImages)
		.use(after)
		.use(rehypeStringify, { allowDangerousHtml: true });
	const file = new VFile({
		path: join(folder, 'plans/payments/checkout.md'),
		value: markdown,
		data: { astro: {} },
	});
	const html = String(await processor.process(file));
	return {
		html,
		images: (file.data as { astro: { localImagePaths?: string[] } }).astro.localImagePaths,
	};
}

describe('rehypeRawImages', () => {
	it('takes a relative image out of the raw HTML around it, with a ./ path, for Astro to publish', async () => {
		expect(
			await render(
				'<p align="center"><img src="img/flow.png" alt="Flow" width="300"></p>\n\nText <img src="img/my%20chart.png"> and <img src="https://example.com/a.png">.',
			),
		).toEqual({
			html: '<p align="center"><img src="./img/flow.png" alt="Flow" width="300"></p>\n<p>Text <img src="./img/my%20chart.png"> and <img src="https://example.com/a.png">.</p>',
			images: ['./img/flow.png', './img/my chart.png'],
		});
	});

	it('turns a missing one into the same note as a missing Markdown image', async () => {
		expect(
			await render('<p><img src=\'img/gone.png\' alt="Old flow"><img src="./gone.svg"></p>'),
		).toEqual({
			html: '<p><em class="missing-image" title="Image not found: img/gone.png">[image not found: Old flow]</em><em class="missing-image" title="Image not found: ./gone.svg">[image not found: ./gone.svg]</em></p>',
			images: undefined,
		});
	});

	it('leaves pieces that parse into the page as the author wrote them', async () => {
		const { html } = await render(
			'<div align="center">\n  <img src="img/flow.png" alt="a > b" />\n  <br><em>Figure 1</em>\n</div>',
			[rehypeRawHtml],
		);
		expect(html).toBe(
			'<div align="center">\n  <img src="./img/flow.png" alt="a > b">\n  <br><em>Figure 1</em>\n</div>',
		);
	});

	// A commented-out image stays in its comment: taken out, it would break the page or be reported missing.
	it('leaves a commented-out image of a missing file commented out', async () => {
		const { html } = await render('<!-- <img src="img/gone.png" alt="Old"> -->\n\nText.', [
			rehypeRawHtml,
		]);
		expect(html).toBe('<!-- <img src="img/gone.png" alt="Old"> -->\n<p>Text.</p>');
	});

	it('leaves a commented-out image of a file that is there commented out', async () => {
		const { html } = await render('<!-- <img src="img/flow.png" alt="Old"> -->\n\nText.', [
			rehypeRawHtml,
		]);
		expect(html).toBe('<!-- <img src="img/flow.png" alt="Old"> -->\n<p>Text.</p>');
	});
});
