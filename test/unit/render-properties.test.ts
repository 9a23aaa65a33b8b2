import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { type MarkdownRenderer, type RenderSettings, renderPlanTree } from '#plans/render/renderer.ts';
import { randomPlan } from '../helpers/random-plans.ts';

let renderer: MarkdownRenderer;
let plansDir: string;

beforeAll(async () => {
	plansDir = await mkdtemp(join(tmpdir(), 'plans-render-properties-'));
	const settings: RenderSettings = {
		context: { plansDir, mermaidCacheDir: join(plansDir, '.mermaid'), showDiagramErrors: false, base: '/', trailingSlash: 'ignore', sanitize: true },
		renderer: {
			syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
			shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false, langs: [], langAlias: {}, wrap: false, transformers: [] },
			gfm: true,
			smartypants: false,
		} as unknown as RenderSettings['renderer'],
	};
	renderer = await createPlanRenderer(settings);
});

describe('rendering hostile plans', () => {
	it('never throws', async () => {
		await fc.assert(
			fc.asyncProperty(randomPlan(), async ({ raw }) => {
				const absolute = join(plansDir, 'p.md');
				const { tree } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md', fileExists: () => false });
				const { html } = await renderPlanTree(renderer, absolute, tree);
				expect(typeof html).toBe('string');
			}),
			{ numRuns: 400 },
		);
	});
});
