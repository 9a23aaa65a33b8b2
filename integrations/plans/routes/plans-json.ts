import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortPlans, urlOf, urlOfPlan } from '../page-data/navigation.ts';
import { PlansExportSchema } from '../plans-json-schema.ts';
import { planCostTotals } from '../indexes/costs.ts';
import { type PlanHistoryView, planHistory } from '../page-data/history.ts';
import { planOwner } from '../page-data/owners.ts';

/** A plan's life in `plans.json`: only what is known. */
function historyFields(history: PlanHistoryView | undefined) {
	if (!history) return {};
	return {
		...(history.created && { created: history.created }),
		...(history.updated && { updated: history.updated }),
		...(history.authors.length > 0 && { authors: history.authors }),
		...(history.revisions !== undefined && { revisions: history.revisions }),
	};
}

/**
 * Every plan's typed data as JSON, for scripts and other tools. Parsing through the schema
 * fixes the key order, so the same plans always give byte-identical output.
 */
export const GET: APIRoute = async () => {
	const entries = sortPlans(await getCollection('plans'));
	const histories = await Promise.all(entries.map(({ data }) => planHistory(data)));
	const owners = await Promise.all(entries.map(({ data }) => planOwner(data)));
	const plans = entries.map(({ id, data }, index) => ({
		...data,
		...historyFields(histories[index]),
		owner: owners[index],
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
