import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { labelSizes, scrollsSideways } from '../helpers/diagram-labels.ts';
import { previewSite } from '../helpers/preview.ts';

// Every diagram type mermaid ships, plus directives, frontmatter config, indented fences
// and a hostile plan; rendered at build time in the system Chromium.
let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('mermaid'), 'mermaid');
}, 600_000);

const figures = (page: Document) => [
	...page.querySelectorAll<HTMLElement>('figure.diagram-mermaid'),
];

describe('Mermaid at build time', () => {
	it('renders every diagram type as inline SVG in light and dark', () => {
		const page = site.page('plans/all-types/index.html');
		const all = figures(page);
		expect(all).toHaveLength(30);
		const drawnOnce: string[] = [];
		for (const figure of all) {
			const name = figure.querySelector('.diagram-label')!.textContent!;
			const themed = figure.querySelector('.mermaid-themed > svg');
			if (themed) {
				// One drawing for both themes: the dark theme's rules that differ are in its own style
				// sheet; a directive's theme is the same in both, and has none.
				drawnOnce.push(name);
				const sheet = themed.querySelector('style')!.textContent!;
				if (name.endsWith('Init directive'))
					expect(sheet, name).not.toContain(":root[data-theme='dark']");
				else expect(sheet, name).toContain(":root[data-theme='dark'] #");
				expect(figure.querySelectorAll('.diagram-canvas > div > svg').length, name).toBe(1);
			} else {
				const light = figure.querySelector('.mermaid-light > svg');
				const dark = figure.querySelector('.mermaid-dark > svg');
				expect(light, name).not.toBeNull();
				expect(dark, name).not.toBeNull();
				expect(light!.innerHTML, name).not.toBe(dark!.innerHTML);
			}
			expect(
				figure.querySelector('.diagram-source code')!.textContent!.length,
				name,
			).toBeGreaterThan(5);
		}
		// Types Mermaid colours through CSS alone are drawn once; those with colours on elements twice.
		expect(drawnOnce).toEqual(
			expect.arrayContaining([
				'Mermaid diagram: Flowchart',
				'Mermaid diagram: Sequence',
				'Mermaid diagram: Gantt',
				'Mermaid diagram: Sankey',
			]),
		);
		expect(drawnOnce).not.toContain('Mermaid diagram: Pie');
		expect(page.querySelectorAll('pre.mermaid-source')).toHaveLength(0);
		// Rendered at build time: the page loads no mermaid.
		expect(page.querySelectorAll('script[src*="mermaid"]')).toHaveLength(0);
	});

	it('gives every drawing with text the narrowest it may be shown, in both themes', () => {
		const drawings = [
			...site
				.page('plans/all-types/index.html')
				.querySelectorAll<HTMLElement>('figure.diagram-mermaid .diagram-canvas > div'),
		];
		expect(drawings.length).toBeGreaterThan(30);
		for (const drawing of drawings)
			expect(drawing.getAttribute('style'), drawing.parentElement!.parentElement!.id).toMatch(
				/^--diagram-min-width:\d+px$/,
			);
	});

	it('keeps element ids unique on a page with many diagrams, even a repeated one', () => {
		const page = site.page('plans/all-types/index.html');
		const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
		const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
		expect(repeated).toEqual([]);
	});

	it('honours %%{init}%% directives and frontmatter config', () => {
		const page = site.page('plans/all-types/index.html');
		const byLabel = (label: string) =>
			figures(page).find((figure) =>
				figure.querySelector('.diagram-label')!.textContent!.endsWith(label),
			)!;
		// The forest theme's node fill, in both renders (the directive wins over our themes).
		expect(byLabel('Init directive').querySelector('.diagram-canvas style')!.textContent).toContain(
			'#cde498',
		);
		expect(
			byLabel('Frontmatter config').querySelector('.diagram-canvas svg')!.textContent,
		).toContain('Titled by frontmatter');
		expect(byLabel('Indented in a list').querySelector('.diagram-canvas svg')).not.toBeNull();
		expect(byLabel('Inside details').querySelector('.diagram-canvas svg')).not.toBeNull();
	});

	it('lets no script, event handler, javascript: URL or file to fetch through', () => {
		const page = site.page('plans/hostile/index.html');
		const content = page.querySelector('.plan-content')!;
		expect(content.querySelectorAll('script, iframe, object, embed, img, image')).toHaveLength(0);
		// The drawings: the source panel beside them shows the label as text.
		for (const svg of content.querySelectorAll('figure.diagram-mermaid svg')) {
			expect(svg.outerHTML).not.toContain('evil.example.com');
			expect(svg.outerHTML).not.toMatch(/\ssrc=/);
		}
		expect(content.querySelector('figure.diagram-mermaid svg')!.textContent).toContain('link');
		for (const element of content.querySelectorAll('*')) {
			for (const attribute of element.attributes) {
				expect(attribute.name, element.outerHTML.slice(0, 80)).not.toMatch(/^on/i);
				expect(attribute.value, attribute.name).not.toMatch(/^\s*javascript:/i);
			}
		}
		// The box drawing keeps the hostile text as text.
		const drawing = content.querySelector('figure.diagram-ascii svg')!;
		expect(drawing.textContent).toContain('<script>alert(5)</script>');
		expect(drawing.textContent).toContain('<img src=x onerror=alert(6)>');
	});

	it('publishes each diagram as a standalone SVG for "Open full size"', () => {
		const page = site.page('plans/all-types/index.html');
		const href = figures(page)[0]!.querySelector('a.diagram-open')!.getAttribute('href')!;
		expect(href).toMatch(/^\/_diagrams\/[0-9a-f]{24}\.svg$/);
		expect(site.file(href.slice(1))).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	});

	it('rebuilds from the cache without starting a browser', async () => {
		// A browser path that does not exist fails as soon as a render is needed; the warm
		// build passes only because every diagram comes from the cache.
		const warm = await buildSite(
			fixture('mermaid'),
			'mermaid-warm',
			{
				configFile: false,
				markdown: { processor: (await import('@astrojs/markdown-remark')).unified() },
				integrations: [
					(await import('@astrojs/mdx')).default(),
					(await import('astro-technical-plans')).default({
						mermaid: { browser: '/nonexistent/chromium' },
					}),
				],
			},
			{ cache: 'mermaid', keepCache: true },
		);
		expect(figures(warm.page('plans/all-types/index.html'))).toHaveLength(30);
	});
});

