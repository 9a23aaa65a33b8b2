import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCostTables } from '#plans/parse/costs.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { RowAnchors } from '#plans/parse/anchors.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const tablesOf = (markdown: string) =>
	collectCostTables(parseMarkdown(markdown), new RowAnchors([])).map(({ table }) => table);
const tableOf = (markdown: string) => tablesOf(markdown)[0]!;
/** Totals that are all run-rate. */
const monthly = (totals: object) => ({ monthly: totals, oneTime: {}, unstated: {} });
const fixturePlan = (path: string) =>
	readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('cost tables', () => {
	it('reads the template-shaped plan table and checks its Total row', () => {
		const [table] = tablesOf(fixturePlan('template/technical-plan.md'));
		expect(table!.items.map((item) => item.component)).toEqual([
			'Compute',
			'Database',
			'Cache',
			'CDN',
			'Monitoring',
		]);
		expect(table!.items.map((item) => item.service)).toEqual([
			'ECS Fargate',
			'RDS Postgres',
			'ElastiCache Redis',
			'CloudFront',
			'Grafana Cloud',
		]);
		expect(table).toMatchObject({ period: 'month', periodFrom: 'heading' });
		expect(table!.totals).toEqual(monthly({ USD: { low: 339.5, high: 339.5, atLeast: false } }));
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
		expect(table!.totals).toEqual(monthly({ USD: { low: 300, high: 300, atLeast: false } }));
		expect(table!.mismatch).toBeUndefined();
	});

	it('finds the cost column by name, in any position and case', () => {
		const [table] = tablesOf(
			'| Usage | MONTHLY COST | Component |\n|---|---|---|\n| 2 nodes | $100 | API |\n| 1 TB | €40 | CDN |\n',
		);
		expect(table!.column).toBe(1);
		expect(table!.totals).toEqual(
			monthly({
				USD: { low: 100, high: 100, atLeast: false },
				EUR: { low: 40, high: 40, atLeast: false },
			}),
		);
	});

	it("finds a cost column whose header ends in a colon, as other tables' headers may", () => {
		const [table] = tablesOf('| **Component:** | **Cost (USD):** |\n|---|---|\n| API | $100 |\n');
		expect(table).toMatchObject({
			column: 1,
			totals: { unstated: { USD: { low: 100, high: 100, atLeast: false } } },
		});
	});

	it('takes a Total over rows that are all unknown as no more than a lower bound', () => {
		const [table] = tablesOf(
			'| Component | Cost |\n|---|---|\n| API | TBD |\n| DB | 12$ |\n| **Total** | **$500/mo** |\n',
		);
		expect(table).toMatchObject({
			totals: { monthly: {}, oneTime: {}, unstated: {} },
			written: { line: 5 },
			mismatch: undefined,
		});
		const [under] = tablesOf(
			'| Component | Cost |\n|---|---|\n| API | TBD |\n| **Total** | **-$5/mo** |\n',
		);
		expect(under!.mismatch).toBe('written -$5/mo, rows sum to at least $0/mo');
	});

	it('reports a Total that does not add up, with both numbers, at its line', () => {
		const { data } = parsePlan({
			raw: '# P\n\n| Component | Cost |\n|---|---|\n| API | $100/mo |\n| DB | $150–$200/mo |\n| **Total** | **$240/mo** |\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(data.costs[0]!.mismatch).toBe('written $240/mo, rows sum to $250–$300/mo');
		expect(data.problems).toEqual([
			expect.objectContaining({
				severity: 'warning',
				line: 7,
				message: expect.stringContaining('written $240/mo, rows sum to $250–$300/mo'),
			}),
		]);
	});

	it('reports a cost cell it cannot read and keeps it as written', () => {
		const { data } = parsePlan({
			raw: '| Component | Cost |\n|---|---|\n| API | 12$ |\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(data.costs[0]!.items[0]!.cost).toMatchObject({ kind: 'invalid', text: '12$' });
		expect(data.problems[0]).toMatchObject({
			line: 3,
			message: expect.stringContaining('"12$" of "API" cannot be read'),
		});
	});

	it('checks tables shaped like real ones: prices in the Usage column, repeated components, ranges, yearly and tiny amounts', () => {
		const [serverless, staticSite] = tablesOf(fixturePlan('real-shapes/plans/hosting-costs.md'));
		// The per-GB-second price in a Usage cell is not a cost; two Storage rows get their own anchors.
		expect(serverless).toMatchObject({
			totals: { monthly: { USD: { low: 57.4, high: 57.4 } } },
			mismatch: undefined,
		});
		expect(serverless!.items.map((item) => item.anchor)).toEqual([
			'cost-compute',
			'cost-storage',
			'cost-storage-1',
			'cost-cdn',
			'cost-queue',
		]);
		// $0 + $4-8 + $12-20 + $0.05 + $18/year (= $1.50/mo) + $0 against a written ~$10-25/month.
		expect(staticSite!.mismatch).toBe('written $10–$25/mo, rows sum to $17.55–$29.55/mo');
	});
});

/** A two-row cost table under the given lines, with the given cost column header and cells. */
const costTable = (above: string, header: string, first: string, second: string, total = '') =>
	`${above}\n\n| Component | ${header} |\n|---|---|\n| API | ${first} |\n| DB | ${second} |\n${total && `| **Total** | ${total} |\n`}`;

describe('the period of a cost table', () => {
	it.each([
		['Cost (Monthly)', 'month'],
		['Monthly Cost', 'month'],
		['Cost/mo', 'month'],
		['Cost per month', 'month'],
		['Annual Cost', 'year'],
		['Cost (yearly)', 'year'],
		['One-time Cost', 'once'],
		['Cost (one-off)', 'once'],
		['Budget', 'once'],
	] as const)('comes from the cost column header %j', (header, period) => {
		expect(tableOf(costTable('## Costs', header, '$100', '$200'))).toMatchObject({
			period,
			periodFrom: 'header',
		});
	});

	it('does not take a rate in the header for the column’s period', () => {
		const table = tableOf(costTable('## Estimate', 'Est. Cost (@$100/hr)', '$8,000', '$4,000'));
		expect(table.period).toBeUndefined();
		expect(table.totals.unstated).toEqual({ USD: { low: 12000, high: 12000, atLeast: false } });
	});

	it.each([
		['### Infrastructure Costs (Monthly)', 'month'],
		['## Monthly Costs (Steady State)', 'month'],
		['## Yearly licences', 'year'],
		['## One-time costs', 'once'],
		['### Development Costs', 'once'],
		['## Budget Estimates\n\n#### MVP Phase (Months 1-4)', 'once'],
		['### Implementation costs', 'once'],
		// A heading that states a period outright beats one about what the money is for.
		['## Monthly costs\n\n### Phase 1', 'month'],
		['## Budget\n\n### Hosting (per month)', 'month'],
	] as const)('comes from the heading %j', (headings, period) => {
		expect(tableOf(costTable(headings, 'Cost', '$100', '$200'))).toMatchObject({
			period,
			periodFrom: 'heading',
		});
	});

	it('does not come from the plan’s title, nor from a heading that names two periods', () => {
		expect(
			tableOf(costTable('# Budget for the new API\n\n## Hosting', 'Cost', '$100', '$200')).period,
		).toBeUndefined();
		expect(
			tableOf(costTable('## One-time and monthly costs', 'Cost', '$100', '$200')).period,
		).toBeUndefined();
	});

	it.each([
		['the written Total', '$100', '$200', '**$300/mo**', 'month'],
		['every priced row alike', '$1,200/yr', '$2,400 per year', '', 'year'],
		['every priced row alike, free rows aside', 'Free', '$50 per month', '', 'month'],
	] as const)('comes from its cells: %s', (_name, first, second, total, period) => {
		expect(tableOf(costTable('## Costs', 'Cost', first, second, total))).toMatchObject({
			period,
			periodFrom: 'cells',
		});
	});

	it('takes what its cells write over a heading about what the money is for', () => {
		expect(
			tableOf(costTable('### Development Costs', 'Cost', '$100', '$200', '$300/month')),
		).toMatchObject({ period: 'month', periodFrom: 'cells' });
	});

	it('is none when nothing states one: the amounts keep no period and are no run-rate', () => {
		const table = tableOf(costTable('## Costs', 'Cost', '$100', '$200/mo'));
		expect(table.period).toBeUndefined();
		expect(table.periodFrom).toBeUndefined();
		expect(table.items.map((item) => item.cost)).toEqual([
			expect.not.objectContaining({ period: expect.anything(), monthlyLow: expect.anything() }),
			expect.objectContaining({ period: 'month', monthlyLow: 200 }),
		]);
		expect(table.totals).toEqual({
			monthly: { USD: { low: 200, high: 200, atLeast: false } },
			oneTime: {},
			unstated: { USD: { low: 100, high: 100, atLeast: false } },
		});
	});

	it('never converts one-time money to a month, and converts yearly rows of a monthly table', () => {
		const oneTime = tableOf(costTable('## Setup', 'One-time Cost', '$5,000', '$1,200/yr'));
		expect(oneTime.items[0]!.cost).toMatchObject({ period: 'once', low: 5000 });
		expect(oneTime.items[0]!.cost).not.toHaveProperty('monthlyLow');
		expect(oneTime.totals).toEqual({
			monthly: { USD: { low: 100, high: 100, atLeast: false } },
			oneTime: { USD: { low: 5000, high: 5000, atLeast: false } },
			unstated: {},
		});
	});

	it('reads a 14-week build under "Development Costs" as one-time money that adds up', () => {
		const table = tableOf(
			'### Development Costs\n\n| Phase | Duration | Developer Hours | Est. Cost (@$100/hr) |\n|---|---|---|---|\n| Phase 1: Foundation | 2 weeks | 80 hours | $8,000 |\n| Phase 2: Form Builder UI | 3 weeks | 120 hours | $12,000 |\n| **Total** | **5 weeks** | **200 hours** | **$20,000** |\n',
		);
		expect(table).toMatchObject({ period: 'once', periodFrom: 'heading', mismatch: undefined });
		expect(table.totals.oneTime).toEqual({ USD: { low: 20000, high: 20000, atLeast: false } });
		expect(table.totals.monthly).toEqual({});
	});

	it('reads a roadmap Budget column as one-time money', () => {
		const table = tableOf(
			'### Development Roadmap\n\n| Phase | Duration | Budget |\n|---|---|---|\n| **MVP** | Months 1-4 | $247K |\n| **Beta** | Months 5-10 | $840K |\n| **V1.0** | Months 11-18 | $1.57M |\n',
		);
		expect(table).toMatchObject({ period: 'once', periodFrom: 'header' });
		expect(table.totals.oneTime).toEqual({
			USD: { low: 2_657_000, high: 2_657_000, atLeast: false },
		});
	});

	it('checks a written Total against the rows of its own kind of money', () => {
		const table = tableOf(costTable('## Costs', 'Cost', '$100/mo', '$500 one-time', '$100/mo'));
		expect(table.mismatch).toBeUndefined();
		const unknown = tableOf(
			costTable('## Costs', 'Cost (Monthly)', 'TBD', '$500 one-time', '$100'),
		);
		expect(unknown.mismatch).toBeUndefined();
	});
});

describe('alternatives and options in a cost table', () => {
	it.each([
		'Alternative',
		'**Alternative**',
		'Alternatives',
		'Option B',
		'Hosting option 2',
		'Managed Postgres (instead of self-hosted)',
		'Redis or Memcached',
		'Optional: APM',
		'Search (optional)',
		'Backups (alternative)',
		'Premium support (not included)',
		'CDN (not in total)',
	])('leaves out a row labelled %j, and shows it', (label) => {
		const table = tableOf(
			`## Costs (Monthly)\n\n| Component | Cost |\n|---|---|\n| Compute | $100 |\n| ${label} | $40 |\n| **Total** | **$100** |\n`,
		);
		expect(table.items.map((item) => item.inTotal)).toEqual([true, false]);
		expect(table.totals.monthly).toEqual({ USD: { low: 100, high: 100, atLeast: false } });
		expect(table.mismatch).toBeUndefined();
	});

	it.each([
		'Storage',
		'Orchestrator',
		'Vendor support',
		'Order service',
		'Monitoring',
		'Orçamento',
		'Doors',
		'Adoption tooling',
	])('adds a row labelled %j', (label) => {
		const table = tableOf(
			`## Costs (Monthly)\n\n| Component | Cost |\n|---|---|\n| ${label} | $40 |\n`,
		);
		expect(table.items[0]!.inTotal).toBe(true);
		expect(table.totals.monthly).toEqual({ USD: { low: 40, high: 40, atLeast: false } });
	});

	it('checks a steady-state table with an Alternative row and an approximate written range without a false warning', () => {
		const table = tableOf(
			'### Monthly Costs (Steady State)\n\n| Component | Service | Cost |\n|---|---|---|\n| **Static Website** | Vercel Free Tier | **$0** |\n| **Alternative** | Cloud Storage + CDN | **$5-10** |\n| **SPARQL Endpoint** | Cloud Run | **$15-25** |\n| **Container Registry** | GCR | **$0.026** |\n| **Domain** | Google Domains | **$12/year** |\n| **Total** | | **~$15-35/month** |\n',
		);
		expect(table.items.filter((item) => !item.inTotal).map((item) => item.component)).toEqual([
			'Alternative',
		]);
		expect(table.totals.monthly).toEqual({ USD: { low: 16.03, high: 26.03, atLeast: false } });
		expect(table.mismatch).toBeUndefined();
	});
});
