import { COUNTERPART, relationLabel } from '../parse/relations.ts';
import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';

/**
 * Relations that do not hold: a frontmatter relation to a plan file that does not exist (its
 * links in the text are checked with the other links), and one side of a succession the other
 * plan does not state (A supersedes B, but B does not say it is superseded by A).
 */
export function relationProblems(
	plans: readonly PlanData[],
	missing: Problem['severity'],
): Problem[] {
	const byPath = new Map(plans.map((plan) => [plan.path, plan]));
	const problems: Problem[] = [];
	for (const plan of plans) {
		for (const relation of plan.relations) {
			if (!relation.targetPath) continue;
			const at = { file: plan.file, line: relation.line, column: relation.column };
			const other = byPath.get(relation.targetPath);
			const linked = plan.links.some(
				(link) => link.line === relation.line && link.targetPath === relation.targetPath,
			);
			if (!other) {
				if (!linked)
					problems.push({
						severity: missing,
						message: `${relationLabel(relation.kind)} "${relation.text}" names no plan.`,
						hint: 'Give the path of a plan file, relative to this plan.',
						...at,
					});
				continue;
			}
			const counterpart = COUNTERPART[relation.kind];
			if (
				counterpart &&
				!other.relations.some((back) => back.kind === counterpart && back.targetPath === plan.path)
			)
				problems.push({
					severity: 'warning',
					message: `This plan says "${relationLabel(relation.kind)}" ${other.file}, which does not say "${relationLabel(counterpart)}" this plan.`,
					hint: `Add **${relationLabel(counterpart)}**: [${plan.title}](…) to ${other.file}, so both pages show it.`,
					...at,
				});
		}
	}
	return problems;
}
