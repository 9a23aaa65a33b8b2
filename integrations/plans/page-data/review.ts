import build from 'virtual:plans/build';
import config from 'virtual:plans/config';
import { type ReviewDue, reviewDue } from '../indexes/review.ts';
import type { PlanData } from '../schema.ts';
import { type PlanHistoryView, planHistory } from './history.ts';

/** A plan whose review is overdue on the build date, with its last change. */
export interface OverdueReview extends ReviewDue {
	history: PlanHistoryView | undefined;
}

/** The plan's overdue review on the build date, if it has one (see `reviewDue`). */
export async function overdueReview(plan: PlanData): Promise<OverdueReview | undefined> {
	const history = await planHistory(plan);
	const due = reviewDue(plan, history?.updated, config.today, build.staleRule);
	return due && { ...due, history };
}

/** Why a review is due, in words: `its Review by date` or `unchanged for 180 days`. */
export function reviewReason(due: ReviewDue): string {
	return due.reason === 'review-by'
		? 'its Review by date'
		: `unchanged for ${build.staleRule?.days ?? 0} days`;
}
