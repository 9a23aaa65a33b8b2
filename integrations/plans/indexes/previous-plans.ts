import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ComparedPlan } from './changes.ts';

/**
 * The plans of a previous deploy's `plans.json` (a path, relative to `root`, or an http(s)
 * URL), as the changes compare them. A file written by an older release may lack some lists;
 * they count as empty. Rejects when the file cannot be read or is not a plans list.
 */
export async function readPreviousPlans(source: string, root: string): Promise<ComparedPlan[]> {
	const text = /^https?:\/\//i.test(source) ? await fetchText(source) : await readFile(resolve(root, source), 'utf8');
	const { plans } = JSON.parse(text) as { plans?: unknown };
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

async function fetchText(url: string): Promise<string> {
	const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return response.text();
}
