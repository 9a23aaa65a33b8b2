import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { loadedPlanImages } from '../helpers/plan-images.ts';
import { previewSite } from '../helpers/preview.ts';

const root = fixture('images');
let browser: Browser;
const servers: Array<() => Promise<void>> = [];
const origins: Record<'built' | 'builtUnderBase', string> = { built: '', builtUnderBase: '' };

beforeAll(async () => {
	const built = await buildSite(root, 'images-browser');
	const underBase = await buildSite(root, 'images-browser-base', {
		base: '/docs',
		trailingSlash: 'never',
	});
	const preview = await previewSite(root, built.outDir);
	const previewUnderBase = await previewSite(root, underBase.outDir, {
		base: '/docs',
		trailingSlash: 'never',
	});
	servers.push(preview.stop, previewUnderBase.stop);
	origins.built = preview.origin;
	origins.builtUnderBase = previewUnderBase.origin;
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	for (const stop of servers) await stop();
});

describe('relative images in Chromium', () => {
	it.each([
		['a built site', 'built', '/plans/payments/checkout-service/'],
		['a built site under base /docs', 'builtUnderBase', '/docs/plans/payments/checkout-service'],
	] as const)('load on a plan page of %s', async (_name, server, path) => {
		const { sizes, problems } = await loadedPlanImages(browser, origins[server] + path);
		expect(sizes.map(({ alt }) => alt)).toEqual([
			'Deployment topology',
			'Request flow',
			'Schéma des données',
			'Deployment topology, again',
		]);
		for (const { alt, naturalWidth } of sizes) expect(naturalWidth, alt).toBeGreaterThan(0);
		expect(problems).toEqual([]);
	});

	it('load from a plan in a folder with a non-ASCII name, under base /docs', async () => {
		const { sizes, problems } = await loadedPlanImages(
			browser,
			`${origins.builtUnderBase}/docs/plans/équipe/vue`,
		);
		expect(sizes).toEqual([
			{ alt: 'Vue d’ensemble', naturalWidth: 320 },
			{ alt: 'Vue réduite', naturalWidth: 160 },
		]);
		expect(problems).toEqual([]);
	});
});
