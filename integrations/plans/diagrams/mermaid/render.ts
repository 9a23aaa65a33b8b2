import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.ts';
import { MERMAID_THEMES, type MermaidRender } from './cache.ts';

const require = createRequire(import.meta.url);

export interface MermaidJob {
	/** Cache key; also the id mermaid gives the SVG, so ids never collide between diagrams. */
	key: string;
	source: string;
}

export type MermaidResult = { key: string; render: MermaidRender } | { key: string; error: string };

/** Diagrams per round trip to the page: large enough to amortise, small enough to report progress. */
const BATCH_SIZE = 25;

/**
 * Renders diagrams with the real mermaid in one headless Chromium: the browser starts once
 * per build and the diagrams go through one page per core, in batches.
 * Each diagram is rendered twice, with the light and the dark theme, because mermaid's
 * themes change more than colours and it does not accept CSS variables as theme colours.
 */
export async function renderMermaid(
	jobs: MermaidJob[],
	{ executablePath, onProgress }: { executablePath: string; onProgress?: (done: number, total: number) => void },
): Promise<MermaidResult[]> {
	if (jobs.length === 0) return [];
	let browser: Browser | undefined;
	try {
		// Loaded here, not at the top: a build whose diagrams are all cached needs no browser.
		const { chromium } = await import('playwright-core');
		browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
		// One page per core, each in its own context (its own renderer process), so layout runs in parallel.
		const pageCount = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH_SIZE)));
		const pages = await Promise.all(
			Array.from({ length: pageCount }, async () => {
				const page = await (await browser!.newContext()).newPage();
				await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
				await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
				return page;
			}),
		);
		const batches: MermaidJob[][] = [];
		for (let start = 0; start < jobs.length; start += BATCH_SIZE) batches.push(jobs.slice(start, start + BATCH_SIZE));
		const results = new Map<string, MermaidResult>();
		let done = 0;
		await Promise.all(
			pages.map(async (page) => {
				for (let batch = batches.shift(); batch; batch = batches.shift()) {
					for (const result of await page.evaluate(renderInPage, { batch, themes: MERMAID_THEMES })) results.set(result.key, result);
					done += batch.length;
					onProgress?.(done, jobs.length);
				}
			}),
		);
		return jobs.map((job) => results.get(job.key)!);
	} finally {
		await browser?.close();
	}
}

/**
 * Runs in the page, where the mermaid script put `window.mermaid`.
 *
 * Some diagrams draw with random numbers: the hand-drawn and "neo" looks (rough.js), gitGraph
 * commit ids, architecture icons, force layouts. Each render gets `Math.random` seeded from the
 * diagram's key, so the same source gives the same SVG on every machine, whatever the page
 * rendered before, and its light and dark renders share one geometry.
 */
async function renderInPage({ batch, themes }: { batch: MermaidJob[]; themes: typeof MERMAID_THEMES }): Promise<MermaidResult[]> {
	const mermaid = (window as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
	/** mulberry32, seeded with the FNV-1a hash of the key. */
	const seededRandom = (key: string) => {
		let state = 0x811c9dc5;
		for (let index = 0; index < key.length; index++) state = Math.imul(state ^ key.charCodeAt(index), 0x01000193);
		return () => {
			state = (state + 0x6d2b79f5) | 0;
			let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
			mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
			return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
		};
	};
	const results: MermaidResult[] = [];
	for (const { key, source } of batch) {
		try {
			const render: Record<string, string> = {};
			for (const name of ['light', 'dark'] as const) {
				Math.random = seededRandom(key);
				// initialize() resets the site-wide config; %%{init}%% and frontmatter in a diagram still win.
				// rough.js takes its seed from `handDrawnSeed` (0, the default, means a random one).
				mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', handDrawnSeed: 1, ...themes[name] });
				const { svg } = await mermaid.render(`m${key}-${name}`, source);
				render[name] = svg;
			}
			results.push({ key, render: render as unknown as MermaidRender });
		} catch (error) {
			results.push({ key, error: error instanceof Error ? error.message : String(error) });
		}
		// mermaid leaves its scratch elements behind when a render fails.
		for (const leftover of document.querySelectorAll('body > [id^="dm"], body > [id^="m"]')) leftover.remove();
	}
	return results;
}
