import type { Milestone } from '../parse/milestones.ts';
import type { Question } from '../parse/questions.ts';
import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

/**
 * The day indexes compare due dates with: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) when set, so a rebuild of the same commit gives the same pages; otherwise today.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
	const epoch = Number(env.SOURCE_DATE_EPOCH);
	const date =
		env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
	return date.toISOString().slice(0, 10);
}

const DONE =
	/\b(done|complete|completed|shipped|delivered|achieved|released|closed|finished|✅)\b|✅|☑/i;

export type MilestoneState = 'done' | 'overdue' | 'upcoming' | 'undated';

export interface MilestoneRow extends PlanRef {
	milestone: Milestone;
	state: MilestoneState;
}

/** Milestones of every plan with their state on the build date; plans in the given order. */
export function milestoneIndex(
	plans: IndexedPlan[],
	today: string,
): { rows: MilestoneRow[]; next: MilestoneRow[] } {
	const rows = plans.flatMap((plan) =>
		plan.data.milestones.map((milestone) => ({
			...refTo(plan, milestone.anchor),
			milestone,
			state: milestoneState(milestone, today),
		})),
	);
	const next = rows
		.filter((row) => row.state === 'upcoming')
		.sort((a, b) => a.milestone.dueDate!.localeCompare(b.milestone.dueDate!))
		.slice(0, 5);
	return { rows, next };
}

function milestoneState(milestone: Milestone, today: string): MilestoneState {
	if (milestone.status && DONE.test(milestone.status)) return 'done';
	if (!milestone.dueDate) return 'undated';
	return milestone.dueDate < today ? 'overdue' : 'upcoming';
}

export interface QuestionRow extends PlanRef {
	question: Question;
	overdue: boolean;
}

/** Open questions of every plan: overdue first, then by deadline, then those without one. */
export function openQuestions(plans: IndexedPlan[], today: string): QuestionRow[] {
	return plans
		.flatMap((plan) =>
			plan.data.questions
				.filter((question) => question.status === 'open')
				.map((question) => ({
					...refTo(plan, question.anchor),
					question,
					overdue: Boolean(question.dueDate && question.dueDate < today),
				})),
		)
		.sort(
			(a, b) =>
				Number(b.overdue) - Number(a.overdue) ||
				Number(!a.question.dueDate) - Number(!b.question.dueDate) ||
				(a.question.dueDate ?? '').localeCompare(b.question.dueDate ?? ''),
		);
}
