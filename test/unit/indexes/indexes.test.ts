import { describe, expect, it } from 'vitest';
import { backlinks } from '#plans/indexes/backlinks.ts';
import { categoryOf, costRollup, planCostTotals, providerOf } from '#plans/indexes/costs.ts';
import { totalsClaim } from '#plans/indexes/costs-page.ts';
import { buildDate, milestoneIndex, openQuestions } from '#plans/indexes/dated.ts';
import { mergedGlossary } from '#plans/indexes/glossary.ts';
import { riskIndex } from '#plans/indexes/risks.ts';
import { compareVersions, technologyIndex } from '#plans/indexes/technologies.ts';
import type { IndexedPlan } from '#plans/indexes/types.ts';
import { statusBoard } from '#plans/indexes/plans-table.ts';
import { parsePlan } from '#plans/parse/plan.ts';

const plan = (path: string, markdown: string): IndexedPlan => {
	const id = path.replace(/\.mdx?$/, '');
	return {
		id,
		url: `/plans/${id}/`,
		data: parsePlan({ raw: markdown, file: `plans/${path}`, path }).data,
	};
};

const api = plan(
	'api.md',
	`# API

## Technology Stack

| Component | Technology | Version |
|---|---|---|
| Primary DB | PostgreSQL | 16.x |
| Cache | Redis | 7 |

## Cost Estimation

| Component | Service | Monthly Cost |
|---|---|---|
| Compute | AWS EC2 | $100 |
| Database | RDS PostgreSQL | $200 |
| Cache | ElastiCache Redis | $50–$70 |
| Search (optional) | OpenSearch | $90 |
| **Total** | | **$300** |

### Development Costs

| Item | Cost |
|---|---|
| Build | $12,000 |
| Option B: agency build | $20,000 |

## Risks

| Risk | Likelihood | Impact |
|---|---|---|
| Outage | High | High |
| Typo | Low | Low |
| Unknown | ? | High |

## Timeline & Milestones

| Milestone | Target Date | Status |
|---|---|---|
| Kickoff | 2026-01-10 | Done |
| Beta | 2026-03-01 | |
| GA | Q4 2026 | |
| Later | Week 40 | |

## Open Questions

1. **Which region?**
   - **Decision Deadline**: 2026-02-01
2. **Which queue?**
   - **Decision Deadline**: 2026-06-01
3. **Nobody knows when?**
4. ~~Settled?~~

## Glossary

- **SLO**: Service level objective
- **RPO**: Recovery point objective
`,
);

const web = plan(
	'web/app.md',
	`# Web

See [the API](../api.md#cost-estimation) and [its risks](../api.md#risks).

## Stack

| Component | Technology | Version |
|---|---|---|
| Database | postgres | v15 |

## Costs

| Component | Service | Cost |
|---|---|---|
| CDN | Cloudflare | €20 |
| Monitoring | Datadog | €80 |

## Risks

| Risk | Likelihood | Impact |
|---|---|---|
| Breach | Low | Critical |

## Links

More in [the API plan](../api.md).

## Glossary

- **SLO**: Service-level objective.
- **RPO**: Maximum tolerated data loss.
`,
);

describe('technology index', () => {
	it('merges spellings, lists layers and plans, and marks major-version drift', () => {
		const [postgres, redis] = technologyIndex([api, web]);
		expect(postgres).toMatchObject({
			key: 'postgresql',
			name: 'PostgreSQL',
			majors: ['15', '16'],
			drift: true,
			layers: ['database'],
		});
		expect(postgres!.uses.map((use) => use.href)).toEqual([
			'/plans/api/#tech-postgresql',
			'/plans/web/app/#tech-postgres',
		]);
		expect(redis).toMatchObject({ key: 'redis', majors: ['7'], drift: false });
	});

	it('compares versions numerically', () => {
		expect(['16', '9', '0.10', '0.9'].sort(compareVersions)).toEqual(['0.9', '0.10', '9', '16']);
	});
});