describe('Mermaid in the browser', () => {
	let browser: Browser;
	let stop: () => Promise<void>;
	let origin: string;
	beforeAll(async () => {
		({ origin, stop } = await previewSite(fixture('mermaid'), site.outDir));
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await stop?.();
	});

	for (const theme of ['light', 'dark'] as const) {
		it(`keeps text on an author's fill at 4.5:1 contrast or more (${theme})`, async () => {
			const page = await browser.newPage({ colorScheme: theme });
			await page.goto(`${origin}/plans/wide/#author-fills`);
			const figure = page
				.locator('figure.diagram-mermaid')
				.filter({ hasText: 'Mermaid diagram: Author fills' });
			const contrasts = await figure.locator('.diagram-canvas svg:visible').evaluate((svg) => {
				const rgb = (color: string) =>
					/rgba?\(([^)]+)\)/
						.exec(color)![1]!
						.split(/[\s,/]+/)
						.slice(0, 3)
						.map(Number);
				const luminance = (channels: number[]) => {
					const [r, g, b] = channels.map((value) =>
						value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4,
					);
					return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
				};
				return [...svg.querySelectorAll('g.node')].map((node) => {
					const label = [...node.querySelectorAll('foreignObject *, text')].find((element) =>
						[...element.childNodes].some(
							(child) => child.nodeType === 3 && child.textContent!.trim(),
						),
					)!;
					const [light, dark] = [
						luminance(rgb(getComputedStyle(node.querySelector('rect, path, polygon')!).fill)),
						luminance(rgb(getComputedStyle(label).color)),
					].sort((a, b) => b - a);
					return [label.textContent, Math.round(((light! + 0.05) / (dark! + 0.05)) * 10) / 10];
				});
			});
			expect(contrasts.map(([text]) => text)).toEqual([
				'Pale node',
				'Deep node',
				'Theme node',
				'Class node',
			]);
			for (const [text, ratio] of contrasts)
				expect(ratio, String(text)).toBeGreaterThanOrEqual(4.5);
			await page.close();
		});
	}

	it('sizes sequence-diagram boxes to their names in the font they are shown in', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}/plans/wide/#checkout-boxes`);
		const figure = page
			.locator('figure.diagram-mermaid')
			.filter({ hasText: 'Mermaid diagram: Checkout boxes' });
		const margins = await figure.locator('.diagram-canvas svg:visible').evaluate((svg) =>
			[...svg.querySelectorAll('rect.actor')].flatMap((rect) => {
				const text = rect.parentElement!.querySelector('text');
				if (!text) return [];
				const [box, label] = [rect.getBoundingClientRect(), text.getBoundingClientRect()];
				return [Math.min(label.left - box.left, box.right - label.right)];
			}),
		);
		expect(margins).toHaveLength(4);
		for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(4);
		await page.close();
	});

	it('switches to the dark drawing with the site theme toggle', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}/plans/all-types/#flowchart`);
		// A diagram drawn once: the same SVG, its colours from the dark rules of its sheet.
		const flowchart = page.locator('figure.diagram-mermaid').first();
		const nodeFill = () =>
			flowchart
				.locator('.mermaid-themed .node rect')
				.first()
				.evaluate((rect) => getComputedStyle(rect).fill);
		expect(await flowchart.locator('.mermaid-themed').isVisible()).toBe(true);
		const lightFill = await nodeFill();
		// A diagram drawn twice (colours on its elements): one SVG per theme.
		const pie = page.locator('figure.diagram-mermaid').filter({ hasText: 'Mermaid diagram: Pie' });
		expect(await pie.locator('.mermaid-light').isVisible()).toBe(true);
		expect(await pie.locator('.mermaid-dark').isVisible()).toBe(false);
		await page.locator('.theme-toggle').click();
		expect(await nodeFill()).not.toBe(lightFill);
		expect(await pie.locator('.mermaid-light').isVisible()).toBe(false);
		expect(await pie.locator('.mermaid-dark').isVisible()).toBe(true);
		await page.close();
	});

	for (const [width, theme] of [
		[390, 'light'],
		[1280, 'dark'],
	] as const) {
		it(`keeps a wide diagram's text at 12 px at ${width} px (${theme}): it scrolls sideways, says so, and scrolls from the keyboard`, async () => {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
			await page.goto(`${origin}/plans/wide/#order-flow`);
			const figure = page
				.locator('figure.diagram-mermaid')
				.filter({ hasText: 'Mermaid diagram: Order flow' });
			const sizes = await labelSizes(figure);
			expect(sizes.length).toBeGreaterThan(20);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
			expect(await scrollsSideways(figure)).toBe(true);
			// A named group in the tab order, whose name says it scrolls, and a hint anyone can see.
			const canvas = figure.getByRole('group', {
				name: 'Mermaid diagram: Order flow Scroll sideways',
			});
			await expect.poll(() => canvas.getAttribute('tabindex')).toBe('0');
			expect(await figure.locator('.diagram-scroll-hint').isVisible()).toBe(true);
			expect(await axeViolations(page, 'figure.diagram-mermaid')).toEqual([]);
			// Focused, it shows a ring all round, although its figure clips what is drawn outside it:
			// the top edge, corners left out, changes.
			const topEdge = async () => {
				const box = (await canvas.boundingBox())!;
				return page.screenshot({
					clip: { x: box.x + 20, y: box.y, width: box.width - 40, height: 2 },
				});
			};
			await canvas.focus();
			expect(await canvas.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
			const focused = await topEdge();
			await canvas.blur();
			expect((await topEdge()).equals(focused)).toBe(false);
			await canvas.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => canvas.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
			// "Open full size" stays.
			expect(await figure.locator('a.diagram-open:visible').count()).toBe(1);
			// On paper nothing scrolls: the drawing fits the page.
			await page.emulateMedia({ media: 'print' });
			expect(await scrollsSideways(figure)).toBe(false);
			await page.close();
		});

		it(`keeps a wide box drawing's text at 12 px at ${width} px (${theme}), scrolling sideways, and opens it full size in the page's theme`, async () => {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
			await page.goto(`${origin}/plans/wide/#service-map`);
			const figure = page
				.locator('figure.diagram-ascii')
				.filter({ hasText: 'Diagram: Service map' });
			const sizes = await labelSizes(figure);
			expect(sizes).toHaveLength(10);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
			expect(await scrollsSideways(figure)).toBe(true);
			await expect.poll(() => figure.locator('.diagram-canvas').getAttribute('tabindex')).toBe('0');
			// One "Open full size" shows: the drawing in the page's theme, in the page's colours.
			const open = figure.locator('a.diagram-open:visible');
			expect(await open.count()).toBe(1);
			const href = (await open.getAttribute('href'))!;
			expect(href.endsWith('-dark.svg')).toBe(theme === 'dark');
			const standalone = await (await fetch(`${origin}${href}`)).text();
			expect(standalone).toContain(
				theme === 'dark' ? 'background-color:#0d1117' : 'background-color:#ffffff',
			);
			await page.close();
		});

		it(`leaves a diagram that fits as it is at ${width} px: no scrolling, no hint, no tab stop`, async () => {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
			await page.goto(`${origin}/plans/wide/#order-states`);
			const figure = page
				.locator('figure.diagram-mermaid')
				.filter({ hasText: 'Mermaid diagram: Order states' });
			await figure.scrollIntoViewIfNeeded();
			// Size changes are reported before the next frame is painted.
			await page.evaluate(
				() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
			);
			expect(await scrollsSideways(figure)).toBe(false);
			expect(await figure.locator('.diagram-canvas').getAttribute('tabindex')).toBeNull();
			expect(await figure.locator('.diagram-scroll-hint').count()).toBe(0);
			await page.close();
		});
	}

	it('makes the box of a table wider than the column a named tab stop that scrolls from the keyboard, and leaves one that fits alone', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
		await page.goto(`${origin}/plans/wide/#regions`);
		const wide = page.locator('.heading-wrapper:has(#regions) + .table-scroll');
		const fits = page.locator('.heading-wrapper:has(#owners) + .table-scroll');
		await wide.scrollIntoViewIfNeeded();
		await expect.poll(() => wide.getAttribute('tabindex')).toBe('0');
		expect(await page.getByRole('region', { name: 'Table' }).count()).toBe(1);
		await wide.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => wide.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);

		await fits.scrollIntoViewIfNeeded();
		await page.evaluate(
			() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
		);
		expect(await fits.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(false);
		expect(await fits.getAttribute('tabindex')).toBeNull();
		expect(await fits.getAttribute('role')).toBeNull();
		// At a width where it fits, the wide table is no tab stop either.
		await page.setViewportSize({ width: 2400, height: 900 });
		await expect.poll(() => wide.getAttribute('tabindex')).toBeNull();
		await page.close();
	});
});
