import { existsSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

// Plans in three folders, with images beside them, in a sibling folder and in a subfolder,
// written as `./x`, `../x`, bare `img/x`, with spaces and non-ASCII letters in their names.
let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('images'), 'images');
});

/** The `<img>` elements of a plan's body. */
function images(page: string): HTMLImageElement[] {
	return [...site.page(page).querySelectorAll<HTMLImageElement>('.plan-content img')];
}

/** The built file an image URL of the site points at. */
function builtFile(src: string): string {
	return `${site.outDir}/${decodeURI(src).replace(/^\//, '')}`;
}

describe('relative images of plans', () => {
	it('are published in place of Astro image placeholders, with width and height', () => {
		const pages = [
			'plans/payments/checkout-service/index.html',
			'plans/équipe/vue/index.html',
			'plans/overview/index.html',
		];
		const local = pages
			.flatMap((page) => images(page))
			.filter((img) => !img.src.startsWith('https:'));
		expect(local).toHaveLength(7);
		for (const img of local) {
			expect(img.outerHTML).not.toContain('__ASTRO_IMAGE_');
			expect(img.getAttribute('src'), img.alt).toMatch(/^\/_astro\/[^/]+\.[\w-]+\.(webp|svg)$/);
			expect(Number(img.getAttribute('width')), img.alt).toBeGreaterThan(0);
			expect(Number(img.getAttribute('height')), img.alt).toBeGreaterThan(0);
			const file = builtFile(img.getAttribute('src')!);
			expect(existsSync(file), file).toBe(true);
			expect(statSync(file).size).toBeGreaterThan(100);
		}
	});

	it('keep their alt text, title and intrinsic size', () => {
		const [topology, flow, schema, again] = images('plans/payments/checkout-service/index.html');
		expect([topology!.alt, topology!.width, topology!.height]).toEqual([
			'Deployment topology',
			640,
			360,
		]);
		expect([flow!.alt, flow!.title, flow!.width, flow!.height]).toEqual([
			'Request flow',
			'Checkout to ledger',
			400,
			120,
		]);
		expect([schema!.alt, schema!.width, schema!.height]).toEqual(['Schéma des données', 480, 270]);
		expect(again!.getAttribute('src')).toBe(topology!.getAttribute('src'));
		const [overview] = images('plans/équipe/vue/index.html');
		expect([overview!.alt, overview!.width, overview!.height]).toEqual([
			'Vue d’ensemble',
			320,
			200,
		]);
	});

	it('in raw HTML are published too, at the width the author gave', () => {
		const page = site.page('plans/équipe/vue/index.html');
		const small = page.querySelector<HTMLImageElement>('p[align="center"] img')!;
		expect([small.alt, small.width, small.height]).toEqual(['Vue réduite', 160, 100]);
		expect(existsSync(builtFile(small.getAttribute('src')!))).toBe(true);
		expect(page.querySelector('p[align="center"] i')!.textContent).toBe(
			'Figure 1 : la vue à 160 px',
		);
		expect(page.querySelector('.missing-image')!.textContent).toBe(
			'[image not found: Ancien schéma]',
		);
	});

	it('are optimised when raster and copied as they are when SVG', () => {
		const [topology, flow] = images('plans/payments/checkout-service/index.html');
		expect(topology!.getAttribute('src')).toMatch(/\.webp$/);
		expect(site.file(decodeURI(flow!.getAttribute('src')!).slice(1))).toContain(
			'<text x="70" y="66"',
		);
	});

	it('leave remote images as written', () => {
		const remote = images('plans/payments/checkout-service/index.html').find(
			(img) => img.alt === 'Build status',
		)!;
		expect(remote.outerHTML).toBe(
			'<img src="https://ci.example.com/checkout/badge.png" alt="Build status">',
		);
	});

	it('show a missing image as a note with its alt text', () => {
		const note = site
			.page('plans/payments/checkout-service/index.html')
			.querySelector('.missing-image')!;
		expect(note.textContent).toBe('[image not found: Sequence, not exported yet]');
	});
});
