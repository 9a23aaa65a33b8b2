import { planIdFromPath } from '../parse/paths.ts';
import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';

/** The plan id an `aliases` entry names: `payments/checkout.md`, `/plans/payments/checkout/`. */
export function aliasId(alias: string): string | undefined {
	return planIdFromPath(
		alias
			.replace(/^\/+/, '')
			.replace(/^plans\//, '')
			.replace(/\/+$/, ''),
	);
}

/**
 * Frontmatter `aliases` that cannot keep a link: one that names no page, one that names a
 * plan published now (its links already land there), and one that two plans claim.
 */
export function aliasProblems(plans: readonly PlanData[]): Problem[] {
	const published = new Map(plans.map((plan) => [planIdFromPath(plan.path), plan]));
	const claims = new Map<string, PlanData[]>();
	const problems: Problem[] = [];
	const at = (plan: PlanData) => ({ file: plan.file, line: plan.aliasesLine ?? 1, column: 1 });
	for (const plan of plans) {
		for (const alias of plan.aliases ?? []) {
			const id = aliasId(alias);
			const live = id === undefined ? undefined : published.get(id);
			if (id === undefined)
				problems.push({
					severity: 'warning',
					message: `The alias "${alias}" names no page.`,
					hint: 'Give the path the plan had in the plans folder, e.g. payments/checkout.md.',
					...at(plan),
				});
			else if (live)
				problems.push({
					severity: 'error',
					message: `The alias "${alias}" is the page of ${live === plan ? 'this plan' : live.file}, which is published: its links already land there.`,
					hint: 'An alias is a path the plan had before and no plan has now; remove it.',
					...at(plan),
				});
			else claims.set(id, [...(claims.get(id) ?? []), plan]);
		}
	}
	for (const [id, claimants] of claims) {
		if (claimants.length < 2) continue;
		for (const plan of claimants)
			problems.push({
				severity: 'error',
				message: `Two plans keep the old page ${id}: ${claimants.map((other) => `${other.file}:${other.aliasesLine ?? 1}`).join(' and ')}.`,
				hint: 'Its links can land on one plan only: keep the alias in one of them.',
				...at(plan),
			});
	}
	return problems;
}
