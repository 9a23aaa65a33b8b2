import { planIdFromPath } from '../parse/paths.ts';
import type { PlanData } from '../schema.ts';
import { urlOfPlan } from './navigation.ts';

/** A plan, and the URL of its page when it has one. */
export interface PlanWithPage {
	plan: PlanData;
	url?: string;
}

const lookups = new WeakMap<readonly PlanData[], Map<string, PlanWithPage>>();

/**
 * Every plan, by its path in the plans folder. Every page of a build is given the
 * same list of plans, so the lookup is made once per list, not once per page: at 1,000 plans,
 * making it on each page was a tenth of a warm build.
 */
export function plansByPath(plans: readonly PlanData[]): Map<string, PlanWithPage> {
	let lookup = lookups.get(plans);
	if (!lookup) {
		lookup = new Map();
		for (const plan of plans) {
			const id = planIdFromPath(plan.path);
			lookup.set(plan.path, id ? { plan, url: urlOfPlan(id) } : { plan });
		}
		lookups.set(plans, lookup);
	}
	return lookup;
}
