import { describe, expect, it } from 'vitest';
import {
	compareTotal,
	costKind,
	formatKind,
	formatMoney,
	formatTotal,
	parseMoney,
	sumMoney,
} from '#plans/money/index.ts';
import type { Currency, Money, Period } from '#plans/money/index.ts';

/**
 * An expected amount: only the fields a case cares about beyond the defaults. Only a recurring
 * amount has monthly ends.
 */
function amount(
	currency: Currency,
	low: number,
	high: number = low,
	extra: {
		monthlyLow?: number;
		monthlyHigh?: number;
		period?: Period;
		approximate?: boolean;
		free?: boolean;
		note?: string;
	} = {},
): object {
	// A single amount's monthly ends are equal, so one `monthlyLow` sets both.
	const single = low === high;
	const { monthlyLow = low, monthlyHigh = single ? monthlyLow : high, ...rest } = extra;
	const recurring = rest.period !== undefined && rest.period !== 'once';
	return {
		kind: 'amount',
		currency,
		low,
		high,
		...(recurring ? { monthlyLow, monthlyHigh } : {}),
		approximate: false,
		free: false,
		...rest,
	};
}

describe('parseMoney: amounts', () => {
	it.each([
		['$120', amount('USD', 120)],
		['$1,215', amount('USD', 1215)],
		['€64.50', amount('EUR', 64.5)],
		['£40', amount('GBP', 40)],
		['¥500', amount('JPY', 500)],
		['₹999', amount('INR', 999)],
		['$1.2k', amount('USD', 1200)],
		['$1.2K', amount('USD', 1200)],
		['$3m', amount('USD', 3_000_000)],
		['$2.5M', amount('USD', 2_500_000)],
		['~$50', amount('USD', 50, 50, { approximate: true })],
		['$1.005', amount('USD', 1.005)],
		// Space thousands separators.
		['$ 1 000', amount('USD', 1000)],
		['$1 000', amount('USD', 1000)],
		// European grouping, only in its unambiguous shape.
		['€1.234,56', amount('EUR', 1234.56)],
		// Currency codes.
		['USD 120', amount('USD', 120)],
		['120 EUR', amount('EUR', 120)],
		['120 USD/mo', amount('USD', 120, 120, { period: 'month' })],
		['$120 USD', amount('USD', 120)],
		['gbp 40', amount('GBP', 40)],
	])('%j', (cell, expected) => {
		expect(parseMoney(cell)).toEqual({ ...expected, text: cell });
	});
});

describe('parseMoney: ranges', () => {
	it.each([
		['$120–$150', amount('USD', 120, 150)],
		['$120-150', amount('USD', 120, 150)],
		['$120 - $150', amount('USD', 120, 150)],
		['$120 to $150', amount('USD', 120, 150)],
		['$120—$150', amount('USD', 120, 150)],
		['$1.2k–$1.5k', amount('USD', 1200, 1500)],
		['~$120–$150/mo', amount('USD', 120, 150, { period: 'month', approximate: true })],
		['$120/mo–$150/mo', amount('USD', 120, 150, { period: 'month' })],
		[
			'$1,200–$2,400/yr',
			amount('USD', 1200, 2400, { period: 'year', monthlyLow: 100, monthlyHigh: 200 }),
		],
		['120–150 EUR', amount('EUR', 120, 150)],
		['-$5 to $10', amount('USD', -5, 10)],
		['$5–$5', amount('USD', 5, 5)],
	])('%j', (cell, expected) => {
		expect(parseMoney(cell)).toEqual({ ...expected, text: cell });
	});
});

