import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawingId, mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import {
	type MermaidJob,
	type MermaidResult,
	renderMermaid,
} from '#plans/diagrams/mermaid/render.ts';
import { sanitizeSvg } from '#plans/diagrams/sanitize-svg.ts';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { chromiumPath } from '../helpers/chromium.ts';

// Every Mermaid diagram type (plans/all-types.md), and each again in the hand-drawn look and
// the types that have one in the "neo" look (plans/looks.mdx): these draw with random numbers.
let first: BuiltSite;
let second: BuiltSite;
beforeAll(async () => {
	first = await buildSite(fixture('mermaid'), 'mermaid-twice-a');
	second = await buildSite(fixture('mermaid'), 'mermaid-twice-b');
});

async function fingerprints(site: BuiltSite): Promise<Record<string, string>> {
	const files = (await glob('**/*', { cwd: site.outDir, dot: true })).sort();
	return Object.fromEntries(
		files.map((file) => [
			file,
			createHash('sha256')
				.update(readFileSync(`${site.outDir}/${file}`))
				.digest('hex'),
		]),
	);
}

/** The sources of the Mermaid fences of a fixture plan. */
function mermaidSources(plan: string): string[] {
	const text = readFileSync(new URL(`plans/${plan}`, fixture('mermaid')), 'utf8');
	return [...text.matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
}

/** What the cache keeps of a render: both themes, sanitised. */
function published(results: MermaidResult[]): Map<string, string> {
	return new Map(
		results.map((result) => [
			result.key,
			'error' in result
				? result.error
				: sanitizeSvg(result.render.light, drawingId(result.key, 'light')) +
					sanitizeSvg(result.render.dark, drawingId(result.key, 'dark')),
		]),
	);
}

describe('Mermaid diagrams', () => {
	it('give a byte-identical site when built twice from empty caches, in both themes', async () => {
		const diagrams = first.page('plans/looks/index.html').querySelectorAll('.diagram-mermaid');
		expect(diagrams).toHaveLength(33);
		// Each drawn once for both themes, or once per theme.
		for (const diagram of diagrams) {
			const drawings = diagram.querySelectorAll('.diagram-canvas > div > svg');
			expect(drawings.length, diagram.id).toBe(
				diagram.querySelector('.mermaid-themed > svg') ? 1 : 2,
			);
		}
		const a = await fingerprints(first);
		const b = await fingerprints(second);
		expect(
			Object.keys(a).filter((file) => file.startsWith('_diagrams/')).length,
		).toBeGreaterThanOrEqual(60);
		expect(b).toEqual(a);
	});

	it('render the same whatever the page rendered before them', async () => {
		const sources = [
			...new Set([...mermaidSources('all-types.md'), ...mermaidSources('looks.mdx')]),
		];
		const jobs: MermaidJob[] = sources.map((source) => ({ key: mermaidKey(source), source }));
		const inOrder = published(await renderMermaid(jobs, { executablePath: chromiumPath() }));
		const reversed = published(
			await renderMermaid([...jobs].reverse(), { executablePath: chromiumPath() }),
		);
		expect(inOrder.size).toBe(jobs.length);
		for (const [key, svg] of inOrder)
			expect(reversed.get(key), sources[jobs.findIndex((job) => job.key === key)]).toBe(svg);
	});
});
