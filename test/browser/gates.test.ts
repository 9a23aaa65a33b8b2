import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '#plans/diagrams/mermaid/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { buildSite } from '../helpers/build.ts';
import { chromiumPath, launchChromium } from '../helpers/chromium.ts';
import { recordProblems } from '../helpers/page-problems.ts';
import { previewSite } from '../helpers/preview.ts';

// The example site itself: the richest plans we have (costs, risks, ASCII and Mermaid diagrams, MDX).
const root = new URL('../../', import.meta.url);

let browser: Browser;
let origin: string;
let stop: () => Promise<void>;

beforeAll(async () => {
	const site = await buildSite(root, 'gates');
	({ origin, stop } = await previewSite(root, site.outDir));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
});

const PAGES = [
	'/',
	'/plans/checkout-service/',
	'/plans/identity/',
	'/plans/platform/search-indexing/',
	'/technologies/',
	'/costs/',
	'/risks/',
	'/milestones/',
	'/questions/',
	'/glossary/',
	'/search/?q=checkout',
	'/404.html',
];

describe('accessibility gates (axe-core)', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`finds no serious or critical violations, console errors, failed or foreign requests on any page in ${colorScheme} mode`, async () => {
			const context = await browser.newContext({
				colorScheme,
				viewport: { width: 1280, height: 900 },
			});
			const failures: string[] = [];
			for (const path of PAGES) {
				const page = await context.newPage();
				// The 404 page is meant to answer 404; every other response must succeed.
				recordProblems(page, origin, path, failures, (url) => url.endsWith('/404.html'));
				await page.goto(origin + path);
				await page.waitForLoadState('networkidle');
				expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
				failures.push(...(await axeViolations(page)).map((line) => `${path}: ${line}`));
				await page.close();
			}
			await context.close();
			expect(failures).toEqual([]);
		});
	}
});

describe('highlighted code', () => {
	// GitHub's light and dark themes: a SQL keyword, and the text colour of the block.
	const KEYWORD = { light: 'rgb(207, 34, 46)', dark: 'rgb(255, 123, 114)' };
	const TEXT = { light: 'rgb(31, 35, 40)', dark: 'rgb(230, 237, 243)' };

	for (const path of ['/plans/checkout-service/', '/plans/identity/'])
		it(`colours the tokens of ${path} in both themes`, async () => {
			for (const colorScheme of ['light', 'dark'] as const) {
				const page = await browser.newPage({ colorScheme });
				await page.goto(origin + path);
				const colours = await page.evaluate(() => {
					const code = document.querySelector('pre.astro-code[data-language="sql"] code')!;
					const keyword = [...code.querySelectorAll('span')].find(
						(span) => span.textContent === 'CREATE',
					)!;
					// Text outside any token takes the block's colour, as Shiki's spans of it did.
					const plain = [...code.querySelectorAll('.line')].find((line) =>
						[...line.childNodes].some(
							(node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
						),
					)!;
					return [getComputedStyle(keyword).color, getComputedStyle(plain).color];
				});
				expect(colours, `${path} in ${colorScheme}`).toEqual([
					KEYWORD[colorScheme],
					TEXT[colorScheme],
				]);
				await page.close();
			}
		});
});

describe('keyboard', () => {
	/** What has focus, where it is, and whether a focus indicator is drawn. */
	const focused = (page: Page) =>
		page.evaluate(() => {
			const element = document.activeElement as HTMLElement;
			const style = getComputedStyle(element);
			const box = element.getBoundingClientRect();
			return {
				text: (element.textContent ?? '').trim().slice(0, 40),
				region:
					element
						.closest(
							'.skip-link, .site-header, .sidebar, .toc, .plan-content, .plan-header, .prev-next, .backlinks',
						)
						?.className.split(' ')[0] ?? element.tagName,
				indicator:
					(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
					style.boxShadow !== 'none',
				onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
			};
		});

	it('starts with a visible skip link that moves focus into the plan', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${origin}/plans/checkout-service/`);
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({
			region: 'skip-link',
			text: 'Skip to content',
			indicator: true,
			onScreen: true,
		});
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('plans-main');
		await page.keyboard.press('Tab');
		expect((await focused(page)).region).toBe('plan-header');
		await page.close();
	});

	it('reaches the navigation, the sidebar and the table of contents, each with a visible focus indicator', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${origin}/plans/checkout-service/`);
		const regions = new Set<string>();
		const withoutIndicator: string[] = [];
		for (let step = 0; step < 120; step++) {
			await page.keyboard.press('Tab');
			const now = await focused(page);
			regions.add(now.region);
			if (!now.indicator) withoutIndicator.push(`${now.region}: ${now.text}`);
		}
		expect([...regions]).toEqual(
			expect.arrayContaining([
				'skip-link',
				'site-header',
				'sidebar',
				'plan-header',
				'toc',
				'plan-content',
			]),
		);
		expect(withoutIndicator).toEqual([]);
		await page.close();
	});

	it('copies a section link from the keyboard and announces it to screen readers', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		const page = await context.newPage();
		await page.goto(`${origin}/plans/checkout-service/`);
		await page.locator('button.copy-link[data-anchor="risks--mitigations"]').focus();
		expect((await focused(page)).indicator).toBe(true);
		await page.keyboard.press('Enter');
		const status = page.getByRole('status');
		await expect.poll(() => status.textContent()).toBe('Link copied to clipboard');
		expect(await status.getAttribute('aria-live')).toBe('polite');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`${origin}/plans/checkout-service/#risks--mitigations`,
		);
		await context.close();
	});
});