describe('parseMoney: periods are kept and normalised to a month', () => {
	it.each([
		['$585/mo', 585, 'month', 585],
		['$585/month', 585, 'month', 585],
		['$585 per month', 585, 'month', 585],
		['$585 monthly', 585, 'month', 585],
		['$585 / mo', 585, 'month', 585],
		['$7,020/yr', 7020, 'year', 585],
		['$7,020/year', 7020, 'year', 585],
		['$7,020 per year', 7020, 'year', 585],
		['$7,020 annually', 7020, 'year', 585],
		['$100/yr', 100, 'year', 8.33],
		['$10/day', 10, 'day', 304.17],
		['$1/hr', 1, 'hour', 730],
		['$1/hour', 1, 'hour', 730],
		['$0.10/hr', 0.1, 'hour', 73],
		['$0.0004/hr', 0.0004, 'hour', 0.29],
		['$100/week', 100, 'week', 433.33],
		['$1.2k/mo', 1200, 'month', 1200],
		['$1.005/mo', 1.005, 'month', 1.01],
	] as const)('%j → %d per %s, %d a month', (cell, low, period, monthly) => {
		expect(parseMoney(cell)).toEqual({
			kind: 'amount',
			currency: 'USD',
			low,
			high: low,
			monthlyLow: monthly,
			monthlyHigh: monthly,
			period,
			approximate: false,
			free: false,
			text: cell,
		});
	});
});

describe('parseMoney: periods that are not a run-rate', () => {
	it('keeps one-time money as written, never per month', () => {
		expect(parseMoney('$500 one-time')).toEqual({
			...amount('USD', 500, 500, { period: 'once' }),
			text: '$500 one-time',
		});
	});

	it('gives a cell that writes no period none: it is not taken to be monthly', () => {
		const money = parseMoney('$8,000');
		expect(money).toEqual({ ...amount('USD', 8000), text: '$8,000' });
		expect(costKind(money)).toBe('unstated');
	});
});

describe('parseMoney: the period a table gives', () => {
	it.each([
		['$120', 'month', amount('USD', 120, 120, { period: 'month' })],
		['$1,200', 'year', amount('USD', 1200, 1200, { period: 'year', monthlyLow: 100 })],
		['$8,000', 'once', amount('USD', 8000, 8000, { period: 'once' })],
		// A period the cell writes is its own.
		['$12/year', 'month', amount('USD', 12, 12, { period: 'year', monthlyLow: 1 })],
		['$500 one-time', 'month', amount('USD', 500, 500, { period: 'once' })],
		['Free', 'month', amount('USD', 0, 0, { period: 'month', free: true })],
	] as const)('%j in a table of period %s', (cell, period, expected) => {
		expect(parseMoney(cell, period)).toEqual({ ...expected, text: cell });
	});

	it('gives unknown and unreadable cells the period too, so they count against the right total', () => {
		expect(parseMoney('TBD', 'month')).toEqual({ kind: 'unknown', text: 'TBD', period: 'month' });
		expect(parseMoney('12$', 'once')).toEqual({
			kind: 'invalid',
			text: '12$',
			reason: 'currency symbol after the number',
			period: 'once',
		});
	});
});

describe('parseMoney: negative amounts (credits)', () => {
	it.each(['-$5', '$-5', '($5)', '\u2212$5', '-USD 5'])('%j is −5', (cell) => {
		expect(parseMoney(cell)).toEqual({ ...amount('USD', -5), text: cell });
	});
});

describe('parseMoney: Markdown and template noise', () => {
	it.each([
		['**$585/mo**', amount('USD', 585, 585, { period: 'month' })],
		['*$1*', amount('USD', 1)],
		['_€64.50_', amount('EUR', 64.5)],
		['`$120`', amount('USD', 120)],
		['[$120]', amount('USD', 120)],
		['[**$120**]', amount('USD', 120)],
		['$120<br>', amount('USD', 120)],
		['$120<br/>(est.)', amount('USD', 120, 120, { note: 'est.' })],
		['\\$120', amount('USD', 120)],
		['$1&nbsp;000', amount('USD', 1000)],
		['  $120  ', amount('USD', 120)],
		// Struck-out text no longer applies.
		['~~$50~~ $40', amount('USD', 40)],
	])('%j', (cell, expected) => {
		expect(parseMoney(cell)).toEqual({ ...expected, text: cell });
	});
});

