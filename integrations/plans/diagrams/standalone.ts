import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLinkedFiles } from '../cache/linked-files.ts';
import type { PlanData, PlanDiagramData } from '../schema.ts';
import { renderAsciiDiagram } from './ascii/index.ts';
import { DARK_SUFFIX, STANDALONE_FOLDER } from './figure.ts';
import { MermaidCache, mermaidCacheDir } from './mermaid/cache.ts';

/** The page's colours in each theme: a drawing opened on its own keeps the look it had. */
const THEME_COLOURS = {
	light: 'color:#1f2328;background-color:#ffffff',
	dark: 'color:#e6edf3;background-color:#0d1117',
};
type Theme = keyof typeof THEME_COLOURS;

/**
 * A diagram's standalone SVG in each theme, for the "Open full size" link of its figure; none
 * for a Mermaid diagram without a render or a box drawing shown as text.
 */
function standaloneSvgs(
	diagram: PlanDiagramData,
	cache: MermaidCache,
	verify: boolean,
): { light: string; dark: string } | undefined {
	if (diagram.kind === 'mermaid') {
		const render = cache.get(diagram.key);
		return render && { light: onPage(render.light, 'light'), dark: onPage(render.dark, 'dark') };
	}
	const drawing = renderAsciiDiagram(diagram.source, {
		idPrefix: 'diagram',
		label: diagram.label,
		verify,
	});
	return drawing.ok
		? { light: onPage(drawing.svg, 'light'), dark: onPage(drawing.svg, 'dark') }
		: undefined;
}

/** The SVG with the page's colours as its own (box drawings draw in `currentColor`; a dark Mermaid render has no background). */
function onPage(svg: string, theme: Theme): string {
	return svg.replace(
		/^<svg\b[^>]*>/,
		(root) => `${root}<style>:root{${THEME_COLOURS[theme]}}</style>`,
	);
}

/** Every standalone SVG of the plans' diagrams by its name without `.svg`: `KEY` and `KEY-dark`, one diagram at a time. */
function* standaloneEntries(
	plans: PlanData[],
	mermaidCacheDir: string,
	verify: boolean,
): Generator<[name: string, svg: string]> {
	const cache = new MermaidCache(mermaidCacheDir);
	const seen = new Set<string>();
	for (const plan of plans) {
		for (const diagram of plan.diagrams) {
			if (seen.has(diagram.key)) continue;
			seen.add(diagram.key);
			const svgs = standaloneSvgs(diagram, cache, verify);
			if (!svgs) continue;
			yield [diagram.key, svgs.light];
			yield [`${diagram.key}${DARK_SUFFIX}`, svgs.dark];
		}
	}
}

/** Every standalone SVG of the plans' diagrams by its name without `.svg`: `KEY` and `KEY-dark`. */
export function standaloneFiles(
	plans: PlanData[],
	mermaidCacheDir: string,
	verify: boolean,
): Map<string, string> {
	return new Map(standaloneEntries(plans, mermaidCacheDir, verify));
}

/** Where the standalone drawings of the last build are kept, in Astro's cache folder. */
export function standaloneCacheDir(astroCacheDir: URL): string {
	return join(fileURLToPath(astroCacheDir), 'plans-standalone');
}

/**
 * Puts the standalone drawings into a built site, one at a time and as links to the last build's
 * copies (`writeLinkedFiles`): as pages of the build, Astro wrote them one after another, with
 * a request and a response each (at 1,000 plans, 4,700 files and a third of a warm build).
 */
export function writeStandaloneDiagrams(
	outDir: string,
	plans: PlanData[],
	astroCacheDir: URL,
	verify: boolean,
): void {
	const entries = standaloneEntries(plans, mermaidCacheDir(astroCacheDir), verify);
	writeLinkedFiles(
		join(outDir, STANDALONE_FOLDER),
		standaloneCacheDir(astroCacheDir),
		Iterator.from(entries).map(([name, svg]) => [`${name}.svg`, svg] as const),
	);
}
