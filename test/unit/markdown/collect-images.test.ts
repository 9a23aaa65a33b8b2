import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkCollectImagesWhereAny } from '#plans/markdown/collect-images.ts';

/** What the collector leaves on the file of a plan, as Astro's Markdown pipeline reads it. */
async function collected(markdown: string): Promise<unknown> {
	const processor = unified()
		.use(remarkParse)
		.use(await remarkCollectImagesWhereAny(), {});
	const file = new VFile({ path: '/site/plans/checkout.md', value: markdown });
	await processor.run(processor.parse(file), file);
	return file.data.astro;
}

describe('remarkCollectImagesWhereAny', () => {
	it('lists the images of a plan, however deep they are and however they are written', async () => {
		expect(
			await collected(
				'# Plan\n\n- Steps\n  1. > See ![Flow][flow] and ![Map](https://example.com/map.png)\n\n[flow]: ./img/flow.png\n',
			),
		).toEqual({ localImagePaths: ['./img/flow.png'], remoteImagePaths: [] });
	});

	it('gives a plan without images Astro’s empty lists', async () => {
		expect(await collected('# Plan\n\nNo [pictures](./other.md) here.\n')).toEqual({
			localImagePaths: [],
			remoteImagePaths: [],
		});
	});
});
