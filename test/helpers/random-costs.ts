import fc from 'fast-check';

/**
 * Random cost tables and what they add up to, computed here in integer cents, independently of
 * `parse/money.ts`: each cell is generated from a known amount and written in one of the
 * formats the package documents ($120, €64.50, $1,215, €1.234,56, $1.2k, USD 120, 120 EUR,
 * $120–$150, $585/mo, $7,020/yr, -$5, ($5) …), or as an unknown or unreadable cell. The
 * table's period comes from its header or its cells, as the README says, and the sums keep
 * the run-rate, one-time money and money of no stated period apart.
 */

export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'INR';
export type Period = 'month' | 'year' | 'week' | 'day' | 'hour' | 'once';
export type CostKind = 'monthly' | 'oneTime' | 'unstated';

/** Sum of one currency, in cents (per month for the run-rate). */
export interface CentsTotal {
	low: number;
	high: number;
}

/** A generated cost cell: an amount as written (signed cents), with the period it writes. */
export type CostCell =
	| {
			kind: 'amount';
			text: string;
			currency: Currency;
			low: number;
			high: number;
			period?: Period;
			free: boolean;
	  }
	| { kind: 'unknown'; text: string }
	| { kind: 'unreadable'; text: string };

/** A generated cost table: its Markdown and what it must add up to. */
export interface CostTableCase {
	lines: string[];
	/** Line of each row whose cost cannot be read, counted from the table's header line (0). */
	unreadableRows: number[];
	/** The period of cells that write none. */
	period?: Period;
	/** Sums per kind of money and currency, in cents; currencies whose rows are all zero are absent. */
	totals: Record<CostKind, Partial<Record<Currency, CentsTotal>>>;
	/** Per kind of money: some row is unknown or unreadable, so its sums are lower bounds. */
	incomplete: Record<CostKind, boolean>;
	/** Whether the written Total row (if any) should be reported as not adding up. */
	mismatch: boolean;
}

const SYMBOLS: Record<Currency, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };
const CURRENCIES = Object.keys(SYMBOLS) as Currency[];

/** Written periods. */
const PERIODS: ReadonlyArray<{ text: string; period?: Period }> = [
	{ text: '' },
	{ text: '/mo', period: 'month' },
	{ text: '/month', period: 'month' },
	{ text: ' per month', period: 'month' },
	{ text: ' monthly', period: 'month' },
	{ text: ' a month', period: 'month' },
	{ text: '/yr', period: 'year' },
	{ text: ' per year', period: 'year' },
	{ text: ' annually', period: 'year' },
	{ text: '/week', period: 'week' },
	{ text: '/day', period: 'day' },
	{ text: ' daily', period: 'day' },
	{ text: '/hr', period: 'hour' },
	{ text: ' hourly', period: 'hour' },
	{ text: ' one-time', period: 'once' },
];

/** Per-month factor `num / den` of each recurring period. */
const PER_MONTH: Record<Exclude<Period, 'once'>, { num: number; den: number }> = {
	month: { num: 1, den: 1 },
	year: { num: 1, den: 12 },
	week: { num: 52, den: 12 },
	day: { num: 365, den: 12 },
	hour: { num: 730, den: 1 },
};

/** `cents * num / den` rounded to a cent, halves away from zero: exact integer arithmetic. */
export function perMonth(cents: number, { num, den }: { num: number; den: number }): number {
	const scaled = Math.abs(cents) * num;
	const rounded = Math.floor((2 * scaled + den) / (2 * den));
	return cents < 0 ? -rounded : rounded;
}

const groupThousands = (whole: number, separator: string) =>
	String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** The ways a non-negative amount of cents can be written as a number. */
function numberFormats(cents: number): string[] {
	const whole = Math.floor(cents / 100);
	const fraction = String(cents % 100).padStart(2, '0');
	const formats = [`${whole}.${fraction}`, `${groupThousands(whole, ',')}.${fraction}`];
	if (cents % 100 === 0) formats.push(String(whole), groupThousands(whole, ','));
	if (cents % 10 === 0) formats.push(`${whole}.${fraction[0]}`);
	if (whole >= 1000) formats.push(`${groupThousands(whole, '.')},${fraction}`);
	if (cents > 0 && cents % 10_000 === 0) formats.push(`${cents / 100_000}k`, `${cents / 100_000}K`);
	return formats;
}

