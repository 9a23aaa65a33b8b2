import type { Problem } from '../parse/problems.ts';
import type { PlanData } from '../schema.ts';
import { checkLinks } from './links.ts';

/** What reading each plan found, plus the links between plans that do not resolve. */
export function planProblems(plans: PlanData[], brokenLinks: 'error' | 'warn'): Problem[] {
	return [...plans.flatMap((plan) => plan.problems), ...checkLinks(plans, brokenLinks === 'warn' ? 'warning' : 'error')];
}

/** File, then line, then column: the order an editor or a CI log reads best. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
