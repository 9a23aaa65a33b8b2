import { planIdFromPath } from '../parse/paths.ts';
import type { PlanData } from '../schema.ts';
import { urlOfPlan } from './navigation.ts';

/** A plan, and the URL of its page when it has one. */
export interface PlanWithPage {
	plan: PlanData;
	url?: string;
}

/** Every plan by its path in the plans folder, and every plan with a page by that page's URL. */
export interface PlanLookup {
	byPath: Map<string, PlanWithPage>;
	byUrl: Map<string, PlanData>;
}

const lookups = new WeakMap<readonly PlanData[], PlanLookup>();

/**
 * The plans, to look up by path or by URL. Every page of a build is given the same list of
 * plans, so the lookup is made once per list, not once per page: at 1,000 plans, making it on
 * each page was a tenth of a warm build.
 */
export function planLookup(plans: readonly PlanData[]): PlanLookup {
	let lookup = lookups.get(plans);
	if (!lookup) {
		lookup = { byPath: new Map(), byUrl: new Map() };
		for (const plan of plans) {
			const id = planIdFromPath(plan.path);
			const url = id ? urlOfPlan(id) : undefined;
			lookup.byPath.set(plan.path, url ? { plan, url } : { plan });
			if (url) lookup.byUrl.set(url, plan);
		}
		lookups.set(plans, lookup);
	}
	return lookup;
}
