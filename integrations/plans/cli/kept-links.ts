import { publishedAnchors } from '../indexes/anchors.ts';
import { type Deploy, keepLinks, type KeptLinkNote } from '../redirects/keep-links.ts';
import { type OutlinedPlan, planOutline } from '../redirects/outline.ts';
import type { PlanData } from '../schema.ts';

/** A plan of either side: this checkout's (parsed) or the previous deploy's (`plans.json`). */
type ComparablePlan = Partial<PlanData> & { id: string };

/** Lists a `plans.json` of an older release may lack, as empty ones. */
const EMPTY_LISTS = {
	headings: [],
	htmlAnchors: [],
	costs: [],
	scaling: [],
	risks: [],
	technologies: [],
	milestones: [],
	dependencies: [],
	questions: [],
	glossary: [],
	approvals: [],
	performanceTargets: [],
	retention: [],
} satisfies Partial<PlanData>;

/**
 * The deploy these plans make, with each page named by its plan id: the checker knows no
 * site `base`, and the previous deploy's URLs have one.
 */
function deployOf(plans: readonly ComparablePlan[]): Deploy {
	const full = plans.map((plan): OutlinedPlan => ({
		title: plan.id,
		file: plan.id,
		...EMPTY_LISTS,
		...plan,
		url: plan.id,
	}));
	return {
		plans: full.map(planOutline),
		anchors: { pages: Object.fromEntries(full.map((plan) => [plan.url, publishedAnchors(plan)])) },
	};
}

/**
 * What the build will keep of the previous deploy's links once these plans are published:
 * the moves and the renamed ids (`plans/a.md: #risks--mitigations → #risks-and-mitigations`),
 * and what loses its place, as the build prints them.
 */
export function keptLinkNotes(
	previous: readonly ComparablePlan[],
	current: readonly ComparablePlan[],
): KeptLinkNote[] {
	return keepLinks(deployOf(previous), deployOf(current)).notes;
}
