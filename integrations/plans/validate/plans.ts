import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';
import { completenessProblems, planCompleteness } from '../indexes/completeness.ts';
import { type ExpectedSections, TEMPLATE_SECTIONS } from '../options-schema.ts';
import { aliasProblems } from './aliases.ts';
import { checkLinks } from './links.ts';
import { relationProblems } from './relations.ts';

/**
 * What reading each plan found, the links between plans that do not resolve, and what each
 * plan lacks against the expected sections.
 */
export function planProblems(
	plans: PlanData[],
	brokenLinks: 'error' | 'warn',
	sections: ExpectedSections = TEMPLATE_SECTIONS,
): Problem[] {
	return [
		...plans.flatMap((plan) => plan.problems),
		...checkLinks(plans, brokenLinks === 'warn' ? 'warning' : 'error'),
		...aliasProblems(plans),
		...relationProblems(plans, brokenLinks === 'warn' ? 'warning' : 'error'),
		...plans.flatMap((plan) => completenessProblems(plan, planCompleteness(plan, sections))),
	];
}

/** File, then line, then column: the order an editor or a CI log reads best. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
	);
}
