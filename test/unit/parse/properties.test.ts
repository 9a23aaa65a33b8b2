import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import type { Problem } from '#plans/problems.ts';
import { normalizeSource } from '#plans/parse/source.ts';
import { PlanDataSchema } from '#plans/schema.ts';
import { planProblems } from '#plans/validate/plans.ts';
import { randomPlan } from '../../helpers/random-plans.ts';

/** Problems whose line or column is not a place in the file (1-based; a column may sit just past the line's end). */
function misplaced(problems: Problem[], source: string): Problem[] {
	const lines = source.split('\n');
	return problems.filter(({ line, column }) => {
		const text = lines[line - 1];
		return (
			!Number.isInteger(line) ||
			!Number.isInteger(column) ||
			text === undefined ||
			column < 1 ||
			column > text.length + 1
		);
	});
}

describe('parsePlan on hostile plans', () => {
	it("never throws, gives data the collection schema accepts, and places every problem, its own and its links', inside the file", () => {
		fc.assert(
			fc.property(randomPlan(), fc.boolean(), ({ raw, extension }, sanitize) => {
				const parsed = parsePlan({
					raw,
					file: `plans/p.${extension}`,
					path: `p.${extension}`,
					fileExists: () => false,
					sanitize,
				});
				const other = parsePlan({ raw: '# A\n\n## Overview\n', file: 'plans/a.md', path: 'a.md' });
				const problems = planProblems([parsed.data, other.data], 'warn').filter(
					(problem) => problem.file === parsed.data.file,
				);
				expect(parsed.source).toBe(normalizeSource(raw));
				expect(PlanDataSchema.safeParse(parsed.data).error).toBeUndefined();
				// Zod drops keys a schema lacks: the collection must keep every key parsing gives.
				expect(PlanDataSchema.parse(parsed.data)).toEqual(parsed.data);
				expect(misplaced(problems, parsed.source)).toEqual([]);
			}),
			{ numRuns: 1_500 },
		);
	});

	it('report no error where nothing is an error by design (frontmatter parses, no MDX, no deep nesting)', () => {
		fc.assert(
			fc.property(randomPlan({ errors: false, nesting: false }), ({ raw }) => {
				const { problems } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
				expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
			}),
			{ numRuns: 2_000 },
		);
	});
});
