import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.ts';
import type { MermaidRender } from './cache.ts';
import { drawingId, MERMAID_THEMES } from './key.ts';
import { readableLabels } from './contrast.ts';
import { measureTextSize } from './text-size.ts';
import { usedRulesOnly } from './used-rules.ts';
import { withoutUnusedDefinitions } from './unused-definitions.ts';

const require = createRequire(import.meta.url);

export interface MermaidJob {
	/** Cache key; also the id mermaid gives the SVG, so ids never collide between diagrams. */
	key: string;
	source: string;
}

/**
 * A diagram's light and dark SVG, or why there is none. `lostPage` says its page was given
 * up: the render passed the time limit (`'timeout'`) or the page died with it (`'crash'`).
 */
export type MermaidResult =
	| { key: string; render: MermaidRender }
	| { key: string; error: string; lostPage?: 'timeout' | 'crash' };

/** Diagrams per unit of work for a page: large enough to share them evenly, small enough to report progress. */
const BATCH_SIZE = 25;

/** How long one diagram (its light and dark render) may take before it is stopped, in milliseconds. */
const DEFAULT_MERMAID_TIMEOUT = 20_000;

export interface RenderMermaidOptions {
	executablePath: string;
	/** Time limit per diagram in milliseconds; {@link DEFAULT_MERMAID_TIMEOUT} by default. */
	timeout?: number;
	onProgress?: (done: number, total: number) => void;
}

/**
 * Renders diagrams with the real mermaid in one headless Chromium: the browser starts once
 * per build and the diagrams go through one page per core, in batches.
 * Each diagram is rendered twice, with the light and the dark theme, because mermaid's
 * themes change more than colours and it does not accept CSS variables as theme colours.
 * A diagram that takes longer than the time limit is stopped and reported: its page may be
 * stuck for good, so it is closed and the next diagrams get a new one.
 */
export async function renderMermaid(
	jobs: MermaidJob[],
	{ executablePath, ...options }: RenderMermaidOptions,
): Promise<MermaidResult[]> {
	if (jobs.length === 0) return [];
	// A build whose diagrams are all cached never gets here, and starts no browser.
	const browser = await MermaidBrowser.launch(executablePath);
	try {
		return await browser.render(jobs, options);
	} finally {
		await browser.close();
	}
}

/**
 * A headless Chromium with pages that have mermaid loaded, kept between renders: `astro dev`
 * draws a plan's diagrams when its page is requested, and a browser already there draws them
 * in a fraction of the time a new one takes to start.
 */
export class MermaidBrowser {
	readonly #browser: Browser;
	/** Pages with mermaid loaded, free for the next render. */
	readonly #pages: Page[] = [];

	private constructor(browser: Browser) {
		this.#browser = browser;
	}

	static async launch(executablePath: string): Promise<MermaidBrowser> {
		const { chromium } = await import('playwright-core');
		return new MermaidBrowser(
			await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }),
		);
	}

	/** Opens the first page ahead of time, so that the first render does not wait for mermaid to load. */
	async warmUp(): Promise<void> {
		if (this.#pages.length === 0) this.#pages.push(await openMermaidPage(this.#browser));
	}

	async render(
		jobs: MermaidJob[],
		{ timeout = DEFAULT_MERMAID_TIMEOUT, onProgress }: Omit<RenderMermaidOptions, 'executablePath'>,
	): Promise<MermaidResult[]> {
		// One page per core, each in its own context (its own renderer process), so layout runs in parallel.
		const pageCount = Math.max(
			1,
			Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH_SIZE)),
		);
		const pages = await Promise.all(
			Array.from({ length: pageCount }, () => this.#pages.pop() ?? openMermaidPage(this.#browser)),
		);
		const batches: MermaidJob[][] = [];
		for (let start = 0; start < jobs.length; start += BATCH_SIZE)
			batches.push(jobs.slice(start, start + BATCH_SIZE));
		const results = new Map<string, MermaidResult>();
		let done = 0;
		await Promise.all(
			pages.map(async (first) => {
				let page = first;
				for (let batch = batches.shift(); batch; batch = batches.shift()) {
					for (const job of batch) {
						const result = await renderWithin(page, job, timeout);
						results.set(job.key, result);
						if ('error' in result && result.lostPage) page = await replacePage(this.#browser, page);
					}
					done += batch.length;
					onProgress?.(done, jobs.length);
				}
				this.#pages.push(page);
			}),
		);
		return jobs.map((job) => results.get(job.key)!);
	}

	async close(): Promise<void> {
		await this.#browser.close();
	}
}

/** `renderInPage` and what it calls, as the page knows them: installed once, so each diagram's round trip sends only its own data. */
interface PageWithRenderer {
	renderPlanDiagram: typeof renderInPage;
	measurePlanDiagramText: typeof measureTextSize;
	readablePlanDiagramLabels: typeof readableLabels;
	usedPlanDiagramRulesOnly: typeof usedRulesOnly;
	withoutUnusedPlanDiagramDefinitions: typeof withoutUnusedDefinitions;
}

