import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { startDevServer } from '../helpers/dev-server.ts';
import { copyFixture } from '../helpers/scratch-site.ts';

// `astro dev` as a plan author uses it, on a copy of the fixture that the tests edit.
let site: ReturnType<typeof copyFixture>;
let server: Awaited<ReturnType<typeof startDevServer>>;
let original: string;
const planUrl = () => `${server.origin}/plans/orders/`;
const htmlDir = () => site.path('node_modules/.astro/plans-html');
const mermaidDir = () => site.path('node_modules/.astro/plans-mermaid');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	site = copyFixture(fixture('authoring'));
	original = readFileSync(site.path('plans/orders.md'), 'utf8');
	server = await startDevServer(site.root, { readyPath: '/robots.txt' });
});

afterAll(async () => {
	await server?.stop();
	site?.remove();
});

/** Requests the plan page until `accept` passes on its document, `pause` ms apart. */
async function pageWhen(
	accept: (document: Document) => boolean,
	{ seconds = 20, pause = 200 } = {},
): Promise<Document> {
	for (const deadline = Date.now() + seconds * 1000; ; await sleep(pause)) {
		const response = await fetch(planUrl());
		const document = new JSDOM(await response.text()).window.document;
		if (response.ok && accept(document)) return document;
		if (Date.now() > deadline)
			throw new Error(
				`The page did not change as expected in ${seconds} s; last status ${response.status}:\n${server.output.join('')}`,
			);
	}
}

function save(text: string): void {
	writeFileSync(site.path('plans/orders.md'), text);
}

describe('astro dev renders plans when they are requested', () => {
	it('is ready before any plan is rendered or any diagram drawn', () => {
		const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
		expect(files(htmlDir())).toEqual([]);
		expect(files(mermaidDir())).toEqual([]);
	});

	it('answers the first request at once, with the Mermaid diagram drawn in the browser while the server draws it', async () => {
		const first = await pageWhen(() => true);
		expect(first.querySelector('h1')?.textContent).toBe('Technical Plan: Orders Service');
		expect(first.querySelector('figure pre.mermaid-source')?.textContent).toContain(
			'Checkout --> Orders --> Ledger',
		);
		expect(first.querySelector('.plan-problems')).toBeNull();

		// The server draws it once it has been idle for a moment; the next request gets the SVG, and that HTML is kept.
		const drawn = await pageWhen(
			(page) => page.querySelector('figure :is(.mermaid-themed, .mermaid-light) svg') !== null,
			{ pause: 1000 },
		);
		expect(drawn.querySelector('figure pre.mermaid-source')).toBeNull();
		// "Open full size" opens the drawing on its own, served by the dev server.
		const fullSize = await fetch(
			new URL(drawn.querySelector('a.diagram-open')!.getAttribute('href')!, server.origin),
		);
		expect([fullSize.status, fullSize.headers.get('content-type')]).toEqual([
			200,
			'image/svg+xml; charset=utf-8',
		]);
		expect(await fullSize.text()).toMatch(/^<svg\b/);
		expect(readdirSync(htmlDir())).toHaveLength(1);
		expect(readdirSync(mermaidDir()).filter((name) => name.endsWith('.json'))).toHaveLength(1);
	});
});

describe('problems show in the plan page', () => {
	it('lists a broken link and a broken Mermaid diagram, marks the link and boxes the diagram', async () => {
		save(
			original
				.replace('[catalog plan](catalog.md#pricing)', '[catalog plan](catalog.md#prices)')
				.replace('Checkout --> Orders --> Ledger', 'Checkout --> Orders -->'),
		);
		const document = await pageWhen((page) => page.querySelectorAll('.plan-problem').length === 2);
		const items = [...document.querySelectorAll('.plan-problem')];
		expect(items.map((item) => item.querySelector('.plan-problem-place')?.textContent)).toEqual([
			'plans/orders.md:10:1',
			'plans/orders.md:16:26',
		]);
		expect(items.map((item) => item.querySelector('.plan-problem-severity')?.textContent)).toEqual([
			'error',
			'error',
		]);
		expect(items[0]!.querySelector('.plan-problem-message')?.textContent).toContain(
			'"#prices" that does not exist',
		);
		expect(items[0]!.querySelector('.plan-problem-hint')?.textContent).toBe(
			'The closest existing anchor is "#pricing".',
		);
		expect(items[1]!.querySelector('.plan-problem-message')?.textContent).toMatch(
			/^Mermaid syntax error/,
		);
		expect(document.querySelector('#plan-problems-title')?.textContent).toBe(
			'plans/orders.md: 2 errors',
		);

		// Each problem opens its file at its line in the editor, and shows its place in the page.
		const place = items[0]!.querySelector<HTMLAnchorElement>('.plan-problem-place')!.href;
		expect(decodeURIComponent(place)).toBe(
			`/__open-in-editor?file=${site.path('plans/orders.md')}:10:1`,
		);
		expect(
			items[0]!.querySelector<HTMLAnchorElement>('.plan-problem-show')?.getAttribute('href'),
		).toBe('#plan-problem-1');
		expect(
			items[1]!.querySelector<HTMLAnchorElement>('.plan-problem-show')?.getAttribute('href'),
		).toBe('#architecture-overview');
		const broken = document.querySelector('#plan-problem-1');
		expect(broken?.className).toBe('plan-link-broken');
		expect(broken?.getAttribute('href')).toBe('/plans/catalog/#prices');
		expect(document.querySelector('.diagram-error')?.textContent).toMatch(
			/^Mermaid could not read this diagram\. Line 2:/,
		);
	});

	it('clears the banner once the plan is fixed', async () => {
		save(original);
		const document = await pageWhen((page) => page.querySelector('.plan-problems') === null);
		expect(document.querySelector('.plan-link-broken')).toBeNull();
		expect(document.querySelector('.diagram-error')).toBeNull();
	});
});

