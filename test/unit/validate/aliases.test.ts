import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { aliasProblems } from '#plans/validate/aliases.ts';

const plan = (path: string, aliases: string) =>
	parsePlan({
		raw: `---\ntitle: ${path}\naliases: ${aliases}\n---\n\n# Plan\n`,
		file: `plans/${path}`,
		path,
	}).data;

describe('frontmatter aliases', () => {
	it('are read with the line they are on', () => {
		expect(plan('a.md', '[payments/checkout.md, old/a]')).toMatchObject({
			aliases: ['payments/checkout.md', 'old/a'],
			aliasesLine: 3,
		});
	});

	it('may not name a published plan, nor be claimed by two plans, naming both files', () => {
		const problems = aliasProblems([
			plan('a.md', '[b.md, old/x.md]'),
			plan('b.md', '[/plans/old/x/]'),
			plan('c.md', '[gone.md]'),
		]);
		expect(
			problems.map(({ file, line, severity, message }) => `${file}:${line} ${severity} ${message}`),
		).toEqual([
			'plans/a.md:3 error The alias "b.md" is the page of plans/b.md, which is published: its links already land there.',
			'plans/a.md:3 error Two plans keep the old page old/x: plans/a.md:3 and plans/b.md:3.',
			'plans/b.md:3 error Two plans keep the old page old/x: plans/a.md:3 and plans/b.md:3.',
		]);
	});
});
