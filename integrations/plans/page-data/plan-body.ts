import config from 'virtual:plans/config';
import build from 'virtual:plans/build';
import { completenessProblems, planCompleteness } from '../indexes/completeness.ts';
import { findOnDemandPlans } from '../site-registry.ts';
import type { Problem } from '../problems.ts';
import { RenderedHtmlFiles } from '../render/html-files.ts';
import type { PlanData } from '../schema.ts';
import { checkLinks } from '../validate/links.ts';
import { sortProblems } from '../validate/plans.ts';
import type { PlanEntry } from './navigation.ts';

/**
 * A Markdown plan's rendered body and the problems drawing it found: in a build, the file the
 * loader wrote; in `astro dev`, rendered when first requested (`OnDemandPlans`).
 */
export async function markdownPlanBody(
	entry: PlanEntry,
): Promise<{ html: string; problems: Problem[] }> {
	if (build.dev) return findOnDemandPlans(build.root).body(entry.id, String(entry.digest));
	return {
		html: new RenderedHtmlFiles(build.renderedHtmlDir).read(String(entry.digest)),
		problems: [],
	};
}

/**
 * In `astro dev`, the newest version of a Markdown plan that the loader read: an edit shows in
 * its page as soon as it is rendered, before Astro publishes the data store (at 1,000 plans,
 * seconds later). Elsewhere, and for MDX plans, the entry itself.
 */
export function newestPlanEntry(entry: PlanEntry): PlanEntry {
	if (!build.dev || entry.data.format === 'mdx') return entry;
	const newest = findOnDemandPlans(build.root).newest(entry.id);
	return newest && newest.digest !== entry.digest
		? { ...entry, data: newest.data, digest: newest.digest }
		: entry;
}

/**
 * Every problem of one plan, as `astro dev` shows it in the plan's page: what reading it
 * found, its links that lead nowhere, its diagrams that cannot be drawn, and what it lacks.
 */
export async function planProblemsInDev(entry: PlanEntry, plans: PlanData[]): Promise<Problem[]> {
	const plan = entry.data;
	const links = checkLinks(
		[plan],
		build.brokenLinks === 'warn' ? 'warning' : 'error',
		plans,
	).filter((problem) => problem.file === plan.file);
	const diagrams = plan.format === 'mdx' ? [] : (await markdownPlanBody(entry)).problems;
	const completeness = completenessProblems(plan, planCompleteness(plan, config.completeness));
	return sortProblems([...plan.problems, ...links, ...diagrams, ...completeness]);
}