/**
 * What a page costs a reader, in numbers no load on this machine can move: bytes (decoded, as
 * written to dist/), requests, JavaScript, render-blocking resources and layout shift. A budget
 * fails only when a page got heavier; speed itself is measured by the benchmarks.
 */
const BUDGETS = [
	{
		path: '/plans/platform/search-indexing/',
		document: 240_000,
		total: 280_000,
		requests: 4,
		javascript: 8_000,
	},
	{ path: '/', document: 16_000, total: 60_000, requests: 6, javascript: 4_000 },
];

describe('page budgets', () => {
	for (const budget of BUDGETS) {
		it(`keeps ${budget.path} within its bytes, requests, JavaScript, one render-blocking stylesheet and no layout shift to speak of`, async () => {
			const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
			const reading: Array<Promise<{ type: string; bytes: number }>> = [];
			page.on('response', (response) =>
				reading.push(
					response
						.body()
						.then((body) => ({ type: response.request().resourceType(), bytes: body.length })),
				),
			);
			await page.addInitScript(() => {
				const shifted = window as unknown as { layoutShift: number };
				shifted.layoutShift = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as Array<
						PerformanceEntry & { value: number; hadRecentInput: boolean }
					>)
						if (!entry.hadRecentInput) shifted.layoutShift += entry.value;
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(origin + budget.path, { waitUntil: 'networkidle' });
			const measured = await page.evaluate(() => ({
				layoutShift: (window as unknown as { layoutShift: number }).layoutShift,
				inlineJavaScript: [...document.querySelectorAll('script:not([src])')]
					.filter((script) =>
						['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''),
					)
					.reduce((sum, script) => sum + script.textContent!.length, 0),
				renderBlocking: [
					...document.head.querySelectorAll(
						'link[rel="stylesheet"]:not([media="print"]), script[src]:not([async]):not([defer]):not([type="module"])',
					),
				].map((element) => element.getAttribute('href') ?? element.getAttribute('src')),
			}));
			const responses = await Promise.all(reading);
			await page.close();
			const bytes = (type?: string) =>
				responses
					.filter((response) => type === undefined || response.type === type)
					.reduce((sum, response) => sum + response.bytes, 0);
			const javascript = bytes('script') + measured.inlineJavaScript;
			console.log(
				`${budget.path}: ${responses.length} requests, ${bytes()} bytes (document ${bytes('document')}, JavaScript ${javascript}), layout shift ${measured.layoutShift.toFixed(4)}`,
			);
			expect(bytes('document')).toBeLessThanOrEqual(budget.document);
			expect(bytes()).toBeLessThanOrEqual(budget.total);
			expect(responses.length).toBeLessThanOrEqual(budget.requests);
			expect(javascript).toBeLessThanOrEqual(budget.javascript);
			expect(measured.renderBlocking).toEqual([expect.stringMatching(/^\/_astro\/.*\.css$/)]);
			expect(measured.layoutShift).toBeLessThan(0.05);
		});
	}
});

describe('Lighthouse', () => {
	let chrome: LaunchedChrome | undefined;
	afterAll(async () => chrome?.kill());

	it('scores a plan page with diagrams 100 for accessibility', async () => {
		chrome = await launch({
			chromePath: chromiumPath(),
			chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
		});
		const result = await lighthouse(`${origin}/plans/platform/search-indexing/`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['accessibility'],
		});
		expect(Math.round((result!.lhr.categories.accessibility!.score ?? 0) * 100)).toBe(100);
	});
});
