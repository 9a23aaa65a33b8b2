import { readPrevious } from '../read-previous.ts';
import type { ComparedPlan } from './changes.ts';

/**
 * The plans of a previous deploy's `plans.json` (a path, relative to `root`, or an http(s)
 * URL), as the changes compare them. A file written by an older release may lack some lists;
 * they count as empty. Rejects when the file cannot be read or is not a plans list.
 */
export async function readPreviousPlans(source: string, root: string): Promise<ComparedPlan[]> {
	const { plans } = JSON.parse(await readPrevious(source, root)) as { plans?: unknown };
	if (!Array.isArray(plans)) throw new Error('it has no "plans" list');
	return plans.map((plan: Partial<ComparedPlan>) => ({
		...plan,
		id: String(plan.id),
		url: String(plan.url ?? ''),
		title: String(plan.title ?? plan.id),
		costs: plan.costs ?? [],
		risks: plan.risks ?? [],
		milestones: plan.milestones ?? [],
		questions: plan.questions ?? [],
		approvals: plan.approvals ?? [],
		headings: plan.headings ?? [],
	}));
}
