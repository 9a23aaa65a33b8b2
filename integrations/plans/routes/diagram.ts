import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import build from 'virtual:plans/build';
import { renderAsciiDiagram } from '../diagrams/ascii/index.ts';
import { DARK_SUFFIX } from '../diagrams/figure.ts';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import type { PlanDiagramData } from '../schema.ts';

/** The page's colours in each theme: a drawing opened on its own keeps the look it had. */
const THEME_COLOURS = {
	light: 'color:#1f2328;background-color:#ffffff',
	dark: 'color:#e6edf3;background-color:#0d1117',
};
type Theme = keyof typeof THEME_COLOURS;

/**
 * The standalone SVG of every diagram, for the "Open full size" link of its figure: one per
 * theme (`KEY.svg` and `KEY-dark.svg`), as the link follows the page's theme.
 */
export const getStaticPaths = (async () => {
	const cache = new MermaidCache(build.mermaidCacheDir);
	const diagrams = new Map<string, string>();
	for (const plan of await getCollection('plans')) {
		for (const diagram of plan.data.diagrams) {
			if (diagrams.has(diagram.key)) continue;
			const svgs = standaloneSvgs(diagram, cache);
			if (!svgs) continue;
			diagrams.set(diagram.key, svgs.light);
			diagrams.set(`${diagram.key}${DARK_SUFFIX}`, svgs.dark);
		}
	}
	return [...diagrams].map(([key, svg]) => ({ params: { key }, props: { svg } }));
}) satisfies GetStaticPaths;

function standaloneSvgs(
	diagram: PlanDiagramData,
	cache: MermaidCache,
): { light: string; dark: string } | undefined {
	if (diagram.kind === 'mermaid') {
		const render = cache.get(diagram.key);
		return render && { light: onPage(render.light, 'light'), dark: onPage(render.dark, 'dark') };
	}
	const drawing = renderAsciiDiagram(diagram.source, {
		idPrefix: 'diagram',
		label: diagram.label,
		verify: build.verifyDrawings,
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

export const GET: APIRoute = ({ props }) =>
	new Response((props as { svg: string }).svg, {
		headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
	});
