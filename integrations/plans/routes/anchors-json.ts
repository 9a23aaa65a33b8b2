import type { APIRoute } from 'astro';
import { indexedPlans } from '../page-data/navigation.ts';
import { type AnchorList, publishedAnchors } from '../indexes/anchors.ts';

/**
 * Every anchor the site publishes, per plan page. Give the deployed copy of this file to the
 * `previousAnchors` option and the next build warns about every anchor that disappeared.
 */
export const GET: APIRoute = async () => {
	const plans = await indexedPlans();
	const list: AnchorList = {
		pages: Object.fromEntries(
			plans
				.map((plan) => [plan.url, publishedAnchors(plan.data)])
				.sort(([a], [b]) => String(a).localeCompare(String(b))),
		),
	};
	return new Response(`${JSON.stringify(list, null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
