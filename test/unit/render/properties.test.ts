import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import type { PlanRenderer, RenderSettings } from '#plans/render/types.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';
import { randomPlan } from '../../helpers/random-plans.ts';

let renderer: PlanRenderer;
let plansDir: string;

beforeAll(async () => {
	plansDir = await mkdtemp(join(tmpdir(), 'plans-render-properties-'));
	const settings: RenderSettings = defaultRenderSettings(plansDir, join(plansDir, '.mermaid'));
	renderer = await createPlanRenderer(settings);
});

describe('rendering hostile plans', () => {
	it('never throws', async () => {
		await fc.assert(
			fc.asyncProperty(randomPlan(), async ({ raw }) => {
				const absolute = join(plansDir, 'p.md');
				const { tree } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md', fileExists: () => false });
				const { html } = await renderer.render(tree, absolute);
				expect(typeof html).toBe('string');
			}),
			{ numRuns: 400 },
		);
	});
});