describe('parseMoney: free and unknown', () => {
	it.each([
		['$0 (free tier)', amount('USD', 0, 0, { note: 'free tier' })],
		['Free', amount('USD', 0, 0, { free: true })],
		['free', amount('USD', 0, 0, { free: true })],
		['Free tier available', amount('USD', 0, 0, { free: true, note: 'Free tier available' })],
		['**Free**', amount('USD', 0, 0, { free: true })],
	])('%j', (cell, expected) => {
		expect(parseMoney(cell)).toEqual({ ...expected, text: cell });
	});

	it.each([
		'TBD',
		'tbd',
		'N/A',
		'n/a',
		'?',
		'',
		'   ',
		'-',
		'—',
		'–',
		'[TBD]',
		'**TBD**',
		'Unknown',
	])('%j is unknown', (cell) => {
		expect(parseMoney(cell)).toEqual({ kind: 'unknown', text: cell });
	});
});

describe('parseMoney: hostile cells are invalid, never a wrong number', () => {
	it.each([
		['$1,2,3', 'bad thousands grouping'],
		['$1,23', 'bad thousands grouping'],
		['12$', 'currency symbol after the number'],
		['1e9', 'no currency'],
		['120', 'no currency'],
		['120-150', 'no currency'],
		['Included', 'no currency'],
		['$1,234.5.6', 'more than one decimal point'],
		['$$5', 'repeated currency symbol'],
		['$5 + €3', 'mixed currencies'],
		['$120–€150', 'mixed currencies'],
		['€120 USD', 'mixed currencies'],
		['$1–2k', 'k/m multiplier on only one end of the range'],
		['$150–$120', 'range runs backwards'],
		['$120/mo–$150/yr', 'different periods in one range'],
		['-$-5', 'two minus signs'],
		['$99999999999', 'amount too large'],
		['$1e9', 'not an amount this table can read'],
		['$5 per seat', 'not an amount this table can read'],
		['Free tier, then $5/mo', 'not an amount this table can read'],
		['$' + '1'.repeat(300), 'too long for an amount'],
	])('%j → %s', (cell, reason) => {
		expect(parseMoney(cell)).toEqual({ kind: 'invalid', text: cell, reason });
	});
});

describe('sumMoney', () => {
	// In a monthly table, so cells that write no period are monthly.
	const cells = (...texts: string[]): Money[] => texts.map((text) => parseMoney(text, 'month'));
	const monthly = (totals: object) => ({ monthly: totals, oneTime: {}, unstated: {} });

	it.each([
		[
			'single amounts',
			cells('$100/mo', '$7,020/yr', '$0.10/hr'),
			{ USD: { low: 758, high: 758, atLeast: false } },
		],
		[
			'ranges sum to ranges',
			cells('$120–$150', '$10', '$1k–$2k'),
			{ USD: { low: 1130, high: 2160, atLeast: false } },
		],
		['credits subtract', cells('$100', '-$30'), { USD: { low: 70, high: 70, atLeast: false } }],
		[
			'two currencies are never mixed',
			cells('$100', '€64.50', '€0.25', '$5–$10'),
			{
				USD: { low: 105, high: 110, atLeast: false },
				EUR: { low: 64.75, high: 64.75, atLeast: false },
			},
		],
		[
			'an unknown row makes every total a lower bound',
			cells('$100', 'TBD', '€50'),
			{ USD: { low: 100, high: 100, atLeast: true }, EUR: { low: 50, high: 50, atLeast: true } },
		],
		[
			'an invalid row does too',
			cells('$1,2,3', '$100'),
			{ USD: { low: 100, high: 100, atLeast: true } },
		],
		[
			'free rows add no currency',
			cells('Free', '€10'),
			{ EUR: { low: 10, high: 10, atLeast: false } },
		],
		['nothing to sum', cells(), {}],
	])('%s', (_name, items, expected) => {
		expect(sumMoney(items)).toEqual(monthly(expected));
	});

	it('adds cents exactly', () => {
		const items = Array.from({ length: 10 }, () => parseMoney('$0.10', 'month'));
		expect(sumMoney(items)).toEqual(monthly({ USD: { low: 1, high: 1, atLeast: false } }));
	});

	it('keeps the run-rate, one-time money and money of no stated period apart, and never converts one-time money', () => {
		const items = ['$100/mo', '$1,200/yr', '$5,000 one-time', '$2,000 one-time', '$300', 'TBD'].map(
			(text) => parseMoney(text),
		);
		expect(sumMoney(items)).toEqual({
			monthly: { USD: { low: 200, high: 200, atLeast: false } },
			oneTime: { USD: { low: 7000, high: 7000, atLeast: false } },
			// The TBD row has no period either: only this total is a lower bound.
			unstated: { USD: { low: 300, high: 300, atLeast: true } },
		});
	});
});