/** A page with mermaid and `renderInPage` loaded, in a context of its own. */
async function openMermaidPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.setContent(
		'<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
	);
	await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
	await page.addScriptTag({
		content: [
			`window.renderPlanDiagram = ${renderInPage.toString()};`,
			`window.measurePlanDiagramText = ${measureTextSize.toString()};`,
			`window.readablePlanDiagramLabels = ${readableLabels.toString()};`,
			`window.usedPlanDiagramRulesOnly = ${usedRulesOnly.toString()};`,
			`window.withoutUnusedPlanDiagramDefinitions = ${withoutUnusedDefinitions.toString()};`,
		].join('\n'),
	});
	return page;
}

/** Closes a page that may still be busy (closing its context ends its renderer) and opens a fresh one. */
async function replacePage(browser: Browser, page: Page): Promise<Page> {
	await page.context().close();
	return openMermaidPage(browser);
}

/** Renders one diagram in the page, or gives up on it (and its page) after `timeout` milliseconds. */
async function renderWithin(page: Page, job: MermaidJob, timeout: number): Promise<MermaidResult> {
	let timer: NodeJS.Timeout | undefined;
	// A page that dies (out of memory, say) rejects; a render given up on rejects once its page is closed.
	const rendering = page
		.evaluate((argument) => (window as unknown as PageWithRenderer).renderPlanDiagram(argument), {
			job,
			themes: MERMAID_THEMES,
			ids: { light: drawingId(job.key, 'light'), dark: drawingId(job.key, 'dark') },
		})
		.catch((error: Error): MermaidResult => ({
			key: job.key,
			error: `the browser page died rendering it (${error.message.split('\n')[0]})`,
			lostPage: 'crash',
		}));
	const seconds = Number((timeout / 1000).toFixed(1));
	const stopped = new Promise<MermaidResult>((resolve) => {
		timer = setTimeout(
			() =>
				resolve({
					key: job.key,
					error: `rendering took longer than ${seconds} s, the mermaid.timeout limit, and was stopped`,
					lostPage: 'timeout',
				}),
			timeout,
		);
	});
	try {
		return await Promise.race([rendering, stopped]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Runs in the page, where the mermaid script put `window.mermaid`.
 *
 * Some diagrams draw with random numbers: the hand-drawn and "neo" looks (rough.js), gitGraph
 * commit ids, architecture icons, force layouts. Each render gets `Math.random` seeded from the
 * diagram's key, so the same source gives the same SVG on every machine, whatever the page
 * rendered before, and its light and dark renders share one geometry.
 * Each render's text is measured in the page (`measureTextSize`), while it is laid out there,
 * and its labels are made readable on the fills their authors chose (`readableLabels`).
 */
async function renderInPage({
	job,
	themes,
	ids,
}: {
	job: MermaidJob;
	themes: typeof MERMAID_THEMES;
	/** The id of each theme's drawing (`drawingId`). */
	ids: Record<'light' | 'dark', string>;
}): Promise<MermaidResult> {
	const mermaid = (window as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
	/** mulberry32, seeded with the FNV-1a hash of the key. */
	const seededRandom = (key: string) => {
		let state = 0x811c9dc5;
		for (let index = 0; index < key.length; index++)
			state = Math.imul(state ^ key.charCodeAt(index), 0x01000193);
		return () => {
			state = (state + 0x6d2b79f5) | 0;
			let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
			mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
			return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
		};
	};
	/**
	 * Laid out in the page: labels made readable on their fills (re-serialised only when one
	 * changed), the text measured, and the style rules that style nothing and the definitions
	 * nothing names dropped.
	 */
	const finish = (svg: string): { svg: string; textSize: number | undefined } => {
		const holder = document.createElement('div');
		holder.innerHTML = svg;
		document.body.append(holder);
		try {
			const page = window as unknown as PageWithRenderer;
			const root = holder.querySelector('svg')!;
			const readable = page.readablePlanDiagramLabels(root) ? root.outerHTML : svg;
			const textSize = page.measurePlanDiagramText(root);
			const used = page.usedPlanDiagramRulesOnly(readable, root);
			return { svg: page.withoutUnusedPlanDiagramDefinitions(used), textSize };
		} finally {
			holder.remove();
		}
	};
	const { key, source } = job;
	try {
		const render: Record<string, string> = {};
		const textSizes: number[] = [];
		for (const name of ['light', 'dark'] as const) {
			Math.random = seededRandom(key);
			// initialize() resets the site-wide config; %%{init}%% and frontmatter in a diagram still win.
			// rough.js takes its seed from `handDrawnSeed` (0, the default, means a random one).
			mermaid.initialize({
				startOnLoad: false,
				securityLevel: 'strict',
				handDrawnSeed: 1,
				...themes[name],
			});
			const finished = finish((await mermaid.render(ids[name], source)).svg);
			render[name] = finished.svg;
			if (finished.textSize !== undefined) textSizes.push(finished.textSize);
		}
		const textSize = textSizes.length > 0 ? Math.min(...textSizes) : undefined;
		return {
			key,
			render: {
				light: render.light!,
				dark: render.dark!,
				...(textSize !== undefined && { textSize }),
			},
		};
	} catch (error) {
		return { key, error: error instanceof Error ? error.message : String(error) };
	} finally {
		// mermaid leaves its scratch elements behind when a render fails.
		for (const leftover of document.querySelectorAll('body > [id^="dm"], body > [id^="m"]'))
			leftover.remove();
	}
}
