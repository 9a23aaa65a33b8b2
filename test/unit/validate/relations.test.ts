import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { relationProblems } from '#plans/validate/relations.ts';

const plan = (path: string, raw: string) => parsePlan({ raw, file: `plans/${path}`, path }).data;

describe('relations between plans', () => {
	it('are read from fields, tables and frontmatter, one per linked plan', () => {
		const a = plan(
			'rfcs/a.md',
			'---\nrequires: [../infra/db.md]\n---\n\n# A\n\n**Supersedes**: [B](b.md), [C](../old/c.md)\n\n| Field | Value |\n|---|---|\n| Related | RFC 1234 |\n',
		);
		expect(a.relations).toEqual([
			{
				kind: 'supersedes',
				text: 'B, C',
				targetPath: 'rfcs/b.md',
				line: 7,
				column: 17,
			},
			{
				kind: 'supersedes',
				text: 'B, C',
				targetPath: 'old/c.md',
				line: 7,
				column: 28,
			},
			{ kind: 'requires', text: '../infra/db.md', targetPath: 'infra/db.md', line: 2, column: 1 },
			{ kind: 'related', text: 'RFC 1234', line: 11, column: 1 },
		]);
	});

	it('warn when one side of a succession is missing, and when a frontmatter path names no plan', () => {
		const oldPlan = plan('old.md', '# Old\n\n**Status**: Superseded\n');
		const newPlan = plan('new.md', '---\nsupersedes: old.md\nrequires: gone.md\n---\n\n# New\n');
		const problems = relationProblems([oldPlan, newPlan], 'error');
		expect(
			problems.map(({ file, line, severity, message }) => `${file}:${line} ${severity} ${message}`),
		).toEqual([
			'plans/new.md:2 warning This plan says "Supersedes" plans/old.md, which does not say "Superseded by" this plan.',
			'plans/new.md:3 error Requires "gone.md" names no plan.',
		]);
		const answered = plan('old.md', '# Old\n\n**Superseded by**: [New](new.md)\n');
		expect(
			relationProblems([answered, newPlan], 'error').map((problem) => problem.severity),
		).toEqual(['error']);
	});
});