describe('compareTotal', () => {
	// The rows of a monthly table; the written total as written.
	const total = (...texts: string[]) =>
		sumMoney(texts.map((text) => parseMoney(text, 'month'))).monthly;

	it.each([
		[
			'a matching single amount',
			total('$500/mo', '$85/mo'),
			'**$585/mo**',
			'written $585/mo matches the rows',
		],
		[
			'a yearly total against monthly rows',
			total('$500/mo', '$85/mo'),
			'$7,020/yr',
			'written $585/mo matches the rows',
		],
		['within half a cent', total('$0.10/hr'), '$73.004', 'written $73 matches the rows'],
		[
			'a matching range',
			total('$100–$200', '$20'),
			'$120–$220',
			'written $120–$220 matches the rows',
		],
		[
			'a zero total over free rows',
			total('Free', '$0 (free tier)'),
			'$0',
			'written $0 matches the rows',
		],
		[
			'a lower bound when a row is unknown',
			total('$100', 'TBD'),
			'$150',
			'written $150 matches the rows',
		],
		[
			'an approximate range around the sum',
			total('$15–$25', '$0.03', '$12/year'),
			'~$15-35/month',
			'written $15–$35/mo matches the rows',
		],
	])('matches: %s', (_name, computed, written, message) => {
		const result = compareTotal(computed, parseMoney(written));
		expect(result.matches).toBe(true);
		expect(result.checked).toBe(true);
		expect(result.message).toBe(message);
	});

	it.each([
		[
			'a different amount',
			total('$500/mo', '$100/mo'),
			'$585/mo',
			'written $585/mo, rows sum to $600/mo',
		],
		['more than half a cent off', total('$10.00'), '$10.01', 'written $10.01, rows sum to $10'],
		[
			'a single amount against a range',
			total('$100–$200'),
			'$150',
			'written $150, rows sum to $100–$200',
		],
		[
			'one end of a range off',
			total('$100–$200'),
			'$100–$250',
			'written $100–$250, rows sum to $100–$200',
		],
		['an exact range around the sum', total('$20'), '$15–$35', 'written $15–$35, rows sum to $20'],
		[
			'an approximate range the sum leaves',
			total('$17.55–$29.55'),
			'~$10-25/month',
			'written $10–$25/mo, rows sum to $17.55–$29.55/mo',
		],
		['below a lower bound', total('$100', 'TBD'), '$90', 'written $90, rows sum to at least $100'],
		[
			'a total in another currency',
			total('$585'),
			'€585',
			'written €585, rows sum to €0; rows also cost $585, which the total leaves out',
		],
		[
			'rows in a currency the total leaves out',
			total('$585', '€3'),
			'$585',
			'written $585, but rows also cost €3, which the total leaves out',
		],
	])('mismatches: %s', (_name, computed, written, message) => {
		const result = compareTotal(computed, parseMoney(written));
		expect(result.matches).toBe(false);
		expect(result.message).toBe(message);
	});

	it('returns the numbers behind the message', () => {
		expect(compareTotal(total('$500/mo', '$100/mo'), parseMoney('$585/mo'))).toEqual({
			matches: false,
			checked: true,
			currency: 'USD',
			written: { low: 585, high: 585 },
			computed: { low: 600, high: 600, atLeast: false },
			uncovered: [],
			message: 'written $585/mo, rows sum to $600/mo',
		});
	});

	it('counts a total over unknown rows only as a lower bound when told some rows are unknown', () => {
		expect(compareTotal(total('TBD'), parseMoney('$500'), true)).toMatchObject({
			matches: true,
			computed: { low: 0, high: 0, atLeast: true },
		});
		expect(compareTotal(total('TBD'), parseMoney('$500')).message).toBe(
			'written $500, rows sum to $0',
		);
	});

	it.each(['TBD', '$1,2,3'])('does not check a written total of %j', (written) => {
		const result = compareTotal(total('$100'), parseMoney(written));
		expect(result).toMatchObject({ matches: false, checked: false, uncovered: [] });
		expect(result.message).toContain(written);
	});
});

