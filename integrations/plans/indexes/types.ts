import type { PlanData } from '../schema.ts';

/** A plan as the cross-plan indexes see it: its data and where its page is. */
export interface IndexedPlan {
	id: string;
	/** Page URL with the site's base. */
	url: string;
	data: PlanData;
}

/** A link to one row or section of a plan page, with the plan it belongs to. */
export interface PlanRef {
	plan: IndexedPlan;
	/** `url#anchor` */
	href: string;
}

export function refTo(plan: IndexedPlan, anchor: string | undefined): PlanRef {
	return { plan, href: anchor ? `${plan.url}#${encodeURIComponent(anchor)}` : plan.url };
}
