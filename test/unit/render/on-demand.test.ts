import type { AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMermaid } from '#plans/diagrams/mermaid/validate.ts';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { RenderedHtmlFiles } from '#plans/render/html-files.ts';
import { OnDemandPlans, type PlanVersion } from '#plans/render/on-demand.ts';
import { renderPlanSource } from '#plans/render/read-and-render.ts';
import type { PlanRenderer } from '#plans/markdown/types.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

let folder: string;
let htmlFiles: RenderedHtmlFiles;
let renders: string[];
let logged: string[];
let plans: OnDemandPlans;

/**
 * Plans with the real renderer, in this thread; `renders` records what was rendered, in order.
 * Each render first waits for `beforeRender`, if given.
 */
function onDemandPlans(
	renderer: Promise<PlanRenderer>,
	beforeRender?: () => Promise<void>,
): OnDemandPlans {
	const logger = {
		info: (line: string) => logged.push(line),
		warn: (line: string) => logged.push(line),
		error: (line: string) => logged.push(line),
	} as unknown as AstroIntegrationLogger;
	return new OnDemandPlans({
		htmlFiles,
		renderer: {
			render: async (absolute, source) => {
				renders.push(source.split('\n')[2]!);
				await beforeRender?.();
				return (await renderPlanSource(absolute, source, true, () => renderer)).html;
			},
			checkMermaid: (sources) => Promise.all(sources.map((source) => parseMermaid(source))),
			warmUp: () => renderer,
			close: async () => {},
		},
		// No browser: the diagrams stay for the reader's browser, and nothing here waits for Chromium.
		mermaid: { cacheDir: join(folder, 'mermaid'), browser: false, severity: 'error' },
		logger,
	});
}

/** Version `n` of plan `id`: its first paragraph names it. */
function version(id: string, n: number, body = 'Some text.'): PlanVersion {
	const source = `# ${id}\n\nVersion ${n} of ${id}.\n\n${body}\n`;
	const { data } = parsePlan({ raw: source, file: `plans/${id}.md`, path: `${id}.md` });
	return { id, digest: `${id}-${n}`, absolute: join(folder, `${id}.md`), source, data };
}

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'plans-on-demand-'));
	htmlFiles = new RenderedHtmlFiles(join(folder, 'html'));
	renders = [];
	logged = [];
	plans = onDemandPlans(createPlanRenderer(defaultRenderSettings(folder, join(folder, 'mermaid'))));
});