describe('formatKind', () => {
	it.each([
		[585, 585, 'monthly', '$585/mo'],
		[120, 150, 'monthly', '$120–$150/mo'],
		[56000, 56000, 'oneTime', '$56,000 one-time'],
		[2_657_000, 2_657_000, 'unstated', '$2,657,000'],
	] as const)('%d–%d %s → %s', (low, high, kind, expected) => {
		expect(formatKind(low, high, 'USD', kind)).toBe(expected);
	});
});

describe('formatTotal', () => {
	it('writes every total one way: its kind, and "at least" when some row could not be counted', () => {
		expect(formatTotal({ low: 500, high: 500, atLeast: false }, 'USD', 'monthly')).toBe('$500/mo');
		expect(formatTotal({ low: 1200, high: 1200, atLeast: true }, 'USD', 'monthly')).toBe(
			'at least $1,200/mo',
		);
		expect(formatTotal({ low: 6000, high: 7200, atLeast: true }, 'EUR', 'yearly')).toBe(
			'at least €6,000–€7,200/yr',
		);
		expect(formatTotal({ low: 160, high: 160, atLeast: false }, 'GBP', 'unstated')).toBe('£160');
	});
});

describe('currencies', () => {
	it('reads every listed currency by symbol and by code', () => {
		for (const [symbol, code] of [
			['$', 'USD'],
			['€', 'EUR'],
			['£', 'GBP'],
			['¥', 'JPY'],
			['₹', 'INR'],
			['US$', 'USD'],
			['A$', 'AUD'],
			['₳', 'ADA'],
			['Ξ', 'ETH'],
		] as const) {
			expect(parseMoney(`${symbol}12`)).toMatchObject({ kind: 'amount', currency: code, low: 12 });
			expect(parseMoney(`${code} 12`)).toMatchObject({ kind: 'amount', currency: code, low: 12 });
		}
	});

	it('reads the units budgets are written in as written: stablecoins and tokens are never dollars', () => {
		expect(parseMoney('US$ 1,000')).toMatchObject({ kind: 'amount', currency: 'USD', low: 1000 });
		expect(parseMoney('25,000 DAI')).toMatchObject({ kind: 'amount', currency: 'DAI', low: 25000 });
		expect(parseMoney('USDC 3,500')).toMatchObject({ kind: 'amount', currency: 'USDC', low: 3500 });
		expect(parseMoney('1,200 DOT')).toMatchObject({ kind: 'amount', currency: 'DOT', low: 1200 });
		expect(parseMoney('₳ 40,000')).toMatchObject({ kind: 'amount', currency: 'ADA', low: 40000 });
		expect(parseMoney('75,000 ALGO')).toMatchObject({
			kind: 'amount',
			currency: 'ALGO',
			low: 75000,
		});
		// A bare number takes the unit its column's header names; units are capitals, and only money.
		expect(parseMoney('0.42', 'year', 'ETH')).toMatchObject({
			kind: 'amount',
			currency: 'ETH',
			low: 0.42,
			period: 'year',
		});
		expect(parseMoney('3 FTE')).toMatchObject({ kind: 'invalid' });
		expect(parseMoney('5 dot')).toMatchObject({ kind: 'invalid' });
	});

	it('writes tokens after the amount and currencies with their symbol', () => {
		expect(formatMoney(25000, 'DAI')).toBe('25,000 DAI');
		expect(formatMoney(3500.5, 'USDC')).toBe('3,500.50 USDC');
		expect(formatMoney(40000, 'ADA')).toBe('40,000 ADA');
		expect(formatMoney(1000, 'CHF')).toBe('CHF\u00a01,000');
	});

	it('reads a quarterly amount as a run-rate', () => {
		expect(parseMoney('$3,000/quarter')).toMatchObject({ period: 'quarter', monthlyLow: 1000 });
		expect(parseMoney('$3,000', 'quarter')).toMatchObject({ period: 'quarter', monthlyLow: 1000 });
	});
});