/** How the currency is written around the number. */
type Placement = 'symbol' | 'spaced symbol' | 'code before' | 'code after';
const PLACEMENTS: Placement[] = ['symbol', 'spaced symbol', 'code before', 'code after'];

function withCurrency(number: string, currency: Currency, placement: Placement): string {
	if (placement === 'symbol') return `${SYMBOLS[currency]}${number}`;
	if (placement === 'spaced symbol') return `${SYMBOLS[currency]} ${number}`;
	if (placement === 'code before') return `${currency} ${number}`;
	return `${number} ${currency}`;
}

/** Any amount, whole amounts, and multiples of $100 (which can be written with k) alike. */
const someCents = (max: number) =>
	fc.oneof(
		fc.integer({ min: 0, max }),
		fc.integer({ min: 0, max: max / 100 }).map((n) => n * 100),
		fc.integer({ min: 0, max: max / 10_000 }).map((n) => n * 10_000),
	);

/** A number of cents, with its written form. The format index picks one of `numberFormats`. */
const writtenCents = (max: number) =>
	fc.tuple(someCents(max), fc.nat()).map(([cents, pick]) => {
		const formats = numberFormats(cents);
		const number = formats[pick % formats.length]!;
		return { cents, number, multiplied: /k$/i.test(number) };
	});

/** Up to $100,000 a period: times 730 hours that stays far inside exact integers. */
const MAX_CENTS = 10_000_000;

/** A single amount, maybe negative (a credit), with a period. */
const singleAmount: fc.Arbitrary<CostCell> = fc
	.record({
		amount: writtenCents(MAX_CENTS),
		currency: fc.constantFrom(...CURRENCIES),
		placement: fc.constantFrom(...PLACEMENTS),
		period: fc.constantFrom(...PERIODS),
		sign: fc.constantFrom('', '', '', '-', '\u2212', '()'),
	})
	.map(({ amount, currency, placement, period, sign }) => {
		const written = withCurrency(amount.number, currency, placement) + period.text;
		const negative = sign !== '' && amount.cents > 0;
		const text = !negative ? written : sign === '()' ? `(${written})` : `${sign}${written}`;
		const cents = negative ? -amount.cents : amount.cents;
		return {
			kind: 'amount',
			text,
			currency,
			low: cents,
			high: cents,
			period: period.period,
			free: false,
		};
	});

/** A range `low–high`: the same currency, both ends multiplied by k or neither, one period. */
const rangeAmount: fc.Arbitrary<CostCell> = fc
	.record({
		ends: fc.tuple(writtenCents(MAX_CENTS), writtenCents(MAX_CENTS)),
		currency: fc.constantFrom(...CURRENCIES),
		placement: fc.constantFrom(...PLACEMENTS),
		period: fc.constantFrom(...PERIODS),
		separator: fc.constantFrom('–', '—', '-', ' - ', ' – ', ' to '),
		currencyOnce: fc.boolean(),
	})
	.filter(({ ends: [a, b] }) => a.multiplied === b.multiplied)
	.map(({ ends, currency, placement, period, separator, currencyOnce }) => {
		const [low, high] = ends[0].cents <= ends[1].cents ? ends : [ends[1], ends[0]];
		// `$120–150` and `120–150 EUR` name the currency on one end only.
		const lowText =
			currencyOnce && placement === 'code after'
				? low.number
				: withCurrency(low.number, currency, placement);
		const highText =
			currencyOnce && placement !== 'code after'
				? high.number
				: withCurrency(high.number, currency, placement);
		return {
			kind: 'amount',
			text: `${lowText}${separator}${highText}${period.text}`,
			currency,
			low: low.cents,
			high: high.cents,
			period: period.period,
			free: false,
		};
	});

/** Zero: adds nothing and no currency. Only the word "Free" makes a row free, which no period is looked for in. */
const freeAmount: fc.Arbitrary<CostCell> = fc
	.constantFrom('Free', 'free', '$0', '€0.00', 'Free tier available', '$0 (free tier)')
	.map((text) => ({
		kind: 'amount',
		text,
		currency: 'USD',
		low: 0,
		high: 0,
		free: /^free/i.test(text),
	}));

const unknownCell: fc.Arbitrary<CostCell> = fc
	.constantFrom('TBD', 'tbd', 'N/A', '?', '', '-', '—', 'Unknown', '…')
	.map((text) => ({ kind: 'unknown', text }));

