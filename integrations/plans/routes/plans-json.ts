import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortPlans, urlOf, urlOfPlan } from '../page-data/navigation.ts';
import { PlansExportSchema } from '../plans-json-schema.ts';
import { planCostTotals } from '../indexes/costs.ts';

/**
 * Every plan's typed data as JSON, for scripts and other tools. Parsing through the schema
 * fixes the key order, so the same plans always give byte-identical output.
 */
export const GET: APIRoute = async () => {
	const plans = sortPlans(await getCollection('plans')).map(({ id, data }) => ({
		...data,
		id,
		url: urlOfPlan(id),
		diagrams: {
			mermaid: data.diagrams.filter((diagram) => diagram.kind === 'mermaid').length,
			ascii: data.diagrams.filter((diagram) => diagram.kind === 'ascii').length,
		},
		costTotals: planCostTotals(data.costs),
	}));
	const body = PlansExportSchema.parse({
		$schema: urlOf('plans.schema.json').replace(/\/$/, ''),
		plans,
	});
	return new Response(`${JSON.stringify(body, null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
