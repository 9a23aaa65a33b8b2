import { unified } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import plans from 'astro-technical-plans';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { previewSite } from '../helpers/preview.ts';

const config = (browser?: false) => ({
	configFile: false as const,
	markdown: { processor: unified() },
	integrations: [plans({ mermaid: { browser } })],
});

let site: BuiltSite;
let stop: (() => Promise<void>) | undefined;
afterAll(async () => stop?.());

describe('Mermaid without a browser at build time', () => {
	it('builds, and only pages with Mermaid load the self-hosted mermaid', async () => {
		site = await buildSite(fixture('mermaid-fallback'), 'fallback', config(false), { cache: 'fallback' });
		const flow = site.page('plans/flow/index.html');
		expect(flow.querySelector('figure.diagram-mermaid pre.mermaid-source')!.textContent).toContain('Build --> Test --> Deploy');
		const scripts = (page: Document) => [...page.querySelectorAll('script[type="module"]')].map((script) => script.getAttribute('src') ?? script.textContent!);
		const flowScripts = scripts(flow).join('\n');
		expect(flowScripts).toMatch(/mermaid/i);
		expect(flowScripts).not.toMatch(/https?:\/\//);
		expect(scripts(site.page('plans/prose/index.html')).join('\n')).not.toMatch(/mermaid/i);
		// mermaid's own modules are copied into the site, not bundled by Vite.
		expect(flow.querySelector('[data-plans-mermaid]')!.getAttribute('data-plans-mermaid')).toBe('/_plans/mermaid/mermaid.esm.min.mjs');
		expect(site.file('_plans/mermaid/mermaid.esm.min.mjs')).toMatch(/chunks\/mermaid\.esm\.min\//);
	});

	it('renders the diagram in the reader’s browser, from the site itself', async () => {
		const server = await previewSite(fixture('mermaid-fallback'), site.outDir);
		stop = server.stop;
		const browser = await launchChromium();
		const page = await browser.newPage();
		const foreign: string[] = [];
		page.on('request', (request) => !request.url().startsWith(server.origin) && !request.url().startsWith('data:') && foreign.push(request.url()));
		await page.goto(`${server.origin}/plans/flow/`);
		const drawing = page.locator('figure.diagram-mermaid svg').first();
		await drawing.waitFor({ timeout: 20_000 });
		await expect.poll(() => drawing.textContent(), { timeout: 20_000 }).toContain('Deploy');
		expect(foreign).toEqual([]);
		// The reader's theme toggle renders it again in mermaid's dark theme.
		const lightFill = await drawing.locator('rect').first().evaluate((rect) => getComputedStyle(rect).fill);
		await page.locator('.theme-toggle').click();
		await expect
			.poll(async () => page.locator('figure.diagram-mermaid svg rect').first().evaluate((rect) => getComputedStyle(rect).fill), { timeout: 20_000 })
			.not.toBe(lightFill);
		await browser.close();
	});

	it('renders at build time on the next build once a browser is there, although the plan did not change', async () => {
		const rebuilt = await buildSite(fixture('mermaid-fallback'), 'fallback-rebuilt', config(), { cache: 'fallback', keepCache: true });
		const flow = rebuilt.page('plans/flow/index.html');
		expect(flow.querySelector('figure.diagram-mermaid :is(.mermaid-themed, .mermaid-light) > svg')).not.toBeNull();
		expect(flow.querySelector('pre.mermaid-source')).toBeNull();
		// No page needs mermaid in the browser any more, so the build does not ship it.
		expect(() => rebuilt.file('_plans/mermaid/mermaid.esm.min.mjs')).toThrow();
	});
});