describe('cost roll-up', () => {
	const usd = (low: number, high = low) => ({ USD: { low, high, atLeast: false } });
	const eur = (low: number, high = low) => ({ EUR: { low, high, atLeast: false } });

	it('sums per plan, category and provider, each kind of money and currency apart, and lists totals that do not add up', () => {
		const rollup = costRollup([api, web]);
		expect(rollup.currencies).toEqual(['USD', 'EUR']);
		expect(rollup.kinds).toEqual(['monthly', 'oneTime', 'unstated']);
		expect(rollup.plans.map(({ plan: { id }, totals }) => [id, totals])).toEqual([
			// The optional search row and the agency build (option B) are not added.
			['api', { monthly: usd(350, 370), oneTime: usd(12000), unstated: {} }],
			// Nothing states a period for web's costs: they are not a monthly run-rate.
			['web/app', { monthly: {}, oneTime: {}, unstated: eur(100) }],
		]);
		expect(rollup.categories.map(({ name, totals }) => [name, totals])).toEqual([
			['compute', { monthly: usd(100), oneTime: {}, unstated: {} }],
			['database', { monthly: usd(200), oneTime: {}, unstated: {} }],
			['cache', { monthly: usd(50, 70), oneTime: {}, unstated: {} }],
			['cdn', { monthly: {}, oneTime: {}, unstated: eur(20) }],
			['monitoring', { monthly: {}, oneTime: {}, unstated: eur(80) }],
			['other', { monthly: {}, oneTime: usd(12000), unstated: {} }],
		]);
		expect(rollup.providers.map(({ name }) => name)).toEqual(['AWS', 'Cloudflare', 'Datadog']);
		expect(rollup.total).toEqual({
			monthly: usd(350, 370),
			oneTime: usd(12000),
			unstated: eur(100),
		});
		expect(rollup.mismatches.map(({ href, table }) => [href, table.mismatch])).toEqual([
			['/plans/api/#costs-cost-estimation', 'written $300/mo, rows sum to $350–$370/mo'],
		]);
	});

	it('gives plans.json a plan’s run-rate per month and per year, its one-time money and its money of no stated period', () => {
		expect(planCostTotals(api.data.costs)).toEqual({
			monthly: usd(350, 370),
			yearly: usd(4200, 4440),
			oneTime: usd(12000),
			unstated: {},
		});
		expect(planCostTotals(web.data.costs)).toEqual({
			monthly: {},
			yearly: {},
			oneTime: {},
			unstated: eur(100),
		});
	});

	it('only lists the kinds of money some plan has', () => {
		expect(costRollup([web]).kinds).toEqual(['unstated']);
	});

	it('leaves tables of options out, marks plans whose figures are unverified, and claims only what it checked', () => {
		const budget = plan(
			'grant.md',
			'# Grant\n\n## Examples of past grants\n\n| Project | Amount |\n|---|---|\n| Indexer | $30,000 |\n\n## Budget\n\n| Item | Cost | Quantity |\n|---|---|---|\n| Laptop | $2,000 | 3 |\n',
		);
		const rollup = costRollup([budget]);
		expect(rollup.plans.map(({ totals, unverified }) => [totals.oneTime, unverified])).toEqual([
			[usd(2000), true],
		]);
		expect(rollup.unverified.map(({ href }) => href)).toEqual(['/plans/grant/#costs-budget']);
		expect(totalsClaim(rollup)).toBe('No cost table writes a Total row to check.');
		expect(totalsClaim(costRollup([api]))).toBe(
			'The one written Total matches the sum of its rows.',
		);
		expect(totalsClaim({ checkedTotals: 3, unverified: rollup.unverified })).toBe(
			'All 3 written Totals match the sum of their rows; the figures of 1 table could not be checked (below).',
		);
	});

	it.each([
		[{ component: 'Cache', service: 'ElastiCache Redis' }, 'cache', 'AWS'],
		[{ component: 'Database', service: 'RDS PostgreSQL' }, 'database', 'AWS'],
		[{ component: 'Compute', service: 'GKE Autopilot' }, 'compute', 'Google Cloud'],
		[{ component: 'Object storage', service: undefined }, 'storage', undefined],
		[{ component: 'Consulting', service: 'Acme Ltd' }, 'other', undefined],
	])('%o is %s from %s', (item, category, provider) => {
		expect(categoryOf(item)).toBe(category);
		expect(providerOf(item)).toBe(provider);
	});
});