describe('a page requested while its plan is saved', () => {
	it('always answers 200, and the server logs no error, through 50 saves 200 ms apart', async () => {
		const logged = server.output.length;
		const statuses = new Map<number, number>();
		let saving = true;
		const requests = (async () => {
			while (saving) {
				const response = await fetch(planUrl());
				await response.text();
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			}
		})();
		for (let edit = 1; edit <= 50; edit++) {
			save(`${original}\nSaved ${edit} times.\n`);
			await sleep(200);
		}
		saving = false;
		await requests;
		// The last save is the one served.
		await pageWhen((page) => page.body.textContent!.includes('Saved 50 times.'));
		save(original);

		expect([...statuses.keys()]).toEqual([200]);
		expect(statuses.get(200)).toBeGreaterThan(50);
		const log = server.output.slice(logged).join('');
		expect(log).not.toMatch(/ENOENT|\[ERROR\]|Error:|\n\s+at /);
	});
});

/** Runs `test` with a browser of its own, and saves the plan back as it was afterwards. */
async function inBrowser(test: (browser: Browser) => Promise<void>): Promise<void> {
	const browser = await launchChromium();
	try {
		await test(browser);
	} finally {
		save(original);
		await browser.close();
	}
}

/** The plan's page in a new tab, settled: the first visit may reload once, when Vite has optimised the page's dependencies. */
async function openPlanPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(planUrl());
	await page.waitForLoadState('networkidle');
	return page;
}

/** Waits until the page shows `text`. */
async function untilShown(page: Page, text: string): Promise<void> {
	await page.waitForFunction((text) => document.body.textContent!.includes(text), text, {
		timeout: 30_000,
	});
}

describe('an open page', () => {
	it('reloads by itself with the saved plan, and loses its banner when the plan is fixed', () =>
		inBrowser(async (browser) => {
			const page = await openPlanPage(browser);
			save(
				original.replace('[catalog plan](catalog.md#pricing)', '[catalog plan](catalog.md#prices)'),
			);
			await page.waitForSelector('.plan-link-broken', { timeout: 10_000 });
			// The page may reload once more when Astro publishes the data store: ask until it settles.
			await expect.poll(() => page.locator('.plan-problem').count(), { timeout: 10_000 }).toBe(1);
			save(
				original.replace('The Orders Service takes carts', 'The Orders Service now takes carts'),
			);
			await untilShown(page, 'The Orders Service now takes carts');
			await expect.poll(() => page.locator('.plan-problems').count(), { timeout: 10_000 }).toBe(0);
		}));
});

describe('a page that was loading when its plan changed', () => {
	it('reloads once it connects, though it missed the reload the server sent', () =>
		inBrowser(async (browser) => {
			// Another open page is connected when the plan changes, so Vite sends the reload to it
			// and keeps none for pages that connect later.
			const connected = await openPlanPage(browser);

			// This page's connection to the dev server waits, and never passes on a `full-reload`.
			const loading = await browser.newPage();
			let connect!: () => void;
			const connecting = new Promise<void>((resolve) => (connect = resolve));
			await loading.routeWebSocket(
				(url) => url.port === new URL(server.origin).port,
				async (socket) => {
					const queued: (string | Buffer)[] = [];
					socket.onMessage((message) => queued.push(message));
					await connecting;
					const toServer = socket.connectToServer();
					socket.onMessage((message) => toServer.send(message));
					toServer.onMessage((message) => {
						if (!String(message).includes('"full-reload"')) socket.send(message);
					});
					for (const message of queued) toServer.send(message);
				},
			);
			await loading.goto(planUrl());

			save(
				original.replace('The Orders Service takes carts', 'The Orders Service now takes carts'),
			);
			await untilShown(connected, 'The Orders Service now takes carts');
			expect(await loading.locator('body').textContent()).not.toContain('now takes carts');

			connect();
			await untilShown(loading, 'The Orders Service now takes carts');
		}));
});

describe('search in astro dev', () => {
	it('says plainly that search works in the built site', async () => {
		const response = await fetch(`${server.origin}/search/`);
		const document = new JSDOM(await response.text()).window.document;
		expect(document.querySelector('.search-in-dev')?.textContent).toMatch(
			/Search works in the built site: astro build, then astro preview\./,
		);
		expect(document.querySelector('#plans-search')).toBeNull();
	});
});
