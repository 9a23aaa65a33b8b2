import plans from 'astro-technical-plans';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { previewSite } from '../helpers/preview.ts';

// The hostile plan published as written (`sanitize: false`): only the page's
// Content-Security-Policy stands between its scripts and the reader.
let browser: Browser;
let origin: string;
let stop: () => Promise<void>;

beforeAll(async () => {
	const site = await buildSite(fixture('hostile'), 'hostile-unsanitised', {
		configFile: false,
		integrations: [
			plans({
				title: 'Trusted Plans',
				directory: 'unsafe-plans',
				sanitize: false,
				mermaid: { browser: false },
			}),
		],
	});
	({ origin, stop } = await previewSite(fixture('hostile'), site.outDir));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
});

describe('the Content-Security-Policy of a plan page', () => {
	it('blocks the scripts and event handlers of a plan published without sanitising, and says so', async () => {
		const page = await browser.newPage();
		const console: string[] = [];
		const dialogs: string[] = [];
		page.on('console', (message) => console.push(message.text()));
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto(`${origin}/plans/trusted/`, { waitUntil: 'networkidle' });
		await page.locator('#plan-button').click();
		// The author's script, handler and frame are in the page, as written, and none of them ran.
		expect(await page.locator('.plan-content script').count()).toBe(1);
		expect(await page.locator('.plan-content button[onclick]').count()).toBe(1);
		expect(
			await page.evaluate(() => [
				(window as { planScriptRan?: boolean }).planScriptRan,
				(window as { planHandlerRan?: boolean }).planHandlerRan,
			]),
		).toEqual([undefined, undefined]);
		expect(dialogs).toEqual([]);
		const violations = console.filter((text) => text.includes('Content Security Policy'));
		expect(violations.some((text) => text.includes('inline script'))).toBe(true);
		expect(violations.some((text) => text.includes('inline event handler'))).toBe(true);
		expect(
			violations.some((text) => text.includes('frame') && text.includes('evil.example.com')),
		).toBe(true);
		await page.close();
	});

	it('lets the page’s own scripts run: the theme toggle and the copy-link buttons', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}/plans/trusted/`, { waitUntil: 'networkidle' });
		await page.locator('.theme-toggle').click();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await page.locator('button.copy-link').first().isHidden()).toBe(false);
		await page.close();
	});
});
