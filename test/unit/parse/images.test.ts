import { describe, expect, it } from 'vitest';
import { localImagePath, rawLocalImages } from '#plans/parse/images.ts';
import { parsePlan } from '#plans/parse/plan.ts';

describe('localImagePath', () => {
	it('reads relative paths, decoded, without query or fragment', () => {
		expect(localImagePath('./img/topology.png')).toBe('./img/topology.png');
		expect(localImagePath('img/sch%C3%A9ma%20donn%C3%A9es.jpg?v=2#top')).toBe(
			'img/schéma données.jpg',
		);
		expect(localImagePath('../assets/flow.svg')).toBe('../assets/flow.svg');
	});

	it('leaves out remote, root-relative, protocol-relative and data URLs', () => {
		for (const url of [
			'https://example.com/a.png',
			'//cdn.example.com/a.png',
			'/static/a.png',
			'data:image/png;base64,AAAA',
			'#figure',
			'',
		]) {
			expect(localImagePath(url), url).toBeUndefined();
		}
	});
});

describe('rawLocalImages', () => {
	it('finds the relative <img> tags of raw HTML with their offsets', () => {
		const html =
			'<p align="center">\n  <img src="images/a.png" width="600" alt="A > B">\n  <img src="https://example.com/b.png">\n  <IMG SRC=\'c.jpg\'/>\n</p>';
		const images = rawLocalImages(html);
		expect(images.map(({ path, offset }) => ({ path, offset }))).toEqual([
			{ path: 'images/a.png', offset: html.indexOf('<img src="images/a.png"') },
			{ path: 'c.jpg', offset: html.indexOf('<IMG') },
		]);
		expect(images[0]!.tag).toBe('<img src="images/a.png" width="600" alt="A > B">');
		expect(images[0]!.element.properties).toMatchObject({
			src: 'images/a.png',
			width: 600,
			alt: 'A > B',
		});
	});

	it('skips images inside HTML comments, as the page does', () => {
		expect(
			rawLocalImages(
				'<!-- <img src="old.png"> --><img src="new.png"><!-- <img src="unclosed.png">',
			).map(({ path }) => path),
		).toEqual(['new.png']);
		const plan = parsePlan({
			raw: '# Plan\n\n<!-- <img src="img/gone.png"> -->\n',
			file: 'plans/p.md',
			path: 'p.md',
			fileExists: () => false,
		});
		expect(plan.problems).toEqual([]);
	});

	it('finds nothing in HTML without images', () => {
		expect(rawLocalImages('<details><summary>More</summary>text</details>')).toEqual([]);
	});
});

describe('missing images of a plan', () => {
	const raw = [
		'# Plan',
		'',
		'![Topology](./img/topology.png)',
		'',
		'<p align="center">',
		'  <img src="img/raw.png" alt="Raw">',
		'</p>',
		'',
		'Inline: <img src="img/inline.png"> and ![Here](img/here.png).',
	].join('\n');

	it('are reported with file, line and column, in Markdown and in raw HTML', () => {
		const { problems } = parsePlan({
			raw,
			file: 'plans/p.md',
			path: 'p.md',
			fileExists: (path) => path === 'img/here.png',
		});
		expect(problems.map(({ message, line, column }) => `${line}:${column} ${message}`)).toEqual([
			'3:1 Image "./img/topology.png" not found; the page shows its alt text instead.',
			'6:3 Image "img/raw.png" not found; the page shows its alt text instead.',
			'9:9 Image "img/inline.png" not found; the page shows its alt text instead.',
		]);
	});

	it('are not reported when their files are there', () => {
		const { problems } = parsePlan({
			raw,
			file: 'plans/p.md',
			path: 'p.md',
			fileExists: () => true,
		});
		expect(problems).toEqual([]);
	});
});

describe('the image paths of a parsed plan', () => {
	/** The relative images of each fixture plan: as the loader lists them, and as the renderer does. */
	async function bothLists(file: string) {
		const { readFileSync, existsSync } = await import('node:fs');
		const { dirname, join } = await import('node:path');
		const { fileURLToPath } = await import('node:url');
		const { createPlanRenderer } = await import('#plans/markdown/pipeline.ts');
		const { defaultRenderSettings } = await import('../../helpers/render-settings.ts');
		const plansDir = fileURLToPath(new URL('../../fixtures/images/plans/', import.meta.url));
		const absolute = join(plansDir, file);
		const fileExists = (path: string) => existsSync(join(dirname(absolute), path));
		const { tree, imagePaths: listed } = parsePlan({
			raw: readFileSync(absolute, 'utf8'),
			file: `plans/${file}`,
			path: file,
			fileExists,
		});
		const renderer = await createPlanRenderer(
			defaultRenderSettings(plansDir, join(plansDir, '.mermaid')),
		);
		const { imagePaths } = await renderer.render(tree, absolute);
		return { listed, rendered: imagePaths };
	}

	it.each(['payments/checkout-service.md', 'Équipe/vue.md'])(
		'lists the images the renderer puts in %s',
		async (file) => {
			const { listed, rendered } = await bothLists(file);
			expect(listed.length).toBeGreaterThan(0);
			expect(new Set(listed)).toEqual(new Set(rendered));
		},
	);

	it('lists existing images with ./, references as Astro collects them, and raw HTML images', () => {
		const raw =
			'![a](img/a.png)\n\n![b](./img/b%20c.png)\n\n![gone](img/gone.png)\n\n![r][ref]\n\n[ref]: img/ref.png\n\n<img src="img/raw.png" width="10">\n\n![remote](https://example.com/x.png)\n';
		const { imagePaths } = parsePlan({
			raw,
			file: 'plans/p.md',
			path: 'p.md',
			fileExists: (path) => path !== 'img/gone.png',
		});
		expect(imagePaths).toEqual(['./img/a.png', './img/b c.png', 'img/ref.png', './img/raw.png']);
	});
});
