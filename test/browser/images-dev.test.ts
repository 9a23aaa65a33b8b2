import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startDevServer } from '../helpers/dev-server.ts';
import { loadedPlanImages } from '../helpers/plan-images.ts';

// `astro dev` serves images through its image endpoint instead of built files.
let browser: Browser;
let server: Awaited<ReturnType<typeof startDevServer>>;

beforeAll(async () => {
	server = await startDevServer(fixture('images'), { base: '/docs' });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('relative images in astro dev', () => {
	it('load on a plan page under base /docs', async () => {
		const url = `${server.origin}/docs/plans/payments/checkout-service/`;
		// The first visit reloads once, when Vite has optimised the page's dependencies, and
		// that aborts its requests: look at the second.
		await loadedPlanImages(browser, url);
		const { sizes, problems } = await loadedPlanImages(browser, url);
		expect(sizes).toEqual([
			{ alt: 'Deployment topology', naturalWidth: 640 },
			{ alt: 'Request flow', naturalWidth: 400 },
			{ alt: 'Schéma des données', naturalWidth: 480 },
			{ alt: 'Deployment topology, again', naturalWidth: 640 },
		]);
		expect(problems).toEqual([]);
	});
});
