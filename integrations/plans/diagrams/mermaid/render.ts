import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
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
 * Renders diagrams with the real mermaid inside one headless Chromium page: the browser
 * starts once per build and every diagram goes through the same page, in batches.
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
		browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
		const page = await browser.newPage();
		await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
		await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
		const results: MermaidResult[] = [];
		for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
			const batch = jobs.slice(start, start + BATCH_SIZE);
			results.push(...(await page.evaluate(renderInPage, { batch, themes: MERMAID_THEMES })));
			onProgress?.(Math.min(start + BATCH_SIZE, jobs.length), jobs.length);
		}
		return results;
	} finally {
		await browser?.close();
	}
}

/** Runs in the page, where the mermaid script put `window.mermaid`. */
async function renderInPage({ batch, themes }: { batch: MermaidJob[]; themes: typeof MERMAID_THEMES }): Promise<MermaidResult[]> {
	const mermaid = (window as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
	const results: MermaidResult[] = [];
	for (const { key, source } of batch) {
		try {
			const render: Record<string, string> = {};
			for (const name of ['light', 'dark'] as const) {
				// initialize() resets the site-wide config; %%{init}%% and frontmatter in a diagram still win.
				mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', ...themes[name] });
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
