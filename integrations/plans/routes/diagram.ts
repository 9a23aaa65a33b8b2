import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import config from 'virtual:plans/config';
import { renderAsciiDiagram } from '../diagrams/ascii/index.ts';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import type { PlanDiagramData } from '../schema.ts';

/** The standalone SVG of every diagram, for the "Open full size" link of its figure. */
export const getStaticPaths = (async () => {
	const cache = new MermaidCache(config.mermaidCacheDir);
	const diagrams = new Map<string, string>();
	for (const plan of await getCollection('plans')) {
		for (const diagram of plan.data.diagrams) {
			if (diagrams.has(diagram.key)) continue;
			const svg = standaloneSvg(diagram, cache);
			if (svg) diagrams.set(diagram.key, svg);
		}
	}
	return [...diagrams].map(([key, svg]) => ({ params: { key }, props: { svg } }));
}) satisfies GetStaticPaths;

function standaloneSvg(diagram: PlanDiagramData, cache: MermaidCache): string | undefined {
	if (diagram.kind === 'mermaid') return cache.get(diagram.key)?.light;
	const drawing = renderAsciiDiagram(diagram.source, { idPrefix: 'diagram', label: diagram.label });
	return drawing.ok ? drawing.svg : undefined;
}

export const GET: APIRoute = ({ props }) =>
	new Response((props as { svg: string }).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
