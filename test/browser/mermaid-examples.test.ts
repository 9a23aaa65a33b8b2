import { diagramData } from '@mermaid-js/examples';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawingId, mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import { type MermaidCheck, parseMermaid } from '#plans/diagrams/mermaid/validate.ts';
import type { MermaidRender } from '#plans/diagrams/mermaid/cache.ts';
import { renderMermaid } from '#plans/diagrams/mermaid/render.ts';
import { themedSvgs } from '#plans/diagrams/mermaid/themes.ts';
import { usedRulesOnly } from '#plans/diagrams/mermaid/used-rules.ts';
import { withoutUnusedDefinitions } from '#plans/diagrams/mermaid/unused-definitions.ts';
import { chromiumPath, launchChromium } from '../helpers/chromium.ts';

const require = createRequire(import.meta.url);

interface Diagram {
	/** Where it comes from: the example's diagram type, or `features.md`. */
	from: string;
	source: string;
}

/** Every example Mermaid publishes for every diagram type, and our own for what they lack. */
const features = readFileSync(
	new URL('../fixtures/mermaid-syntax/features.md', import.meta.url),
	'utf8',
);
const diagrams: Diagram[] = [
	...diagramData.flatMap((type) =>
		type.examples.map((example) => ({ from: type.id, source: example.code })),
	),
	...[...features.matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((match) => ({
		from: 'features.md',
		source: match[1]!.replace(/\n$/, ''),
	})),
];

let browser: Browser;
/** What `mermaid.parse` in Chromium says of each diagram: `null` when it parses. */
let inChromium: Array<string | null>;
/** What the build-time check says of each. */
let ours: MermaidCheck[];
let checkMs: number;
/** The drawings of every valid example, light and dark. */
let drawn: Array<{ key: string; render: MermaidRender }> = [];
/** What a reader sees of an SVG element: its colours, strokes, text, shadows and markers. */
const SEEN_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linecap',
	'stroke-linejoin',
	'color',
	'background-color',
	'border-color',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-decoration-line',
	'text-anchor',
	'dominant-baseline',
	'display',
	'visibility',
	'filter',
	'flood-color',
	'stop-color',
	'marker-start',
	'marker-end',
	'animation-name',
	'line-height',
	'text-align',
];

beforeAll(async () => {
	browser = await launchChromium();
	const page = await browser.newPage();
	await page.setContent('<!doctype html><html><body></body></html>');
	await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
	inChromium = await page.evaluate(
		async (sources) => {
			const { mermaid } = window as unknown as { mermaid: typeof import('mermaid').default };
			mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
			const said: Array<string | null> = [];
			for (const source of sources)
				said.push(
					await mermaid.parse(source).then(
						() => null,
						(error: Error) => String(error.message ?? error),
					),
				);
			return said;
		},
		diagrams.map((diagram) => diagram.source),
	);
	const started = performance.now();
	ours = [];
	for (const diagram of diagrams) ours.push(await parseMermaid(diagram.source));
	checkMs = performance.now() - started;
});

afterAll(async () => {
	await browser?.close();
});

describe('Mermaid’s own examples, and the features they lack', () => {
	it('are many: every example of every diagram type, and our own', () => {
		expect(diagramData.length).toBeGreaterThanOrEqual(30);
		expect(
			diagrams.filter((diagram) => diagram.from === 'features.md').length,
		).toBeGreaterThanOrEqual(21);
	});

	it('are never called an error by the build-time check when Mermaid in Chromium parses them', () => {
		const called = diagrams.flatMap((diagram, index) =>
			inChromium[index] === null && ours[index] !== undefined
				? [`${diagram.from}: ${JSON.stringify(ours[index])}`]
				: [],
		);
		expect(called).toEqual([]);
	});

	it('are errors for the check only where Mermaid in Chromium finds one too, and a plugin diagram says which plugin', () => {
		const broken = diagrams.flatMap((diagram, index) =>
			inChromium[index] === null
				? []
				: [{ from: diagram.from, chromium: inChromium[index], ours: ours[index] }],
		);
		expect(broken).toEqual([
			{
				from: 'features.md',
				chromium: expect.stringContaining('No diagram type detected'),
				ours: expect.objectContaining({
					kind: 'plugin',
					message: expect.stringContaining('@mermaid-js/mermaid-zenuml'),
				}),
			},
		]);
		const valid = diagrams.length - broken.length;
		console.log(
			`Mermaid examples and features: ${diagrams.length} diagrams, ${valid} valid in Chromium, ${broken.length} not drawable (${broken.map(({ ours }) => ours?.kind).join(', ')}); build-time check ${Math.round(checkMs)} ms in all`,
		);
	});

	it('are each drawn, light and dark, when Mermaid in Chromium parses them', async () => {
		const valid = diagrams.filter((_, index) => inChromium[index] === null);
		const results = await renderMermaid(
			valid.map((diagram) => ({ key: mermaidKey(diagram.source), source: diagram.source })),
			{ executablePath: chromiumPath() },
		);
		const failed = results.flatMap((result, index) =>
			'error' in result ? [`${valid[index]!.from}: ${result.error.split('\n')[0]}`] : [],
		);
		expect(failed).toEqual([]);
		console.log(`Drawn: ${results.length} of ${valid.length}`);
		drawn = results.flatMap((result) => ('render' in result ? [result] : []));
	});

	it('look, as one drawing for both themes, exactly like their light and dark renders', async () => {
		const page = await browser.newPage();
		/** The computed style of every element of the page's drawing, in the site's `theme`. */
		const looks = async (svg: string, theme: 'light' | 'dark') => {
			await page.setContent(
				`<!doctype html><html data-theme="${theme}"><body>${svg}</body></html>`,
			);
			return page.evaluate(
				(properties) =>
					[...document.querySelectorAll('svg *')].map((element) => {
						const style = getComputedStyle(element);
						return properties.map((property) => style.getPropertyValue(property)).join('|');
					}),
				SEEN_PROPERTIES,
			);
		};
		let combined = 0;
		const differing: string[] = [];
		for (const { key, render } of drawn) {
			const themed = themedSvgs(render, key);
			if (!('both' in themed)) continue;
			combined++;
			for (const theme of ['light', 'dark'] as const) {
				// References name the drawing's ids (`marker-end: url(#m…-dark_arrow)`): the same markers.
				const expected = (await looks(render[theme], theme)).map((look) =>
					look.replaceAll(drawingId(key, 'dark'), drawingId(key, 'light')),
				);
				const shown = await looks(themed.both, theme);
				// The dark-only gradients come after the drawing: compare the drawing's own elements.
				const at = expected.findIndex((look, index) => shown[index] !== look);
				if (at >= 0)
					differing.push(`${key} (${theme}), element ${at}: ${expected[at]} ≠ ${shown[at]}`);
			}
		}
		await page.close();
		expect(differing).toEqual([]);
		// 42 of the 99 examples are one drawing for both themes today.
		expect(combined).toBeGreaterThanOrEqual(40);
	});
});

