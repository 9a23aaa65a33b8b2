import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRiskTables, parseLevel } from '#plans/parse/risks.ts';
import { RowAnchors } from '#plans/parse/anchors.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const risksOf = (markdown: string) =>
	collectRiskTables(parseMarkdown(markdown), new RowAnchors([])).flatMap(({ risks }) => risks);

describe('risk tables', () => {
	it('reads the template-shaped plan table', () => {
		const plan = readFileSync(
			new URL('../../fixtures/template/technical-plan.md', import.meta.url),
			'utf8',
		);
		expect(
			risksOf(plan).map(({ risk, likelihood, impact, owner, anchor }) => ({
				risk,
				likelihood,
				impact,
				owner,
				anchor,
			})),
		).toEqual([
			{
				risk: 'SMS provider outage',
				likelihood: 'Low',
				impact: 'High',
				owner: 'Engineering',
				anchor: 'risk-sms-provider-outage',
			},
			{
				risk: 'Holiday sign-up burst',
				likelihood: 'High',
				impact: 'Medium',
				owner: 'Engineering',
				anchor: 'risk-holiday-sign-up-burst',
			},
			{
				risk: 'Volunteer data leak',
				likelihood: 'Low',
				impact: 'Critical',
				owner: 'Security group',
				anchor: 'risk-volunteer-data-leak',
			},
			{
				risk: 'Coordinators keep the sheets',
				likelihood: 'Medium',
				impact: 'High',
				owner: 'Operations',
				anchor: 'risk-coordinators-keep-the-sheets',
			},
		]);
	});

	it('reads the unfilled template table, brackets dropped', () => {
		const risks = risksOf(
			'| Risk | Likelihood | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| [Third-party API downtime] | Medium | High | [Circuit breaker, queue, fallback] | [Team] |\n',
		);
		expect(risks).toMatchObject([
			{
				risk: 'Third-party API downtime',
				likelihood: 'Medium',
				impact: 'High',
				mitigation: 'Circuit breaker, queue, fallback',
				owner: 'Team',
				anchor: 'risk-third-party-api-downtime',
			},
		]);
	});

	it('accepts Probability for Likelihood, any column order, and numbers repeated anchors', () => {
		const risks = risksOf(
			'| Impact | Risk | Probability | Phase |\n|---|---|---|---|\n| **High** | Outage | Med | 1 |\n| low | Outage | very high | 2 |\n',
		);
		expect(risks).toMatchObject([
			{ risk: 'Outage', likelihood: 'Medium', impact: 'High', anchor: 'risk-outage', line: 3 },
			{ risk: 'Outage', likelihood: 'Critical', impact: 'Low', anchor: 'risk-outage-1', line: 4 },
		]);
	});

	it('ignores tables without likelihood and impact', () => {
		expect(risksOf('| Risk | Mitigation |\n|---|---|\n| A | B |\n')).toEqual([]);
	});

	it.each([
		['Low', 'Low'],
		['MEDIUM', 'Medium'],
		['Moderate', 'Medium'],
		['H', 'High'],
		['Very High', 'Critical'],
		['critical', 'Critical'],
		['unknown', undefined],
	])('parseLevel(%s) → %s', (text, level) => {
		expect(parseLevel(text)).toBe(level);
	});
});
