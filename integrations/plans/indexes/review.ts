import type { Stage } from '../parse/lifecycle.ts';
import type { PlanData } from '../schema.ts';
import { DAY_MS } from '../parse/dates.ts';

/** When a plan needs its review, and why. */
export interface ReviewDue {
	/** `YYYY-MM-DD`: the day it was due. */
	since: string;
	/** Its own `Review by` date, or the `staleAfter` rule of the site. */
	reason: 'review-by' | 'stale';
}

/** How a site asks for reviews: plans of these stages unchanged for this many days. */
export interface StaleRule {
	days: number;
	stages: readonly Stage[];
}

/** `'180 days'`, `'26 weeks'`, `'6 months'` as days (a month is 30 days). */
export function staleDays(written: string): number {
	const [, count, unit] = /(\d+)\s*(day|week|month)/i.exec(written)!;
	return Number(count) * ({ day: 1, week: 7, month: 30 } as const)[unit!.toLowerCase() as 'day'];
}

const addDays = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether a plan's review is overdue on `today`: its own `Review by` date has passed, or it is
 * in a stage the site's rule covers and has not changed for longer than the rule allows. The
 * earlier of the two is when it became due. None when its review is not due.
 */
export function reviewDue(
	plan: Pick<PlanData, 'reviewBy' | 'stage'>,
	updated: string | undefined,
	today: string,
	rule: StaleRule | undefined,
): ReviewDue | undefined {
	const due: ReviewDue[] = [];
	if (plan.reviewBy && plan.reviewBy.date <= today)
		due.push({ since: plan.reviewBy.date, reason: 'review-by' });
	if (rule && updated && plan.stage && rule.stages.includes(plan.stage)) {
		const stale = addDays(updated, rule.days);
		if (stale <= today) due.push({ since: stale, reason: 'stale' });
	}
	return due.sort((a, b) => a.since.localeCompare(b.since))[0];
}
