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
	const site = await buildSite(fixture('indexes'), 'indexes-browser');
	({ origin, stop } = await previewSite(fixture('indexes'), site.outDir));
	browser = await launchChromium();
	context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
});

/** A page that records console errors, page errors, failed and foreign requests. */
async function open(path: string): Promise<Page> {
	const page = await context.newPage();
	recordProblems(page, origin, path, problems);
	await page.goto(origin + path);
	return page;
}

const visibleTitles = (page: Page) =>
	page.$$eval('.plans-table tbody tr', (rows) =>
		rows
			.filter((row) => (row as HTMLElement).offsetParent !== null)
			.map((row) => row.querySelector('a')!.textContent!.trim()),
	);

describe('plans index in Chromium', () => {
	it('sorts by any column, both ways, and announces the order', async () => {
		const page = await open('/');
		const cost = page.locator('.plans-table thead th', { hasText: 'Monthly cost (USD)' });
		await cost.getByRole('button').click();
		expect(await cost.getAttribute('aria-sort')).toBe('ascending');
		// Rows without a USD cost go last in either direction.
		expect(await visibleTitles(page)).toEqual([
			'Technical Plan: Alpha Payments',
			'Technical Plan: Beta Ledger',
			'Technical Plan: Gamma Search',
		]);
		const date = page.locator('.plans-table thead th', { hasText: 'Date' });
		await date.getByRole('button').click();
		expect(await visibleTitles(page)).toEqual([
			'Technical Plan: Beta Ledger',
			'Technical Plan: Alpha Payments',
			'Technical Plan: Gamma Search',
		]);
		await date.getByRole('button').click();
		expect(await date.getAttribute('aria-sort')).toBe('descending');
		expect(await cost.getAttribute('aria-sort')).toBeNull();
		expect(await visibleTitles(page)).toEqual([
			'Technical Plan: Alpha Payments',
			'Technical Plan: Beta Ledger',
			'Technical Plan: Gamma Search',
		]);
		await page.close();
	});

	it('filters by status and by folder, together', async () => {
		const page = await open('/');
		await page.getByRole('radio', { name: 'team' }).check();
		expect(await visibleTitles(page)).toEqual([
			'Technical Plan: Beta Ledger',
			'Technical Plan: Gamma Search',
		]);
		await page
			.locator('.status-filter')
			.first()
			.getByRole('radio', { name: /^Accepted/ })
			.check();
		expect(await visibleTitles(page)).toEqual(['Technical Plan: Gamma Search']);
		await page.locator('.status-filter').first().getByRole('radio', { name: /^All/ }).check();
		await page.getByRole('radio', { name: 'Top level' }).check();
		expect(await visibleTitles(page)).toEqual(['Technical Plan: Alpha Payments']);
		await page.close();
	});
});

describe('from an index to the exact row', () => {
	it('goes from a risk matrix cell to the risk row of its plan, below the sticky header', async () => {
		const page = await open('/risks/');
		await page
			.locator('.risk-grid')
			.getByRole('link', { name: 'High likelihood High impact' })
			.click();
		await page.waitForURL('**/plans/alpha/#risk-high-likelihood-high-impact');
		const place = await page.evaluate(() => {
			const row = document.querySelector(':target')!;
			return {
				id: row.id,
				top: row.getBoundingClientRect().top,
				header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
			};
		});
		expect(place.id).toBe('risk-high-likelihood-high-impact');
		expect(place.top).toBeGreaterThanOrEqual(place.header);
		expect(place.top).toBeLessThan(450);
		await page.close();
	});

	it('copies the link of a table row to the clipboard', async () => {
		const page = await open('/plans/alpha/');
		const row = page.locator('#milestone-pilot');
		await row.hover();
		await row.getByRole('button', { name: 'Copy link to “Pilot”' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`${origin}/plans/alpha/#milestone-pilot`,
		);
		await expect.poll(() => page.locator('.toast').textContent()).toBe('Link copied to clipboard');
		await page.close();
	});
});

describe('search', () => {
	it('finds a plan by a word in its text from the header search box, filterable by status', async () => {
		const page = await open('/technologies/');
		await page.getByRole('searchbox', { name: 'Search plans' }).fill('acquirer');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/search/?q=acquirer');
		const result = page
			.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link')
			.first();
		await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Alpha Payments');
		expect(await result.getAttribute('href')).toMatch(/^\/plans\/alpha\//);
		expect(await page.locator('.pagefind-ui__filter-name', { hasText: 'status' }).count()).toBe(1);
		await page.close();
	});

	it('finds a word that only appears inside a diagram, and not words of the navigation', async () => {
		const page = await open('/search/?q=zanzibar');
		const results = page.locator(
			'.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link',
		);
		await expect
			.poll(() => results.allTextContents(), { timeout: 10_000 })
			.toEqual(['Technical Plan: Beta Ledger']);
		// The section that holds the diagram is the sub-result.
		expect(
			await page.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').allTextContents(),
		).toEqual(['Architecture']);
		// Only the heading anchors ("Section titled …") and the page chrome say these words.
		const search = await open('/search/?q=titled%20referenced%20previous');
		await expect
			.poll(() => search.locator('.pagefind-ui__message').textContent(), { timeout: 10_000 })
			.toMatch(/No results/);
		await page.close();
		await search.close();
	});
});

describe('every index page', () => {
	it('loads without console errors, failed or foreign requests', async () => {
		for (const path of [
			'/',
			'/technologies/',
			'/costs/',
			'/risks/',
			'/milestones/',
			'/questions/',
			'/glossary/',
			'/search/',
			'/plans/team/beta/',
		]) {
			const page = await open(path);
			await page.waitForLoadState('networkidle');
			await page.close();
		}
		expect(problems).toEqual([]);
	});
});
