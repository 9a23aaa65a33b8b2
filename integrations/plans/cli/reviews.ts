import { join } from 'node:path';
import { readPlansHistory } from '../history/plan-history.ts';
import { buildDate } from '../indexes/dated.ts';
import { reviewDue, type StaleRule } from '../indexes/review.ts';
import type { Problem } from '../problems.ts';
import { repositoryRoot } from '../repository.ts';
import type { PlanData } from '../schema.ts';

/** How each of these warnings begins, for the job summary to find them. */
export const REVIEW_OVERDUE = 'Review overdue since';

/**
 * A warning for each plan whose review is overdue on the build date, as its page says: at its
 * `Review by` line, or at its first line when it has not changed for longer than `staleAfter`
 * (which needs the plans' git history, read in one pass).
 */
export async function reviewProblems(
	plans: readonly PlanData[],
	{ root, directory, rule }: { root: string; directory: string; rule: StaleRule | undefined },
): Promise<Problem[]> {
	const plansDir = join(root, directory);
	const repository = rule ? repositoryRoot(plansDir) : undefined;
	const history = repository ? await readPlansHistory(repository, plansDir) : undefined;
	const today = buildDate();
	return plans.flatMap((plan) => {
		const git = history?.plans.get(plan.path);
		const updated =
			plan.updated ?? (git ? new Date(git.updated * 1000).toISOString().slice(0, 10) : undefined);
		const due = reviewDue(plan, updated, today, rule);
		if (!due) return [];
		const byDate = due.reason === 'review-by';
		return [
			{
				severity: 'warning' as const,
				message: `${REVIEW_OVERDUE} ${due.since} (${byDate ? 'its Review by date' : `unchanged for ${rule!.days} days, last changed ${updated}`}).`,
				hint: byDate
					? 'Review the plan, then move its Review by date.'
					: 'Review the plan: any change to it counts as its review.',
				file: plan.file,
				line: byDate ? plan.reviewBy!.line : 1,
				column: byDate ? plan.reviewBy!.column : 1,
			},
		];
	});
}
