import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';

// Money tables as grant budgets and proposals write them: each shape read through the column
// that is each row's amount, in the unit written, checked against the author's Total.

const costs = (markdown: string) =>
	parsePlan({ raw: `# Plan\n\n${markdown}\n`, file: 'plans/p.md', path: 'p.md' });
const table = (markdown: string) => costs(markdown).data.costs[0]!;
const amounts = (markdown: string) =>
	table(markdown).items.map((item) =>
		item.cost.kind === 'amount' ? `${item.cost.low} ${item.cost.currency}` : item.cost.kind,
	);

describe('rate × quantity = total', () => {
	const budget = [
		'## Budget',
		'',
		'| Category | Item | Cost | Quantity | Total |',
		'| --- | --- | --- | --- | --- |',
		'| Staff | Developer (0.5 FTE) | $24,000 | 0.5 | $12,000 |',
		'| Staff | Designer | $5,000 | 2 | $10,000 |',
		'| Hardware | Test devices | $1,750 | 4 | $7,000 |',
		'| **Total** | | | | **$29,000** |',
	].join('\n');

	it('reads each row through its Total column, not its rate, and checks the written total', () => {
		const read = table(budget);
		expect(amounts(budget)).toEqual(['12000 USD', '10000 USD', '7000 USD']);
		expect(read.totals.oneTime).toEqual({ USD: { low: 29000, high: 29000, atLeast: false } });
		expect(read.mismatch).toBeUndefined();
		expect(read.unverified).toBeUndefined();
	});

	it('marks a row whose total is not its rate × quantity as unverified', () => {
		const read = table(
			budget
				.replace('| $1,750 | 4 | $7,000 |', '| $1,750 | 4 | $8,000 |')
				.replace('**$29,000**', '**$30,000**'),
		);
		expect(read.unverified).toBe('row "Test devices": $1,750 × 4 is not $8,000');
	});

	it('computes rate × hours when no column holds the amounts: money spent once', () => {
		const read = table(
			'| Task | Hourly rate | Hours |\n| --- | --- | --- |\n| Design | $120 | 10 |\n| Build | $100 | 40 |',
		);
		expect(read.amountFrom).toBe('rate × quantity');
		expect(
			read.items.map((item) => item.cost.kind === 'amount' && [item.cost.low, item.cost.text]),
		).toEqual([
			[1200, '$120 × 10'],
			[4000, '$100 × 40'],
		]);
		expect(read.totals.oneTime).toEqual({ USD: { low: 5200, high: 5200, atLeast: false } });
	});

	it('lets the written Total say whether a plain Cost beside a Quantity is per unit', () => {
		const rows =
			'| Item | Cost | Quantity |\n| --- | --- | --- |\n| Laptop | $2,000 | 3 |\n| Monitor | $400 | 3 |';
		expect(table(`${rows}\n| Total | $7,200 | |`).amountFrom).toBe('rate × quantity');
		const perRow = table(`${rows}\n| Total | $2,400 | |`);
		expect([perRow.amountFrom, perRow.mismatch, perRow.unverified]).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		// Nothing says: read as written, and never shown as checked.
		expect(table(rows).unverified).toContain('no written Total says whether each cost is per unit');
	});
});

describe('a Running Total column', () => {
	it("gives the author's total, checked against the rows, when the Total row leaves its amount empty", () => {
		const read = table(
			'| Budget Item | Amount (in USD) | Running Total | Notes |\n| --- | --- | --- | --- |\n| Tutorials | 6000.00 | 6000.00 | |\n| Stipends | 500 | 8000.00 | 4 stipends x 500 each |\n| **Total** | | 8000.00 | |',
		);
		expect(read.written).toMatchObject({
			cost: { kind: 'amount', currency: 'USD', low: 8000 },
			line: 7,
		});
		expect(read.mismatch).toBe('written $8,000, rows sum to $6,500');
	});
});

describe('period columns', () => {
	it('read the Monthly column of an Annually / Quarterly / Monthly budget, as a run-rate', () => {
		const read = table(
			'| Item | Annually | Quarterly | Monthly |\n| --- | --- | --- | --- |\n| Salaries | $840,000 | $210,000 | $70,000 |\n| Hosting | $58,150 | $14,537.50 | $4,845.83 |',
		);
		expect(read.period).toBe('month');
		expect(read.totals.monthly).toEqual({ USD: { low: 74845.83, high: 74845.83, atLeast: false } });
	});

	it('read a Quarterly column alone per quarter', () => {
		const read = table('| Item | Quarterly |\n| --- | --- |\n| Audit | $3,000 |');
		expect(read.items[0]!.cost).toMatchObject({ period: 'quarter', monthlyLow: 1000 });
	});
});

