import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MermaidCache } from '#plans/diagrams/mermaid/cache.ts';
import { type PlanSource, readAndRender } from '#plans/render/read-and-render.ts';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import type { RenderSettings } from '#plans/markdown/types.ts';
import { defaultRenderSettings } from '../helpers/render-settings.ts';
import { renderThreadCount, RenderThreads } from '#plans/render/thread-pool.ts';

const fixturePlans = fileURLToPath(new URL('../fixtures/facts/plans/', import.meta.url));
const template = fileURLToPath(new URL('../fixtures/template/technical-plan.md', import.meta.url));

let settings: RenderSettings;
let threads: RenderThreads;

beforeAll(async () => {
	settings = defaultRenderSettings(fixturePlans, await mkdtemp(join(tmpdir(), 'plans-threads-')));
	threads = new RenderThreads(2, settings);
});
afterAll(() => threads.close());

function planSource(absolute: string, path: string): PlanSource {
	return {
		absolute,
		path,
		file: `plans/${path}`,
		raw: readFileSync(absolute, 'utf8'),
		sanitize: true,
		verifyDrawings: true,
	};
}

describe('render threads', () => {
	it('read and render a plan exactly as the build thread does', async () => {
		const renderer = createPlanRenderer(settings);
		const cache = new MermaidCache(settings.context.mermaidCacheDir);
		const plans = [
			planSource(join(fixturePlans, 'ledger.md'), 'ledger.md'),
			planSource(template, 'template.md'),
		];
		const inThreads = await Promise.all(plans.map((plan) => threads.read(plan)));
		for (const [index, plan] of plans.entries()) {
			const here = await readAndRender(plan, () => renderer, cache);
			expect(here.rendered?.html.length).toBeGreaterThan(10_000);
			expect(inThreads[index]).toEqual(here);
		}
	});

	it('render a plan that waited for its Mermaid diagrams from its source', async () => {
		const plan = planSource(template, 'template.md');
		const read = await threads.read(plan);
		const rendered = await threads.render(plan.absolute, read.source, true);
		expect(rendered).toEqual(read.rendered);
	});

	it('sanitise a plan rendered from its source as the read sanitised it, unless told not to', async () => {
		const source = '# Plan\n\n<p onclick="x()">Hello</p>\n\n<script>steal()</script>\n';
		const absolute = join(fixturePlans, 'hostile.md');
		const sanitised = await threads.render(absolute, source, true);
		expect(sanitised.html).toContain('<p>Hello</p>');
		expect(sanitised.html).not.toMatch(/onclick|<script|steal/);
		expect((await threads.render(absolute, source, false)).html).toContain(
			'<script>steal()</script>',
		);
	});

	it('report a thread that cannot start, so the build renders in its own thread', async () => {
		const broken = new RenderThreads(1, {
			...settings,
			context: undefined,
		} as unknown as RenderSettings);
		await expect(broken.read(planSource(template, 'template.md'))).rejects.toThrow();
		expect(broken.failed).toBe(true);
		await broken.close();
	});
});

describe('renderThreadCount', () => {
	it('starts one thread per core for many plans, none for a few or on one core', () => {
		expect(renderThreadCount(undefined, 100, { cores: 2 })).toBe(2);
		expect(renderThreadCount(undefined, 100, { cores: 8 })).toBe(8);
		expect(renderThreadCount(undefined, 15, { cores: 8 })).toBe(0);
		expect(renderThreadCount(undefined, 100, { cores: 1 })).toBe(0);
	});

	it('starts threads only for many more plans when their data alone is read (astro dev)', () => {
		expect(renderThreadCount(undefined, 100, { work: 'read', cores: 2 })).toBe(0);
		expect(renderThreadCount(undefined, 1000, { work: 'read', cores: 2 })).toBe(2);
		expect(renderThreadCount(2, 100, { work: 'read', cores: 2 })).toBe(2);
	});

	it('follows the renderThreads option, never starting more threads than plans', () => {
		expect(renderThreadCount(1, 500, { cores: 8 })).toBe(0);
		expect(renderThreadCount(4, 3, { cores: 2 })).toBe(3);
		expect(renderThreadCount(2, 1, { cores: 2 })).toBe(0);
	});
});
