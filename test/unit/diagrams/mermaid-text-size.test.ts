import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import { renderMermaid } from '#plans/diagrams/mermaid/render.ts';
import { measureTextSize, readableWidth, viewBoxWidth } from '#plans/diagrams/mermaid/text-size.ts';
import { chromiumPath, launchChromium } from '../../helpers/chromium.ts';

// Text sizes come from layout, so they are measured in a real Chromium.
let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage();
});
afterAll(async () => browser?.close());

/** measureTextSize of an SVG shown in a page, here drawn at half its viewBox width. */
async function measure(body: string, viewBox = '0 0 400 100'): Promise<number | undefined> {
	await page.setContent(
		`<!doctype html><svg width="200" viewBox="${viewBox}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`,
	);
	return page.evaluate(`(${measureTextSize.toString()})(document.querySelector('svg'))`);
}

/** A `<text>` of `characters` characters at `size` pixels. */
const text = (size: number, characters: number) =>
	`<text style="font-size:${size}px">${'x'.repeat(characters)}</text>`;

describe('the size of a drawing’s text', () => {
	it('is measured in the drawing’s own units, however large it is shown', async () => {
		expect(await measure(text(16, 10))).toBe(16);
	});

	it('follows the transforms around the text, and the size HTML labels get from their styles', async () => {
		expect(await measure(`<g transform="scale(0.5)">${text(20, 10)}</g>`)).toBe(10);
		const label =
			'<foreignObject width="300" height="50" transform="scale(2)"><div xmlns="http://www.w3.org/1999/xhtml" style="font-size:14px">An HTML label</div></foreignObject>';
		expect(await measure(label)).toBe(28);
	});

	it('is the largest size four fifths of the characters reach', async () => {
		expect(await measure(text(16, 80) + text(10, 20))).toBe(16);
		expect(await measure(text(16, 70) + text(10, 30))).toBe(10);
		expect(await measure(text(18, 10) + text(16, 70) + text(10, 20))).toBe(16);
	});

	it('leaves out text that is not drawn: style sheets, titles and hidden labels', async () => {
		const hidden = `<style>text{fill:red}</style><title>A long title nobody sees drawn</title><text style="display:none;font-size:4px">${'x'.repeat(50)}</text>`;
		expect(await measure(hidden + text(16, 5))).toBe(16);
		expect(await measure('<rect width="10" height="10"/>')).toBeUndefined();
	});

	it('is kept with each render: a sequence diagram’s text is 16 px, a Gantt chart’s mostly 10 px', async () => {
		const sources = [
			'sequenceDiagram\n  Client->>API: POST /orders\n  API-->>Client: 201 Created',
			'gantt\n  dateFormat YYYY-MM-DD\n  section Build\n  API :a1, 2024-01-01, 30d\n  Web :after a1, 20d',
		];
		const results = await renderMermaid(
			sources.map((source) => ({ key: mermaidKey(source), source })),
			{ executablePath: chromiumPath() },
		);
		expect(
			results.map((result) => ('render' in result ? result.render.textSize : result.error)),
		).toEqual([16, 10]);
	});
});

describe('the narrowest a drawing is shown', () => {
	it('keeps 16 px text at 12 px: three quarters of its width, rounded up', () => {
		expect(readableWidth(1384, 16)).toBe(1038);
		expect(readableWidth(1056.5, 16)).toBe(793);
	});

	it('is never wider than the drawing: small text is not enlarged', () => {
		expect(readableWidth(1264, 10)).toBe(1264);
	});

	it('is not set for a drawing without text or of unknown width', () => {
		expect(readableWidth(500, undefined)).toBeUndefined();
		expect(readableWidth(undefined, 16)).toBeUndefined();
	});

	it('reads the width from the viewBox of an SVG’s markup', () => {
		expect(
			viewBoxWidth(
				'<svg id="m1-light" width="100%" style="max-width: 1384px;" viewBox="-50 -10 1384 565"><text>…</text></svg>',
			),
		).toBe(1384);
		expect(viewBoxWidth('<svg viewBox="0,0,754.42578125,1110"></svg>')).toBe(754.42578125);
		expect(viewBoxWidth('<svg width="300" height="200"><text>…</text></svg>')).toBeUndefined();
		// Only the drawing's own: not that of an icon inside it.
		expect(viewBoxWidth('<svg width="300"><svg viewBox="0 0 24 24"></svg></svg>')).toBeUndefined();
	});
});