describe('risk index', () => {
	it('sorts by severity and fills a 4×4 grid when a risk is Critical', () => {
		const index = riskIndex([api, web]);
		expect(index.rows.map(({ risk }) => risk.risk)).toEqual([
			'Outage',
			'Breach',
			'Typo',
			'Unknown',
		]);
		expect(index.levels).toEqual(['Low', 'Medium', 'High', 'Critical']);
		expect(index.cells).toHaveLength(16);
		const cell = (likelihood: string, impact: string) =>
			index.cells
				.find((c) => c.likelihood === likelihood && c.impact === impact)!
				.risks.map(({ href }) => href);
		expect(cell('High', 'High')).toEqual(['/plans/api/#risk-outage']);
		expect(cell('Low', 'Critical')).toEqual(['/plans/web/app/#risk-breach']);
		expect(index.cells[0]).toMatchObject({ likelihood: 'Critical', impact: 'Low' });
		expect(index.unplaced.map(({ risk }) => risk.risk)).toEqual(['Unknown']);
	});

	it('uses a 3×3 grid without Critical risks', () => {
		expect(riskIndex([api]).cells).toHaveLength(9);
	});
});

describe('dated items', () => {
	it('marks milestones done, overdue, upcoming or undated on the build date, and picks the next ones', () => {
		const { rows, next } = milestoneIndex([api], '2026-05-01');
		expect(rows.map(({ milestone, state }) => [milestone.name, state])).toEqual([
			['Kickoff', 'done'],
			['Beta', 'overdue'],
			['GA', 'upcoming'],
			['Later', 'undated'],
		]);
		expect(next.map(({ milestone }) => milestone.name)).toEqual(['GA']);
	});

	it('lists open questions overdue first, then by deadline, then undated; settled ones are left out', () => {
		const rows = openQuestions([api], '2026-03-01');
		expect(rows.map(({ question, overdue }) => [question.question, overdue])).toEqual([
			['Which region?', true],
			['Which queue?', false],
			['Nobody knows when?', false],
		]);
	});

	it('takes the build date from SOURCE_DATE_EPOCH when set', () => {
		expect(buildDate({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
		expect(buildDate({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('glossary and backlinks', () => {
	it('merges terms across plans and flags conflicting definitions', () => {
		const merged = mergedGlossary([api, web]);
		expect(
			merged.map(({ term, conflicting, definitions }) => [term, conflicting, definitions.length]),
		).toEqual([
			['RPO', true, 2],
			['SLO', false, 2],
		]);
	});

	it('lists the plans that link to a plan, once per linking section', () => {
		const links = backlinks([api, web]);
		expect(links.get('api')!.map(({ href, sectionText }) => [href, sectionText])).toEqual([
			['/plans/web/app/', undefined],
			['/plans/web/app/#links', 'Links'],
		]);
		expect(links.get('web/app')).toBeUndefined();
	});
});

describe('the status board', () => {
	it('has a column for each stage the plans are in, in order, and none left empty', () => {
		const plans = [
			plan('a.md', '# A\n\n- Status: Implemented\n'),
			plan('b.md', '# B\n\nNo status.\n'),
			plan('c.md', '# C\n\n**Status**: Draft\n'),
			plan('d.md', '# D\n\n**Status**: Greenlit\n'),
		];
		expect(
			statusBoard(plans).board.map(
				({ label, plans }) => `${label}: ${plans.map(({ data }) => data.title).join(', ')}`,
			),
		).toEqual(['Draft: C', 'Done: A', 'Other statuses: D', 'No status: B']);
	});
});
