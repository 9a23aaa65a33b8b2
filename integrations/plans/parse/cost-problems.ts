import type { Problem } from '../problems.ts';
import type { CostTable } from './costs.ts';

/** A written total that the rows do not add up to, and cost cells that cannot be read. */
export function costProblems(tables: CostTable[], file: string): Problem[] {
	const problems: Problem[] = [];
	for (const table of tables) {
		if (table.mismatch && table.written) {
			problems.push({
				severity: 'warning',
				file,
				line: table.written.line,
				column: 1,
				message: `Cost table total does not add up: ${table.mismatch}.`,
				hint: 'Fix the Total row or the rows; the page shows the computed total next to the written one.',
			});
		}
		for (const item of table.items) {
			if (item.cost.kind !== 'invalid') continue;
			problems.push({
				severity: 'warning',
				file,
				line: item.line,
				column: 1,
				message: `Cost "${item.cost.text}" of "${item.component}" cannot be read (${item.cost.reason}); it is shown as written and left out of the total.`,
				hint: 'Write amounts like $120, €64.50, $1.2k, $120–$150 or $585/mo.',
			});
		}
	}
	return problems;
}
