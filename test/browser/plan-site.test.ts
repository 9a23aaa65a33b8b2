import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { recordProblems } from '../helpers/page-problems.ts';
import { previewSite } from '../helpers/preview.ts';

let browser: Browser;
let context: BrowserContext;
let origin: string;
let stop: () => Promise<void>;
const problems: string[] = [];

beforeAll(async () => {
	const site = await buildSite(fixture('basic'), 'browser');
	({ origin, stop } = await previewSite(fixture('basic'), site.outDir));
	browser = await launchChromium();
	context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
});

/** A page that records console errors, page errors, failed and foreign requests. */
async function open(path: string, into: BrowserContext = context): Promise<Page> {
	const page = await into.newPage();
	recordProblems(page, origin, path, problems);
	await page.goto(origin + path);
	return page;
}

/** Where a heading sits relative to the sticky header. */
async function headingPosition(page: Page, id: string) {
	return page.evaluate((id) => {
		const header = document.querySelector('.site-header')!.getBoundingClientRect();
		const heading = document.getElementById(id)!.getBoundingClientRect();
		return { headerBottom: header.bottom, top: heading.top, viewport: innerHeight };
	}, id);
}

describe('plan site in Chromium', () => {
	it('navigates index → plan → table of contents entry', async () => {
		const page = await open('/');
		await page.getByRole('link', { name: 'Technical Plan: Checkout Service' }).click();
		await page.waitForURL('**/plans/payments/checkout-service/');
		await page.locator('.toc').getByRole('link', { name: 'Risks & Mitigations' }).click();
		await page.waitForURL('**#risks--mitigations');
		await page.waitForTimeout(200);
		const { headerBottom, top } = await headingPosition(page, 'risks--mitigations');
		expect(top).toBeGreaterThanOrEqual(headerBottom);
		expect(top - headerBottom).toBeLessThan(40);
		expect(await page.locator('.toc a[aria-current="true"]').textContent()).toBe(
			'Risks & Mitigations',
		);
		await page.close();
	});

	it('lands a #section arrival below the sticky header and highlights it', async () => {
		const page = await open('/plans/payments/checkout-service/#duplicate-1');
		const { headerBottom, top, viewport } = await headingPosition(page, 'duplicate-1');
		expect(top).toBeGreaterThanOrEqual(headerBottom);
		expect(top - headerBottom).toBeLessThan(40);
		expect(viewport).toBeGreaterThan(top);
		const background = await page
			.locator('#duplicate-1')
			.evaluate((el) => getComputedStyle(el).animationName);
		expect(background).toBe('target-highlight');
		await expect
			.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href'))
			.toBe('#duplicate-1');
		await page.close();
	});

	it('copies the full URL of a section and announces it', async () => {
		const page = await open('/plans/payments/checkout-service/');
		const heading = page.locator('#architecture-overview');
		await heading.hover();
		// The page script made the button, right after the heading's # link, with the heading in its name.
		const button = page.getByRole('button', {
			name: 'Copy link to section “Architecture Overview”',
		});
		expect(await button.getAttribute('data-anchor')).toBe('architecture-overview');
		expect(await button.evaluate((element) => element.previousElementSibling?.className)).toBe(
			'anchor-link',
		);
		// The # link itself: named for screen readers, a visible # for the eye.
		const link = page.getByRole('link', { name: 'Section titled “Architecture Overview”' });
		expect(await link.getAttribute('href')).toBe('#architecture-overview');
		expect(await link.evaluate((element) => getComputedStyle(element, '::before').content)).toMatch(
			/^"#"/,
		);
		await expect.poll(() => link.isVisible()).toBe(true);
		await expect.poll(() => button.isVisible()).toBe(true);
		await button.click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`${origin}/plans/payments/checkout-service/#architecture-overview`,
		);
		await expect.poll(() => page.locator('.toast').textContent()).toBe('Link copied to clipboard');
		expect(await page.locator('.toast').getAttribute('role')).toBe('status');
		await page.close();
	});

	it('keeps the dark theme across reloads, applied before first paint', async () => {
		const page = await open('/plans/identity/');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await page.locator('.theme-toggle').click();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await page.locator('.theme-toggle').getAttribute('aria-pressed')).toBe('true');
		// Record the theme the moment the body starts, before any module script ran.
		await page.addInitScript(() => {
			document.addEventListener('readystatechange', () => {
				if (document.readyState === 'interactive')
					(window as unknown as { themeAtParse: string }).themeAtParse =
						document.documentElement.dataset.theme!;
			});
		});
		await page.reload();
		expect(
			await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse),
		).toBe('dark');
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(13, 17, 23)');
		await page.locator('.theme-toggle').click();
		await page.close();
	});

	it('filters the plans index by status without reloading', async () => {
		const page = await open('/');
		const visibleRows = () => page.locator('.plans-table tbody tr:visible').count();
		expect(await visibleRows()).toBe(4);
		// The filter's values are the stages: Approved is accepted, Superseded is closed.
		await page.locator('input[value="accepted"]').check();
		expect(await visibleRows()).toBe(1);
		expect(await page.locator('.plans-table tbody tr:visible a').textContent()).toBe(
			'Technical Plan: Checkout Service',
		);
		await page.locator('input[value="closed"]').check();
		expect(await page.locator('.plans-table tbody tr:visible a').textContent()).toBe(
			'Plan général',
		);
		await page.locator('input[name="status-filter"][value="all"]').check();
		expect(await visibleRows()).toBe(4);
		await page.close();
	});

	it('opens the plans menu on a phone', async () => {
		const phone = await browser.newContext({ viewport: { width: 390, height: 800 } });
		const page = await open('/plans/identity/', phone);
		const sidebar = page.locator('#plans-sidebar');
		expect(await sidebar.isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Show all plans' }).click();
		expect(await sidebar.isVisible()).toBe(true);
		await sidebar.getByRole('link', { name: /MDX Notes/ }).click();
		await page.waitForURL('**/plans/notes/');
		await phone.close();
	});

	it('had no console errors or failed requests', () => {
		expect(problems).toEqual([]);
	});
});
