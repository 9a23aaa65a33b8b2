import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCostTables } from '../../integrations/plans/parse/costs.ts';
import { parsePlan } from '../../integrations/plans/parse/plan.ts';
import { RowAnchors } from '../../integrations/plans/parse/anchors.ts';
import { parseMarkdown } from '../../integrations/plans/parse/tree.ts';

const tablesOf = (markdown: string) => collectCostTables(parseMarkdown(markdown), new RowAnchors([])).map(({ table }) => table);
const corpus = (name: string) => readFileSync(new URL(`../../../shared/corpus/real/${name}`, import.meta.url), 'utf8');

describe('cost tables', () => {
	it('reads the template table and checks its Total row', () => {
		const template = readFileSync(new URL('../../../shared/seed/technical-plan-template.md', import.meta.url), 'utf8');
		const [table] = tablesOf(template);
		expect(table!.items.map((item) => item.component)).toEqual(['Compute', 'Database', 'Cache', 'CDN', 'Monitoring']);
		expect(table!.totals).toEqual({ USD: { low: 585, high: 585, atLeast: false } });
		expect(table!.written!.cost).toMatchObject({ kind: 'amount', low: 585, period: 'month' });
		expect(table!.mismatch).toBeUndefined();
	});

	it('finds the cost column by name, in any position and case', () => {
		const [table] = tablesOf('| Usage | MONTHLY COST | Component |\n|---|---|---|\n| 2 nodes | $100 | API |\n| 1 TB | €40 | CDN |\n');
		expect(table!.column).toBe(1);
		expect(table!.totals).toEqual({ USD: { low: 100, high: 100, atLeast: false }, EUR: { low: 40, high: 40, atLeast: false } });
	});

	it('reports a Total that does not add up, with both numbers, at its line', () => {
		const { data } = parsePlan({
			raw: '# P\n\n| Component | Cost |\n|---|---|\n| API | $100/mo |\n| DB | $150–$200/mo |\n| **Total** | **$240/mo** |\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(data.costs[0]!.mismatch).toBe('written $240/mo, rows sum to $250–$300/mo');
		expect(data.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 7, message: expect.stringContaining('written $240/mo, rows sum to $250–$300/mo') })]);
	});

	it('reports a cost cell it cannot read and keeps it as written', () => {
		const { data } = parsePlan({ raw: '| Component | Cost |\n|---|---|\n| API | 12$ |\n', file: 'plans/p.md', path: 'p.md' });
		expect(data.costs[0]!.items[0]!.cost).toMatchObject({ kind: 'invalid', text: '12$' });
		expect(data.problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('"12$" of "API" cannot be read') });
	});

	it('checks real corpus tables: MedPlum adds up, the DfE range does not', () => {
		const medplum = tablesOf(corpus('MediMindAI__MedPlum_MediMind__fhir-form-builder-research.md'));
		expect(medplum[0]).toMatchObject({ totals: { USD: { low: 53, high: 53 } }, mismatch: undefined });
		const dfe = tablesOf(corpus('oaknational__dfe-curriculum-ontology__architecture.md'));
		expect(dfe[0]!.mismatch).toBe('written $15–$35/mo, rows sum to $21.03–$36.03/mo');
	});
});
