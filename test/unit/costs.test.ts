import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCostTables } from '#plans/parse/costs.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { RowAnchors } from '#plans/parse/anchors.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const tablesOf = (markdown: string) => collectCostTables(parseMarkdown(markdown), new RowAnchors([])).map(({ table }) => table);
const fixturePlan = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('cost tables', () => {
	it('reads the template-shaped plan table and checks its Total row', () => {
		const [table] = tablesOf(fixturePlan('template/technical-plan.md'));
		expect(table!.items.map((item) => item.component)).toEqual(['Compute', 'Database', 'Cache', 'CDN', 'Monitoring']);
		expect(table!.items.map((item) => item.service)).toEqual(['ECS Fargate', 'RDS Postgres', 'ElastiCache Redis', 'CloudFront', 'Grafana Cloud']);
		expect(table!.totals).toEqual({ USD: { low: 339.5, high: 339.5, atLeast: false } });
		expect(table!.written!.cost).toMatchObject({ kind: 'amount', low: 339.5, period: 'month' });
		expect(table!.mismatch).toBeUndefined();
	});

	it('reads the unfilled template table: bracketed placeholders are the values', () => {
		const [table] = tablesOf(
			'| Component | Service | Usage | Cost |\n|---|---|---|---|\n| Compute | [AWS EC2] | [4 x t3.medium] | [$120] |\n| Database | [RDS PostgreSQL] | [db.t3.large + 100GB] | [$180] |\n| **Total** | | | **$300/mo** |\n',
		);
		expect(table!.items.map(({ service, usage }) => [service, usage])).toEqual([
			['AWS EC2', '4 x t3.medium'],
			['RDS PostgreSQL', 'db.t3.large + 100GB'],
		]);
		expect(table!.totals).toEqual({ USD: { low: 300, high: 300, atLeast: false } });
		expect(table!.mismatch).toBeUndefined();
	});

	it('finds the cost column by name, in any position and case', () => {
		const [table] = tablesOf('| Usage | MONTHLY COST | Component |\n|---|---|---|\n| 2 nodes | $100 | API |\n| 1 TB | €40 | CDN |\n');
		expect(table!.column).toBe(1);
		expect(table!.totals).toEqual({ USD: { low: 100, high: 100, atLeast: false }, EUR: { low: 40, high: 40, atLeast: false } });
	});

	it('finds a cost column whose header ends in a colon, as other tables\' headers may', () => {
		const [table] = tablesOf('| **Component:** | **Cost (USD):** |\n|---|---|\n| API | $100 |\n');
		expect(table).toMatchObject({ column: 1, totals: { USD: { low: 100, high: 100, atLeast: false } } });
	});

	it('takes a Total over rows that are all unknown as no more than a lower bound', () => {
		const [table] = tablesOf('| Component | Cost |\n|---|---|\n| API | TBD |\n| DB | 12$ |\n| **Total** | **$500/mo** |\n');
		expect(table).toMatchObject({ totals: {}, written: { line: 5 }, mismatch: undefined });
		const [under] = tablesOf('| Component | Cost |\n|---|---|\n| API | TBD |\n| **Total** | **-$5/mo** |\n');
		expect(under!.mismatch).toBe('written -$5/mo, rows sum to at least $0/mo');
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

	it('checks tables shaped like real ones: prices in the Usage column, repeated components, ranges, yearly and tiny amounts', () => {
		const [serverless, staticSite] = tablesOf(fixturePlan('real-shapes/plans/hosting-costs.md'));
		// The per-GB-second price in a Usage cell is not a cost; two Storage rows get their own anchors.
		expect(serverless).toMatchObject({ totals: { USD: { low: 57.4, high: 57.4 } }, mismatch: undefined });
		expect(serverless!.items.map((item) => item.anchor)).toEqual(['cost-compute', 'cost-storage', 'cost-storage-1', 'cost-cdn', 'cost-queue']);
		// $0 + $4-8 + $12-20 + $0.05 + $18/year (= $1.50/mo) + $0 against a written ~$10-25/month.
		expect(staticSite!.mismatch).toBe('written $10–$25/mo, rows sum to $17.55–$29.55/mo');
	});
});
