import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { recordProblems } from '../helpers/page-problems.ts';
import { previewSite } from '../helpers/preview.ts';

let browser: Browser;
let origin: string;
let stop: () => Promise<void>;

beforeAll(async () => {
	const site = await buildSite(fixture('hostile'), 'hostile-browser');
	({ origin, stop } = await previewSite(fixture('hostile'), site.outDir));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
});

describe('a sanitised hostile plan in Chromium', () => {
	it('runs no script, opens no dialog, loads nothing from elsewhere and hides nothing', async () => {
		const page = await browser.newPage();
		const problems: string[] = [];
		const dialogs: string[] = [];
		recordProblems(page, origin, '/plans/xss/', problems);
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto(`${origin}/plans/xss/`, { waitUntil: 'networkidle' });
		for (const text of ['click me', 'raw anchor', 'Styled'])
			await page.getByText(text, { exact: false }).first().click();
		expect(dialogs).toEqual([]);
		expect(problems).toEqual([]);
		expect(
			await page
				.locator('.plan-content :is(script, iframe, form, input, style:not(figure style))')
				.count(),
		).toBe(0);
		expect(await page.locator('body').isVisible()).toBe(true);
		expect(
			await page.evaluate(
				() => getComputedStyle(document.querySelector('.plan-content div:not([class])')!).position,
			),
		).toBe('static');
		await page.close();
	});
});
