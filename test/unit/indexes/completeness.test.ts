import { describe, expect, it } from 'vitest';
import {
	completenessProblems,
	completenessSummary,
	planCompleteness,
	sectionKey,
} from '#plans/indexes/completeness.ts';
import { TEMPLATE_SECTIONS } from '#plans/options-schema.ts';
import { parsePlan } from '#plans/parse/plan.ts';

const plan = (raw: string, status?: string) => ({
	...parsePlan({ raw, file: 'plans/p.md', path: 'p.md' }).data,
	...(status && { status }),
});
const templatePlan = (omit: string[] = [], extra = '') =>
	[
		'# Technical Plan: Orders',
		'',
		...TEMPLATE_SECTIONS.required
			.filter((name) => !omit.includes(name))
			.flatMap((name, index) => [`## ${index + 1}. ${name.replace('&', 'and')}`, '', 'Text.', '']),
		extra,
	].join('\n');

describe('sectionKey', () => {
	it('matches headings whatever their numbering, case, and & or and', () => {
		for (const heading of [
			'Performance & Scalability',
			'3. Performance and Scalability',
			'3.2 performance & scalability',
			'IV. PERFORMANCE AND SCALABILITY:',
			'A) Performance & Scalability',
		]) {
			expect(sectionKey(heading), heading).toBe('performance and scalability');
		}
		expect(sectionKey('Migration Strategy (if applicable)')).toBe('migration strategy');
		expect(sectionKey('API Design')).toBe('api design');
	});
});

describe('planCompleteness', () => {
	it('finds every template section in a template-shaped plan, numbered or not', () => {
		const completeness = planCompleteness(plan(templatePlan()), TEMPLATE_SECTIONS);
		expect(completeness).toMatchObject({ present: 13, total: 13, complete: true });
		expect(
			completeness.sections.find((section) => section.name === 'Cost Estimation')?.heading,
		).toMatchObject({ id: '10-cost-estimation', text: '10. Cost Estimation' });
		expect(completenessSummary(completeness)).toBe('13 of 13 sections');
	});

	it('names the sections missing and the placeholders left', () => {
		const completeness = planCompleteness(
			plan(
				templatePlan(
					['Cost Estimation', 'Open Questions'],
					'| Owner | Date |\n| --- | --- |\n| TBD | 2026-01-01 |',
				),
			),
			TEMPLATE_SECTIONS,
		);
		expect(
			completeness.sections
				.filter((section) => section.required && !section.heading)
				.map((section) => section.name),
		).toEqual(['Cost Estimation', 'Open Questions']);
		expect(completenessSummary(completeness)).toBe('11 of 13 sections · 1 placeholder');
		expect(completeness.complete).toBe(false);
	});

	it('counts aliases, and a site can set its own sections', () => {
		const raw = '# Plan\n\n## Summary\n\n## Costs\n\n## Rollout\n';
		expect(planCompleteness(plan(raw), TEMPLATE_SECTIONS).present).toBe(2);
		const site = {
			required: ['Summary', 'Rollout Plan'],
			optional: [],
			aliases: { 'Rollout Plan': ['Rollout'] },
		};
		expect(planCompleteness(plan(raw), site)).toMatchObject({
			present: 2,
			total: 2,
			complete: true,
		});
	});

	it('says a plan with no template section follows its own outline, whose title is not a section', () => {
		const completeness = planCompleteness(
			plan('# Executive Summary of Nothing\n\n## Motivation\n\n## Design\n'),
			TEMPLATE_SECTIONS,
		);
		expect(completeness).toMatchObject({ present: 0, followsOutline: false, complete: true });
		expect(completenessSummary(completeness)).toBe('Own outline');
	});
});

describe('completenessProblems', () => {
	it('warns once per missing section and placeholder in a template-shaped plan, and about an incomplete approval', () => {
		const data = plan(templatePlan(['Cost Estimation'], 'Owner: [Team Name]'), 'Approved');
		const problems = completenessProblems(data, planCompleteness(data, TEMPLATE_SECTIONS));
		expect(
			problems.map(
				(problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.message}`,
			),
		).toEqual([
			'1:1 warning Section "Cost Estimation" is missing.',
			`${data.placeholders[0]!.line}:8 warning Placeholder left: [Team Name].`,
			'1:1 warning The plan is Approved but incomplete: 12 of 13 sections · 1 placeholder.',
		]);
	});

	it('does not tell a plan written to another outline each section it lacks', () => {
		const data = plan(
			'# RFC\n\n## Summary\n\n## Motivation\n\n| Owner | Due |\n| --- | --- |\n| TODO | soon |\n',
		);
		const problems = completenessProblems(data, planCompleteness(data, TEMPLATE_SECTIONS));
		expect(problems.map((problem) => problem.message)).toEqual(['Placeholder left: TODO.']);
	});
});
