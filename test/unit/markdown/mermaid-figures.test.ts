import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MermaidCache, type MermaidRender } from '#plans/diagrams/mermaid/cache.ts';
import { drawingId, mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/mermaid-figures-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The page markup of a plan with one Mermaid fence whose render the cache holds. */
async function figureFor(source: string, render: (key: string) => MermaidRender): Promise<Element> {
	const settings = defaultRenderSettings(join(folder, 'plans'), join(folder, 'mermaid'));
	const key = mermaidKey(source);
	new MermaidCache(settings.context.mermaidCacheDir).set(key, render(key));
	const renderer = await createPlanRenderer(settings);
	const { html } = await renderer.render(
		parseMarkdown(`## Flow\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`),
		join(folder, 'plans', 'plan.md'),
	);
	return new JSDOM(html).window.document.querySelector('figure.diagram-mermaid')!;
}

/** A render shaped like Mermaid's: 1384 units wide, its colours in a style sheet or on its elements. */
const svg = (key: string, theme: 'light' | 'dark', fill: string, onElements: boolean) =>
	`<svg id="${drawingId(key, theme)}" width="100%" style="max-width: 1384px;" viewBox="-50 -10 1384 565"><style>#${drawingId(key, theme)}{fill:${onElements ? '#333' : fill};}</style><rect fill="${onElements ? fill : 'none'}"/><text>API</text></svg>`;

describe('a Mermaid figure', () => {
	it('sets the narrowest its drawing is shown with 12 px text, on the drawing for both themes', async () => {
		const figure = await figureFor('flowchart LR\n  A --> B', (key) => ({
			light: svg(key, 'light', '#333', false),
			dark: svg(key, 'dark', '#ccc', false),
			textSize: 16,
		}));
		const drawings = figure.querySelectorAll('.diagram-canvas > div');
		expect(
			[...drawings].map((drawing) => [drawing.className, drawing.getAttribute('style')]),
		).toEqual([['mermaid-themed', '--diagram-min-width:1038px']]);
	});

	it('sets it on each drawing when the light and dark drawings are apart', async () => {
		const figure = await figureFor('flowchart LR\n  B --> C', (key) => ({
			light: svg(key, 'light', '#fff', true),
			dark: svg(key, 'dark', '#000', true),
			textSize: 20,
		}));
		const drawings = figure.querySelectorAll('.diagram-canvas > div');
		expect(
			[...drawings].map((drawing) => [drawing.className, drawing.getAttribute('style')]),
		).toEqual([
			['mermaid-light', '--diagram-min-width:831px'],
			['mermaid-dark', '--diagram-min-width:831px'],
		]);
	});

	it('sets none for a drawing without text, which may shrink as far as the column does', async () => {
		const figure = await figureFor('flowchart LR\n  C --> D', (key) => ({
			light: svg(key, 'light', '#333', false),
			dark: svg(key, 'dark', '#ccc', false),
		}));
		expect(figure.querySelector('.mermaid-themed')!.hasAttribute('style')).toBe(false);
		// "Open full size" stays.
		expect(figure.querySelector('a.diagram-open')!.textContent).toBe('Open full size');
	});
});