describe('units as written', () => {
	it('reads US$ in a Fund column, and stablecoins and tokens as themselves', () => {
		expect(
			amounts('| Milestone | Fund |\n| --- | --- |\n| M1 | US$ 1,000 |\n| M2 | US$ 2,500 |'),
		).toEqual(['1000 USD', '2500 USD']);
		expect(
			amounts('| Milestone | Amount |\n| --- | --- |\n| M1 | 12,000 DAI |\n| M2 | 8,000 USDC |'),
		).toEqual(['12000 DAI', '8000 USDC']);
		expect(
			amounts('| Milestone | Budget |\n| --- | --- |\n| M1 | ₳ 40,000 |\n| M2 | 75,000 ALGO |'),
		).toEqual(['40000 ADA', '75000 ALGO']);
	});

	it('gives bare numbers the unit their header names', () => {
		expect(
			amounts('| Deliverable | Cost (DOT) |\n| --- | --- |\n| Runtime | 1,200 |\n| Docs | 300 |'),
		).toEqual(['1200 DOT', '300 DOT']);
		expect(
			table('| Validators | Cost (ETH/year) |\n| --- | --- |\n| 10% | 0.42 |').items[0]!.cost,
		).toMatchObject({ currency: 'ETH', period: 'year' });
		// A token nobody listed, named by the header in capitals, is still the unit; a word in brackets is not.
		expect(amounts('| Milestone | Amount (XYZT) |\n| --- | --- |\n| M1 | 2,000 |')).toEqual([
			'2000 XYZT',
		]);
		expect(amounts('| Milestone | Cost (est.) |\n| --- | --- |\n| M1 | 2,000 |')).toEqual([
			'invalid',
		]);
	});
});

describe('rows that are not rows', () => {
	it('skip a blank row: the total stays a sum, not "at least"', () => {
		const read = table(
			'| Component | Cost |\n| --- | --- |\n| API | $100/mo |\n| | |\n| DB | $50/mo |',
		);
		expect(read.items).toHaveLength(2);
		expect(read.totals.monthly).toEqual({ USD: { low: 150, high: 150, atLeast: false } });
	});

	it('skip a row of --- fillers under the header, with no problem reported', () => {
		const { data, problems } = costs(
			'| Component | Cost |\n| --- | --- |\n| --- | --- |\n| API | $100/mo |',
		);
		expect(data.costs[0]!.items.map((item) => item.component)).toEqual(['API']);
		expect(problems).toEqual([]);
	});

	it('read an amount written in the header row of a two-column table', () => {
		const read = table(
			'| Total budget | $50,000 |\n| --- | --- |\n| Development | $30,000 |\n| Audit | $20,000 |',
		);
		expect(read.written?.cost).toMatchObject({ kind: 'amount', low: 50000 });
		expect(amounts('| Development | $30,000 |\n| --- | --- |\n| Audit | $20,000 |')).toEqual([
			'30000 USD',
			'20000 USD',
		]);
		expect(read.mismatch).toBeUndefined();
	});
});

describe('tables of options, scenarios or examples', () => {
	it('are shown but never summed when they write no total', () => {
		const read = table(
			'## Alternatives considered\n\n| Setting | Cost |\n| --- | --- |\n| Small | $100/mo |\n| Medium | $200/mo |\n| Large | $400/mo |',
		);
		expect(read.options).toBe(true);
		expect(read.items.every((item) => !item.inTotal)).toBe(true);
		expect(read.totals.monthly).toEqual({});
		const examples = table(
			'## Examples of past grants\n\n| Project | Amount |\n| --- | --- |\n| Indexer | $30,000 |\n| Wallet | $45,000 |',
		);
		expect(examples.options).toBe(true);
	});

	it('include a table whose rows are sizes (what it costs at 1, 100, 10,000 …): scenarios, not items', () => {
		const read = table(
			'| Validators (stake %) | Cost (ETH/year) |\n| - | -: |\n| 1 (~0.0001%) | 0.00048 |\n| 100 (~0.01%) | 0.048 |\n| 10,000 (~1%) | 4.8 |',
		);
		expect(read.options).toBe(true);
		expect(read.items[2]!.cost).toMatchObject({ currency: 'ETH', low: 4.8, period: 'year' });
		// Years are the periods of one budget: they add up.
		expect(
			table('| Year | Budget |\n| --- | --- |\n| 2025 | $100,000 |\n| 2026 | $150,000 |').options,
		).toBeUndefined();
	});

	it('are a budget when the author writes a total', () => {
		const read = table(
			'## Options\n\n| Option | Cost |\n| --- | --- |\n| Hosting | $100/mo |\n| Support | $50/mo |\n| Total | $150/mo |',
		);
		expect(read.options).toBeUndefined();
		expect(read.totals.monthly).toEqual({ USD: { low: 150, high: 150, atLeast: false } });
	});
});
