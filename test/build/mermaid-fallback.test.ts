import { unified } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import plans from 'astro-technical-plans';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { labelSizes, scrollsSideways } from '../helpers/diagram-labels.ts';
import { previewSite } from '../helpers/preview.ts';

const config = (browser?: false) => ({
	configFile: false as const,
	markdown: { processor: unified() },
	integrations: [plans({ mermaid: { browser } })],
});

let site: BuiltSite;
let origin: string;
let stop: (() => Promise<void>) | undefined;
afterAll(async () => stop?.());

describe('Mermaid without a browser at build time', () => {
	it('builds, and only pages with Mermaid load the self-hosted mermaid', async () => {
		site = await buildSite(fixture('mermaid-fallback'), 'fallback', config(false), {
			cache: 'fallback',
		});
		const flow = site.page('plans/flow/index.html');
		expect(flow.querySelector('figure.diagram-mermaid pre.mermaid-source')!.textContent).toContain(
			'Build --> Test --> Deploy',
		);
		const scripts = (page: Document) =>
			[...page.querySelectorAll('script[type="module"]')].map(
				(script) => script.getAttribute('src') ?? script.textContent!,
			);
		const flowScripts = scripts(flow).join('\n');
		expect(flowScripts).toMatch(/mermaid/i);
		expect(flowScripts).not.toMatch(/https?:\/\//);
		expect(scripts(site.page('plans/prose/index.html')).join('\n')).not.toMatch(/mermaid/i);
		// mermaid's own modules are copied into the site, not bundled by Vite.
		expect(flow.querySelector('[data-plans-mermaid]')!.getAttribute('data-plans-mermaid')).toBe(
			'/_plans/mermaid/mermaid.esm.min.mjs',
		);
		expect(site.file('_plans/mermaid/mermaid.esm.min.mjs')).toMatch(/chunks\/mermaid\.esm\.min\//);
	});

	it('renders the diagram in the reader’s browser, from the site itself', async () => {
		({ origin, stop } = await previewSite(fixture('mermaid-fallback'), site.outDir));
		const browser = await launchChromium();
		const page = await browser.newPage();
		const foreign: string[] = [];
		page.on(
			'request',
			(request) =>
				!request.url().startsWith(origin) &&
				!request.url().startsWith('data:') &&
				foreign.push(request.url()),
		);
		await page.goto(`${origin}/plans/flow/`);
		const drawing = page.locator('figure.diagram-mermaid svg').first();
		await drawing.waitFor({ timeout: 20_000 });
		await expect.poll(() => drawing.textContent(), { timeout: 20_000 }).toContain('Deploy');
		expect(foreign).toEqual([]);
		// The reader's theme toggle renders it again in mermaid's dark theme.
		const lightFill = await drawing
			.locator('rect')
			.first()
			.evaluate((rect) => getComputedStyle(rect).fill);
		await page.locator('.theme-toggle').click();
		await expect
			.poll(
				async () =>
					page
						.locator('figure.diagram-mermaid svg rect')
						.first()
						.evaluate((rect) => getComputedStyle(rect).fill),
				{ timeout: 20_000 },
			)
			.not.toBe(lightFill);
		await browser.close();
	});

	it('keeps a wide diagram’s text at 12 px there too: it scrolls sideways, in either theme', async () => {
		const browser = await launchChromium();
		const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
		await page.goto(`${origin}/plans/flow/#release`);
		const figure = page
			.locator('figure.diagram-mermaid')
			.filter({ hasText: 'Mermaid diagram: Release' });
		const readable = async () => {
			await expect
				.poll(
					() =>
						figure.getByRole('group', { name: 'Mermaid diagram: Release Scroll sideways' }).count(),
					{ timeout: 20_000 },
				)
				.toBe(1);
			expect(Math.min(...(await labelSizes(figure)))).toBeGreaterThanOrEqual(12);
			expect(await scrollsSideways(figure)).toBe(true);
		};
		await readable();
		// Drawn again in the dark theme, and kept readable again.
		const lightDrawing = await figure.locator('svg').evaluate((svg) => svg.outerHTML);
		await page.locator('.theme-toggle').click();
		await expect
			.poll(() => figure.locator('svg').evaluate((svg) => svg.outerHTML), { timeout: 20_000 })
			.not.toBe(lightDrawing);
		await readable();
		await browser.close();
	});

	it('renders at build time on the next build once a browser is there, although the plan did not change', async () => {
		const rebuilt = await buildSite(fixture('mermaid-fallback'), 'fallback-rebuilt', config(), {
			cache: 'fallback',
			keepCache: true,
		});
		const flow = rebuilt.page('plans/flow/index.html');
		expect(
			flow.querySelector('figure.diagram-mermaid :is(.mermaid-themed, .mermaid-light) > svg'),
		).not.toBeNull();
		expect(flow.querySelector('pre.mermaid-source')).toBeNull();
		// No page needs mermaid in the browser any more, so the build does not ship it.
		expect(() => rebuilt.file('_plans/mermaid/mermaid.esm.min.mjs')).toThrow();
	});
});