const unreadableCell: fc.Arbitrary<CostCell> = fc
	.constantFrom(
		'12$',
		'$1,2,3',
		'$5 + €3',
		'$120–€150',
		'$1–2k',
		'$150–$120',
		'$5 per seat',
		'lots',
		'120',
		'$1.2.3',
		'-$-5',
		'$99999999999',
	)
	.map((text) => ({ kind: 'unreadable', text }));

/** Markdown and template dressing that must not change the amount. */
const dressed = (cell: fc.Arbitrary<CostCell>) =>
	fc
		.tuple(
			cell,
			fc.constantFrom('plain', 'plain', 'bold', 'placeholder', 'approximate', 'note', 'escaped'),
		)
		.map(([money, dress]): CostCell => {
			if (money.kind !== 'amount' || money.text === '') return money;
			const negative = /^[-\u2212(]/.test(money.text);
			if (dress === 'bold') return { ...money, text: `**${money.text}**` };
			if (dress === 'placeholder') return { ...money, text: `[${money.text}]` };
			if (dress === 'approximate' && !negative) return { ...money, text: `~${money.text}` };
			if (dress === 'note' && !money.text.endsWith(')'))
				return { ...money, text: `${money.text} (reserved)` };
			if (dress === 'escaped') return { ...money, text: money.text.replace(/\$/g, '\\$') };
			return money;
		});

export const costCell: fc.Arbitrary<CostCell> = fc.oneof(
	{ weight: 6, arbitrary: dressed(singleAmount) },
	{ weight: 3, arbitrary: dressed(rangeAmount) },
	{ weight: 1, arbitrary: freeAmount },
	{ weight: 1, arbitrary: unknownCell },
	{ weight: 1, arbitrary: unreadableCell },
);

/** The period a reader takes for a table: its header's, else its written Total's, else the one every priced row writes. */
function tablePeriod(
	headerPeriod: Period | undefined,
	total: boolean,
	cells: CostCell[],
): Period | undefined {
	if (headerPeriod) return headerPeriod;
	if (total) return 'month';
	const priced = cells.flatMap((cell) =>
		cell.kind === 'amount' && !cell.free ? [cell.period] : [],
	);
	const periods = new Set(priced);
	return periods.size === 1 ? priced[0] : undefined;
}

const kindOf = (period: Period | undefined): CostKind =>
	period === undefined ? 'unstated' : period === 'once' ? 'oneTime' : 'monthly';

/** Sums cells the way a reader would: each kind of money and currency apart, in integer cents, low ends and high ends apart. */
export function sumCells(
	cells: CostCell[],
	period: Period | undefined,
): Pick<CostTableCase, 'totals' | 'incomplete'> {
	const totals: CostTableCase['totals'] = { monthly: {}, oneTime: {}, unstated: {} };
	const incomplete: CostTableCase['incomplete'] = {
		monthly: false,
		oneTime: false,
		unstated: false,
	};
	for (const cell of cells) {
		const effective = cell.kind === 'amount' ? (cell.period ?? period) : period;
		const kind = kindOf(effective);
		if (cell.kind !== 'amount') {
			incomplete[kind] = true;
			continue;
		}
		const factor =
			effective === undefined || effective === 'once' ? { num: 1, den: 1 } : PER_MONTH[effective];
		const [low, high] = [perMonth(cell.low, factor), perMonth(cell.high, factor)];
		if (low === 0 && high === 0) continue;
		const total = (totals[kind][cell.currency] ??= { low: 0, high: 0 });
		total.low += low;
		total.high += high;
	}
	return { totals, incomplete };
}

const centsText = (cents: number) =>
	`${cents < 0 ? '-' : ''}$${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** A written Total row: the rows' USD sum, that sum off by some cents, or TBD (which checks nothing). */
const writtenTotal = fc.record({
	label: fc.constantFrom(
		'Total',
		'**Total**',
		'Grand Total',
		'TOTAL',
		'Monthly total',
		'**Estimated total**',
	),
	off: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -50_000, max: 50_000 })),
	tbd: fc.constantFrom(false, false, false, true),
});

/** Whether a written USD total of `written` cents should be reported against the rows. */
function expectMismatch(
	written: CentsTotal,
	totals: Partial<Record<Currency, CentsTotal>>,
	incomplete: boolean,
): boolean {
	const sum = totals.USD ?? { low: 0, high: 0 };
	const ends = incomplete
		? written.low >= sum.low && written.high >= sum.high
		: written.low === sum.low && written.high === sum.high;
	const others = CURRENCIES.some(
		(currency) =>
			currency !== 'USD' &&
			totals[currency] !== undefined &&
			(totals[currency].low !== 0 || totals[currency].high !== 0),
	);
	return !ends || others;
}

/** Text for table cells: letters of several scripts, marks, digits; no Markdown syntax, never a Total label. */
export const cellWords = fc
	.array(
		fc.constantFrom(
			'API',
			'db',
			'Cache',
			'CDN',
			'שרת',
			'خادم',
			'é\u0301',
			'n\u0303',
			'日本',
			'👩‍👩‍👧',
			'4 x t3.medium',
			'\u200f',
			'v2',
		),
		{ maxLength: 4 },
	)
	.map((words) => words.join(' '));

const HEADERS = {
	component: ['Component', 'Item', '**Component**', 'Resource'],
	cost: [
		'Cost',
		'Monthly Cost',
		'Cost (est.)',
		'Est. Cost',
		'Price',
		'Amount',
		'Budget',
		'cost / mo',
		'**Cost:**',
		'Annual Cost',
		'One-time Cost',
	],
	extra: ['Service', 'Usage', 'Notes', 'Provider', 'Tier'],
};

/** The period a cost column's header states. */
const HEADER_PERIODS: Record<string, Period> = {
	'Monthly Cost': 'month',
	'cost / mo': 'month',
	Budget: 'once',
	'Annual Cost': 'year',
	'One-time Cost': 'once',
};

/** A whole cost table: header, delimiter, rows, maybe a Total row, with its expected sums. */
export const costTable: fc.Arbitrary<CostTableCase> = fc
	.record({
		component: fc.constantFrom(...HEADERS.component),
		cost: fc.constantFrom(...HEADERS.cost),
		extras: fc.shuffledSubarray(HEADERS.extra, { maxLength: 2 }),
		costAt: fc.nat(),
		rows: fc.array(fc.record({ label: cellWords, cost: costCell, other: cellWords }), {
			maxLength: 12,
		}),
		total: fc.option(writtenTotal, { freq: 2 }),
		padding: fc.constantFrom(' ', ' ', '\t', '  '),
	})
	.map(({ component, cost, extras, costAt, rows, total, padding }) => {
		// The component column comes first; the cost column is anywhere after it.
		const rest = [...extras];
		rest.splice(costAt % (rest.length + 1), 0, cost);
		const costColumn = 1 + rest.indexOf(cost);
		const line = (cells: string[]) =>
			`|${cells.map((cell) => `${padding}${cell}${padding}`).join('|')}|`;
		const row = (label: string, money: string, other: string) => {
			const cells = [label, ...rest.map(() => other)];
			cells[costColumn] = money;
			return line(cells);
		};
		const lines = [line([component, ...rest]), line([component, ...rest].map(() => '---'))];
		const unreadableRows: number[] = [];
		for (const { label, cost: cell, other } of rows) {
			if (cell.kind === 'unreadable') unreadableRows.push(lines.length);
			lines.push(row(label, cell.text, other));
		}
		// A row with nothing in any cell is no row: it makes no total "at least".
		const counted = rows.filter(
			({ label, cost: cell, other }) =>
				label.trim() !== '' || cell.text.trim() !== '' || (rest.length > 1 && other.trim() !== ''),
		);
		const period = tablePeriod(
			HEADER_PERIODS[cost],
			Boolean(total && !total.tbd),
			counted.map((entry) => entry.cost),
		);
		const { totals, incomplete } = sumCells(
			counted.map((entry) => entry.cost),
			period,
		);
		let mismatch = false;
		if (total?.tbd) lines.push(row(total.label, 'TBD', ''));
		else if (total) {
			// The written total is a run-rate (`/mo`): it is checked against the run-rate rows.
			const usd = totals.monthly.USD ?? { low: 0, high: 0 };
			const written = { low: usd.low + total.off, high: usd.high + total.off };
			const text =
				written.low === written.high
					? `${centsText(written.low)}/mo`
					: `${centsText(written.low)} to ${centsText(written.high)}/mo`;
			lines.push(row(total.label, text, ''));
			mismatch = expectMismatch(written, totals.monthly, incomplete.monthly);
		}
		return { lines, unreadableRows, period, totals, incomplete, mismatch };
	});
