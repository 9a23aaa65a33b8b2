import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import build from 'virtual:plans/build';
import { standaloneFiles } from '../diagrams/standalone.ts';

/**
 * In `astro dev`, the standalone SVG of every diagram, for the "Open full size" link of its
 * figure: one per theme (`KEY.svg` and `KEY-dark.svg`), as the link follows the page's theme.
 * A build writes them itself, after the pages (`writeStandaloneDiagrams`).
 */
export const getStaticPaths = (async () => {
	const plans = (await getCollection('plans')).map((entry) => entry.data);
	const files = standaloneFiles(plans, build.mermaidCacheDir, build.verifyDrawings);
	return [...files].map(([key, svg]) => ({ params: { key }, props: { svg } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response((props as { svg: string }).svg, {
		headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
	});