describe('Mermaid’s drawings cut to the rules and definitions they use', () => {
	it('look exactly as whole, element for element and pixel for pixel, for every valid example, and weigh less', async () => {
		const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
		await page.setContent('<!doctype html><html><body><div id="holder"></div></body></html>');
		await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
		await page.addScriptTag({
			content: `window.usedRulesOnly = ${usedRulesOnly.toString()}; window.withoutUnusedDefinitions = ${withoutUnusedDefinitions.toString()};`,
		});
		await page.evaluate(() =>
			(window as unknown as { mermaid: typeof import('mermaid').default }).mermaid.initialize({
				startOnLoad: false,
				securityLevel: 'strict',
			}),
		);
		/** Shows `markup` and returns the computed style of each element drawn (not definitions, drawn where named). */
		const looks = (markup: string) =>
			page.evaluate(
				({ markup, properties }) => {
					const holder = document.getElementById('holder')!;
					holder.innerHTML = markup;
					return [...holder.querySelectorAll('svg *')]
						.filter(
							(element) =>
								!element.closest(
									'defs, marker, symbol, filter, linearGradient, radialGradient, pattern, clipPath, mask',
								),
						)
						.map((element) => {
							const style = getComputedStyle(element);
							return properties.map((property) => style.getPropertyValue(property)).join('|');
						});
				},
				{ markup, properties: SEEN_PROPERTIES },
			);
		const valid = diagrams.filter((_, index) => inChromium[index] === null);
		const differing: string[] = [];
		let whole = 0;
		let cut = 0;
		let lighter = 0;
		for (const [index, diagram] of valid.entries()) {
			const drawing = await page.evaluate(
				async ({ index, source }) => {
					const { mermaid } = window as unknown as { mermaid: typeof import('mermaid').default };
					return (await mermaid.render(`example-${index}`, source)).svg;
				},
				{ index, source: diagram.source },
			);
			const wholeLooks = await looks(drawing);
			const wholePixels = await page.locator('#holder').screenshot();
			const cutDrawing = await page.evaluate((markup) => {
				const { usedRulesOnly: rules, withoutUnusedDefinitions: definitions } =
					window as unknown as {
						usedRulesOnly: typeof usedRulesOnly;
						withoutUnusedDefinitions: typeof withoutUnusedDefinitions;
					};
				return definitions(rules(markup, document.querySelector('#holder svg')!));
			}, drawing);
			const cutLooks = await looks(cutDrawing);
			const at = wholeLooks.findIndex((look, element) => cutLooks[element] !== look);
			if (at >= 0 || wholeLooks.length !== cutLooks.length)
				differing.push(`${diagram.from}, element ${at}: ${wholeLooks[at]} ≠ ${cutLooks[at]}`);
			if (!(await page.locator('#holder').screenshot()).equals(wholePixels))
				differing.push(`${diagram.from}: pixels differ`);
			whole += drawing.length;
			cut += cutDrawing.length;
			if (cutDrawing.length < drawing.length) lighter++;
		}
		await page.close();
		expect(differing).toEqual([]);
		console.log(`Drawings cut to what they use: ${cut} bytes, against ${whole} whole`);
		expect(lighter).toBeGreaterThan(valid.length * 0.9);
	});
});
