import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRiskTables, parseLevel } from '../../integrations/plans/parse/risks.ts';
import { RowAnchors } from '../../integrations/plans/parse/anchors.ts';
import { parseMarkdown } from '../../integrations/plans/parse/tree.ts';

const risksOf = (markdown: string) => collectRiskTables(parseMarkdown(markdown), new RowAnchors([])).flatMap(({ risks }) => risks);

describe('risk tables', () => {
	it('reads the template table', () => {
		const template = readFileSync(new URL('../../../shared/seed/technical-plan-template.md', import.meta.url), 'utf8');
		expect(risksOf(template).map(({ risk, likelihood, impact, owner, anchor }) => ({ risk, likelihood, impact, owner, anchor }))).toEqual([
			{ risk: 'Third-party API downtime', likelihood: 'Medium', impact: 'High', owner: 'Team', anchor: 'risk-third-party-api-downtime' },
			{ risk: 'Database scaling', likelihood: 'High', impact: 'High', owner: 'DBA', anchor: 'risk-database-scaling' },
			{ risk: 'Security breach', likelihood: 'Low', impact: 'Critical', owner: 'Security', anchor: 'risk-security-breach' },
			{ risk: 'Scope creep', likelihood: 'High', impact: 'Medium', owner: 'PM', anchor: 'risk-scope-creep' },
		]);
	});

	it('accepts Probability for Likelihood, any column order, and numbers repeated anchors', () => {
		const risks = risksOf('| Impact | Risk | Probability | Phase |\n|---|---|---|---|\n| **High** | Outage | Med | 1 |\n| low | Outage | very high | 2 |\n');
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