describe('formatMoney', () => {
	it.each([
		[1215, 'USD', '$1,215'],
		[64.5, 'EUR', '€64.50'],
		[40, 'GBP', '£40'],
		[40.0, 'GBP', '£40'],
		[0.29, 'USD', '$0.29'],
		[1.005, 'USD', '$1.01'],
		[1200.0000000000002, 'USD', '$1,200'],
		[-5, 'USD', '-$5'],
		[-0, 'USD', '$0'],
		[1234567.8, 'INR', '₹1,234,567.80'],
		[500, 'JPY', '¥500'],
	] as const)('%d %s → %s', (value, currency, expected) => {
		expect(formatMoney(value, currency)).toBe(expected);
	});
});

describe('parseMoney over random cells', () => {
	// mulberry32: a tiny seeded PRNG, so a failure reproduces.
	function prng(seed: number): () => number {
		let a = seed >>> 0;
		return () => {
			a = (a + 0x6d2b79f5) >>> 0;
			let t = a;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const alphabet = [...'$€£0123456789,.-–~ kKmM/moyr()'];
	const random = prng(20240611);
	const cells = Array.from({ length: 400 }, () => {
		const length = 1 + Math.floor(random() * 12);
		return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
	});

	it('covers amounts, invalid and unknown cells alike', () => {
		const kinds = new Set(cells.map((cell) => parseMoney(cell).kind));
		expect([...kinds].sort()).toEqual(['amount', 'invalid', 'unknown']);
	});

	it.each(cells.map((cell) => [cell]))('%j reads without throwing or NaN', (cell) => {
		const money = parseMoney(cell);
		expect(money.text).toBe(cell);
		if (money.kind === 'invalid') expect(money.reason).not.toBe('');
		if (money.kind !== 'amount') return;
		for (const n of [money.low, money.high]) expect(Number.isFinite(n)).toBe(true);
		expect(money.low).toBeLessThanOrEqual(money.high);
		// Only a written recurring period gives monthly ends.
		expect(money.monthlyLow === undefined).toBe(
			money.period === undefined || money.period === 'once',
		);
		if (money.monthlyLow === undefined || money.monthlyHigh === undefined) return;
		for (const n of [money.monthlyLow, money.monthlyHigh]) expect(Number.isFinite(n)).toBe(true);
		expect(money.monthlyLow).toBeLessThanOrEqual(money.monthlyHigh);
		// Rounded to cents: no floating noise in what sums are built from.
		expect(Math.round(money.monthlyLow * 100) / 100).toBe(money.monthlyLow);
	});
});
