import type { Root } from 'hast';
import { JSDOM } from 'jsdom';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { rehypeAstroImages } from '#plans/markdown/astro-images.ts';
import { rehypeRawImages } from '#plans/markdown/raw-images.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
const folder = mkdtempSync(join(root, 'astro-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'plans/img'), { recursive: true });
writeFileSync(join(folder, 'plans/img/flow.png'), 'png');

/** What Astro's image collector keeps on the file of a plan at plans/checkout.md. */
interface Collected {
	localImagePaths?: string[];
	remoteImagePaths?: string[];
}

async function render(
	markdown: string,
	collected: Collected,
	before: PluggableList = [],
): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(before)
		.use(rehypeAstroImages)
		.use(rehypeStringify, { allowDangerousHtml: true });
	return String(
		await processor.process(
			new VFile({
				path: join(folder, 'plans/checkout.md'),
				value: markdown,
				data: { astro: collected },
			}),
		),
	);
}

/** The image properties each placeholder hands to Astro's `render()`, with the attributes kept beside them. */
function placeholders(html: string): Array<Record<string, unknown>> {
	return [...JSDOM.fragment(html).querySelectorAll('img')].map((img) => {
		const { __astro_image_: json, ...kept } = Object.fromEntries(
			[...img.attributes].map((attribute) => [attribute.name, attribute.value]),
		);
		return json === undefined
			? { kept }
			: { ...JSON.parse(json), ...(Object.keys(kept).length > 0 ? { kept } : {}) };
	});
}

describe('rehypeAstroImages', () => {
	it('turns each collected local image into Astro’s placeholder, numbering repeats of the same image', async () => {
		expect(await render('![Flow](./img/flow.png)', { localImagePaths: ['./img/flow.png'] })).toBe(
			'<p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./img/flow.png&#x22;,&#x22;alt&#x22;:&#x22;Flow&#x22;,&#x22;index&#x22;:0}"></p>',
		);
		const html = await render(
			'![A](./img/flow.png) ![B](./img/my%20chart.png "Chart") ![C](./img/flow.png) ![D](./img/other.png)',
			{
				localImagePaths: ['./img/flow.png', './img/my chart.png'],
			},
		);
		expect(placeholders(html)).toEqual([
			{ src: './img/flow.png', alt: 'A', index: 0 },
			{ src: './img/my chart.png', alt: 'B', title: 'Chart', index: 0 },
			{ src: './img/flow.png', alt: 'C', index: 1 },
			// Not collected: left as written.
			{ kept: { src: './img/other.png', alt: 'D' } },
		]);
	});

	it('has a remote image measured, unless a plugin gave it both a width and a height', async () => {
		const sized = () => (tree: Root) =>
			visit(tree, 'element', (node) => {
				if (node.properties.alt === 'S')
					Object.assign(node.properties, { width: 640, height: 480 });
			});
		const html = await render(
			'![R](https://example.com/a.png) ![S](https://example.com/b.png)',
			{ remoteImagePaths: ['https://example.com/a.png', 'https://example.com/b.png'] },
			[sized],
		);
		expect(placeholders(html)).toEqual([
			{ inferSize: true, src: 'https://example.com/a.png', alt: 'R', index: 0 },
			{ src: 'https://example.com/b.png', alt: 'S', width: 640, height: 480, index: 0 },
		]);
	});

	it('keeps the class of an image from the plan’s raw HTML as an attribute', async () => {
		const html = await render(
			'<p align="center"><img src="img/flow.png" class="wide" width="300" alt="Flow"></p>',
			{},
			[rehypeRawImages],
		);
		expect(placeholders(html)).toEqual([
			{ src: './img/flow.png', width: 300, alt: 'Flow', index: 0, kept: { class: 'wide' } },
		]);
	});

	it('leaves every image alone when Astro collected none', async () => {
		expect(await render('![Flow](./img/flow.png)', {})).toBe(
			'<p><img src="./img/flow.png" alt="Flow"></p>',
		);
	});
});
