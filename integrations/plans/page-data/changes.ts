import { getCollection } from 'astro:content';
import { fileURLToPath } from 'node:url';
import build from 'virtual:plans/build';
import { type ComparedPlan, type PlanChanges, planChanges } from '../indexes/changes.ts';
import { readPreviousPlans } from '../indexes/previous-plans.ts';
import { sortPlans, urlOfPlan } from './navigation.ts';

let previous: Promise<ComparedPlan[] | undefined> | undefined;
let changes: Promise<PlanChanges[] | undefined> | undefined;

/**
 * What changed in each plan since the previous deploy (the `previousPlans` option); `undefined`
 * without one, or when it cannot be read (said once, and the build goes on). Computed once per
 * build; in `astro dev`, on every page, as plans change.
 */
export function changesSinceLastDeploy(): Promise<PlanChanges[] | undefined> {
	if (!build.previousPlans) return Promise.resolve(undefined);
	if (changes && !build.dev) return changes;
	changes = (async () => {
		const before = await previousPlans(build.previousPlans!);
		if (!before) return undefined;
		const current = sortPlans(await getCollection('plans')).map(({ id, data }) => ({
			...data,
			id,
			url: urlOfPlan(id),
		}));
		return planChanges(before, current);
	})();
	return changes;
}

function previousPlans(source: string): Promise<ComparedPlan[] | undefined> {
	previous ??= readPreviousPlans(source, fileURLToPath(build.root)).catch((error: Error) => {
		console.warn(
			`[astro-technical-plans] Could not read the previous plans from ${source} (${error.message}): the site shows no changes since the last deploy.`,
		);
		return undefined;
	});
	return previous;
}
