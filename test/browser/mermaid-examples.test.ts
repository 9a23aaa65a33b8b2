import { diagramData } from '@mermaid-js/examples';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import { type MermaidCheck, parseMermaid } from '#plans/diagrams/mermaid/validate.ts';
import { renderMermaid } from '#plans/diagrams/mermaid/render.ts';
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
	});
});