afterEach(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('OnDemandPlans', () => {
	it('renders a version on its first request, once however many ask, and keeps its HTML', async () => {
		plans.remember(version('orders', 1));
		expect(htmlFiles.has('orders-1')).toBe(false);
		const [first, second] = await Promise.all([
			plans.body('orders', 'orders-1'),
			plans.body('orders', 'orders-1'),
		]);
		expect(first.html).toContain('<p>Version 1 of orders.</p>');
		expect(second).toBe(first);
		expect(htmlFiles.read('orders-1')).toBe(first.html);
		await plans.body('orders', 'orders-1');
		expect(renders).toEqual(['Version 1 of orders.']);
	});

	it('keeps the last three versions of a plan, and answers an older one with the newest', async () => {
		for (let n = 1; n <= 4; n++) {
			plans.remember(version('orders', n));
			await plans.body('orders', `orders-${n}`);
		}
		expect(
			['orders-1', 'orders-2', 'orders-3', 'orders-4'].map((digest) => htmlFiles.has(digest)),
		).toEqual([false, true, true, true]);
		expect(plans.digests()).toEqual(['orders-2', 'orders-3', 'orders-4']);
		expect(plans.newest('orders')?.digest).toBe('orders-4');
		expect((await plans.body('orders', 'orders-1')).html).toContain('Version 4 of orders.');
		expect((await plans.body('orders', 'orders-2')).html).toContain('Version 2 of orders.');
	});

	it('answers a page asking twice from memory, without reading its file again', async () => {
		plans.remember(version('orders', 1));
		const first = await plans.body('orders', 'orders-1');
		htmlFiles.remove('orders-1');
		expect(await plans.body('orders', 'orders-1')).toBe(first);
		expect(renders).toEqual(['Version 1 of orders.']);
	});

	it('renders again, never fails, when the HTML file of a version is gone', async () => {
		plans.remember(version('orders', 1));
		plans.remember(version('refunds', 1));
		await plans.body('orders', 'orders-1');
		// Another page since, so that the next answer is not the one kept in memory.
		await plans.body('refunds', 'refunds-1');
		htmlFiles.remove('orders-1');
		expect((await plans.body('orders', 'orders-1')).html).toContain('Version 1 of orders.');
		expect(renders.filter((line) => line.includes('orders'))).toEqual([
			'Version 1 of orders.',
			'Version 1 of orders.',
		]);
	});

	it('forgets a deleted plan and its files, and says so when it is asked for', async () => {
		plans.remember(version('orders', 1));
		await plans.body('orders', 'orders-1');
		plans.forget('orders');
		expect(existsSync(join(folder, 'html', 'orders-1.html'))).toBe(false);
		expect(plans.newest('orders')).toBeUndefined();
		await expect(plans.body('orders', 'orders-1')).rejects.toThrow(
			'No plan "orders" is known to astro dev; was its file removed?',
		);
	});

	it('answers a plan with undrawn diagrams at once, with their syntax errors, and keeps that HTML only until they are drawn', async () => {
		plans.remember(
			version(
				'flows',
				1,
				'```mermaid\nflowchart LR\n  A --> B\n```\n\n```mermaid\nflowchart LR\n  A -->\n```',
			),
		);
		const early = await plans.body('flows', 'flows-1');
		expect(
			early.problems.map((problem) => [
				problem.line,
				problem.severity,
				problem.message.split(':')[0],
			]),
		).toEqual([[12, 'error', 'Mermaid syntax error']]);
		expect(early.html).toContain('class="mermaid-source"');
		expect(await plans.body('flows', 'flows-1')).toBe(early);
		expect(htmlFiles.has('flows-1')).toBe(false);

		// Drawn once the server is idle (here: left to the reader's browser, there is no browser),
		// the next request gets HTML that is kept.
		await expect.poll(async () => (await plans.body('flows', 'flows-1')) !== early).toBe(true);
		expect(htmlFiles.has('flows-1')).toBe(true);
		expect(logged.filter((line) => line.includes('error Mermaid syntax error'))).toHaveLength(1);
	});

	it('answers with the drawn body once its diagrams are drawn, even if they were drawn before the early body was rendered', async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		plans = onDemandPlans(
			createPlanRenderer(defaultRenderSettings(folder, join(folder, 'mermaid'))),
			() => (renders.length === 1 ? held : Promise.resolve()),
		);
		plans.remember(version('flows', 1, '```mermaid\nflowchart LR\n  A --> B\n```'));
		// Left by a session that could not draw them: removed once they are drawn.
		htmlFiles.write('flows-1', '<p>Undrawn.</p>');
		const asked = plans.body('flows', 'flows-1');
		await expect.poll(() => htmlFiles.has('flows-1'), { timeout: 10_000 }).toBe(false);
		release();
		const early = await asked;
		expect(early.html).toContain('class="mermaid-source"');
		const drawn = await plans.body('flows', 'flows-1');
		expect(drawn).not.toBe(early);
		expect(htmlFiles.read('flows-1')).toBe(drawn.html);
		expect(renders).toEqual(['Version 1 of flows.', 'Version 1 of flows.']);
	});

	it('draws diagrams only once no request is being answered', async () => {
		const answered = plans.requestStarted();
		plans.remember(version('flows', 1, '```mermaid\nflowchart LR\n  A --> B\n```'));
		const early = await plans.body('flows', 'flows-1');
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(await plans.body('flows', 'flows-1')).toBe(early);
		answered();
		await expect
			.poll(async () => (await plans.body('flows', 'flows-1')) !== early, { timeout: 3000 })
			.toBe(true);
	});
});
