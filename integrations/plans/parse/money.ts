/** The currencies a cost table may be written in, stored as ISO 4217 codes. */
export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'INR';

/** The billing period written next to an amount; `undefined` when none was written. */
export type Period = 'month' | 'year' | 'week' | 'day' | 'hour' | 'once';

/**
 * One cost-table cell, read. `period` is the one the cell writes, else the one its table gives
 * (see `parse/cost-period.ts`); absent when nothing says, and then none is made up.
 * - `amount`: `low === high` for a single amount; `low`/`high` keep what was written. A recurring
 *   amount (every period but `once`) also has `monthlyLow`/`monthlyHigh`, normalised to a month
 *   and rounded to cents; one-time money and money of no stated period have none.
 * - `unknown`: deliberately left open (`TBD`, `N/A`, `?`, empty, `-`).
 * - `invalid`: could not be read safely; show `text` as written and report `reason`.
 */
export type Money =
	| {
			kind: 'amount';
			currency: Currency;
			low: number;
			high: number;
			monthlyLow?: number;
			monthlyHigh?: number;
			period?: Period;
			approximate: boolean;
			free: boolean;
			note?: string;
			text: string;
	  }
	| { kind: 'unknown'; text: string; period?: Period }
	| { kind: 'invalid'; text: string; reason: string; period?: Period };

/**
 * What money is for, as totals keep it apart: a monthly run-rate (monthly, yearly, weekly …
 * amounts, converted to a month), one-time money (never spread over months), and money whose
 * period nothing states (shown as written, never counted as monthly).
 */
export type CostKind = 'monthly' | 'oneTime' | 'unstated';

export const COST_KINDS: readonly CostKind[] = ['monthly', 'oneTime', 'unstated'];

/** The kind of a cell by its period. */
export function costKind(money: Money): CostKind {
	if (money.period === undefined) return 'unstated';
	return money.period === 'once' ? 'oneTime' : 'monthly';
}

/** A read amount (the `amount` member of {@link Money}). */
export type MoneyAmount = Extract<Money, { kind: 'amount' }>;

/** The total of one currency (per month for the run-rate); `atLeast` means some rows could not be counted. */
export interface CurrencyTotal {
	low: number;
	high: number;
	atLeast: boolean;
}

/** Totals per currency. Only currencies that some row actually costs in are present. */
export type Totals = Partial<Record<Currency, CurrencyTotal>>;

/** Totals of each kind of money, apart: they are never added together. */
export type CostTotals = Record<CostKind, Totals>;

/** The written Total row checked against the sum of the rows. */
export interface TotalComparison {
	matches: boolean;
	/** False when the written total is not an amount (`TBD`, unreadable), so nothing was compared. */
	checked: boolean;
	currency?: Currency;
	/** The written total (per month when it is a run-rate). */
	written?: { low: number; high: number };
	/** The rows' sum in the written total's currency and kind (zero when no row costs in it). */
	computed?: CurrencyTotal;
	/** Other currencies the rows cost in, which a single-currency total cannot account for. */
	uncovered: Currency[];
	/** Ready to print, e.g. `written $585/mo, rows sum to $600/mo`. */
	message: string;
}

const SYMBOLS: Record<string, Currency> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CODES: ReadonlySet<string> = new Set(['USD', 'EUR', 'GBP', 'JPY', 'INR']);

const SYM = '[$€£¥₹]';
const CODE = '(?:USD|EUR|GBP|JPY|INR)';
const SIGN = '[-\u2212]';
// Order matters only for readability: the anchored match backtracks through every alternative.
const NUM = [
	'\\d{1,3}(?:\\.\\d{3})+,\\d{2}', // European: 1.234,56 (only this unambiguous shape)
	'\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?', // 1,234.56
	'\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?', // 1 234.56
	'\\d+(?:\\.\\d+)?',
].join('|');
const UNIT = '(?:months?|mos?|mths?|years?|yrs?|y|weeks?|wks?|w|days?|d|hours?|hrs?|h)';
const PERIOD =
	`(?:\\s*\\/\\s*${UNIT}|\\s*\\bper\\s+${UNIT}|\\s+an?\\s+${UNIT}` +
	'|\\s*\\b(?:monthly|annually|yearly|weekly|daily|hourly|one[- ]time|one[- ]off|once))\\.?';

/** One end of an amount; named groups only where a single end is matched on its own. */
function endpoint(named: boolean): string {
	const g = (name: string): string => (named ? `?<${name}>` : '?:');
	return (
		`(${g('approx')}[~\u2248]\\s*)?(${g('neg1')}${SIGN})?(?:(${g('sym')}${SYM})\\s?|(${g('pcode')}${CODE})\\s*)?` +
		`(${g('neg2')}${SIGN})?(${g('num')}${NUM})(${g('mult')}[km])?(?:\\s*(${g('scode')}${CODE}))?(${g('period')}${PERIOD})?`
	);
}

const SINGLE = new RegExp(`^${endpoint(true)}$`, 'i');
const RANGE = new RegExp(`^(${endpoint(false)})\\s*(?:\u2013|\u2014|-|\\bto\\b)\\s*(${endpoint(false)})$`, 'i');

const UNKNOWN_WORDS: ReadonlySet<string> = new Set([
	'',
	'-',
	'\u2013',
	'\u2014',
	'?',
	'??',
	'???',
	'tbd',
	'tba',
	'tbc',
	'n/a',
	'na',
	'unknown',
	'...',
	'\u2026',
]);

// Per-month factor as a fraction, so the division happens once, last. A one-time cost has
// none: it cannot be spread over months.
const MONTHLY: Record<Exclude<Period, 'once'>, readonly [number, number]> = {
	month: [1, 1],
	year: [1, 12],
	week: [52, 12],
	day: [365, 12],
	hour: [730, 1],
};

// Beyond this, cents times the hourly factor would leave the range of exact integers.
const MAX_AMOUNT = 1e10;
const MAX_CELL_LENGTH = 200;

/**
 * Reads one cost-table cell: `$1,215`, `€64.50`, `~$1.2k/mo`, `$120–$150`, `USD 120`, `-$5`,
 * `$0 (free tier)`, `Free`, `TBD`. Tolerates Markdown emphasis, `<br>`, escapes and `[$120]`
 * placeholders. Anything that might be read as a wrong number is `invalid` with a reason;
 * never throws, never returns NaN or Infinity. `period` is the one that applies when the cell
 * writes none (its table's); without it, such a cell has no period.
 */
export function parseMoney(cell: string, period?: Period): Money {
	return withPeriod(readCell(cell), period);
}

/** The cell with `period` where it wrote none, and its monthly amounts when it recurs. */
function withPeriod(money: Money, period: Period | undefined): Money {
	const effective = money.period ?? period;
	if (effective === undefined) return money;
	if (money.kind !== 'amount') return { ...money, period: effective };
	const { monthlyLow: _low, monthlyHigh: _high, ...rest } = money;
	if (effective === 'once') return { ...rest, period: effective };
	const [num, den] = MONTHLY[effective];
	const monthlyLow = roundTo((money.low * num) / den, 2);
	const monthlyHigh = roundTo((money.high * num) / den, 2);
	if (!Number.isFinite(monthlyLow) || !Number.isFinite(monthlyHigh)) return { kind: 'invalid', text: money.text, reason: 'not a finite number', period: effective };
	return { ...rest, monthlyLow, monthlyHigh, period: effective };
}

/** Reads a cell as written: its period only when it writes one. */
function readCell(cell: string): Money {
	const text = cell;
	if (typeof cell !== 'string') return { kind: 'invalid', text: String(cell), reason: 'not text' };
	if (cell.length > MAX_CELL_LENGTH) return { kind: 'invalid', text, reason: 'too long for an amount' };

	let s = clean(cell);
	if (UNKNOWN_WORDS.has(s.toLowerCase())) return { kind: 'unknown', text };

	// `Free tier available`: zero; a cell that also names a price is read (and likely rejected) below.
	if (/^free\b/i.test(s) && !/[\d$€£¥₹]/.test(s)) {
		const zero: MoneyAmount = {
			kind: 'amount',
			// No currency was written; zero adds nothing to any total, so the default is harmless.
			currency: 'USD',
			low: 0,
			high: 0,
			approximate: false,
			free: true,
			text,
		};
		if (s.toLowerCase() !== 'free') zero.note = s;
		return zero;
	}

	let approximate = false;
	const approxWord = /^(?:approx\.?|approximately|about|around|circa|ca\.)\s+/i.exec(s);
	if (approxWord) {
		approximate = true;
		s = s.slice(approxWord[0].length);
	}

	// A trailing remark in brackets is a note; `($5)` (no letters) is accounting notation for a credit.
	let note: string | undefined;
	const remark = /^(.*?\S)\s*\(([^()]*\p{L}[^()]*)\)$/u.exec(s);
	if (remark?.[1] !== undefined && remark[2] !== undefined) {
		s = remark[1];
		note = remark[2].trim();
	}

	let negate = false;
	const accounting = /^\((.+)\)$/.exec(s);
	if (accounting?.[1] !== undefined) {
		negate = true;
		s = accounting[1].trim();
	}

	const result = readAmount(s, negate);
	if ('reason' in result) return { kind: 'invalid', text, reason: result.reason };

	const money: MoneyAmount = {
		kind: 'amount',
		currency: result.currency,
		low: result.low,
		high: result.high,
		approximate: approximate || result.approximate,
		free: false,
		text,
	};
	if (result.period !== undefined) money.period = result.period;
	if (note !== undefined) money.note = note;
	if (![money.low, money.high].every(Number.isFinite)) return { kind: 'invalid', text, reason: 'not a finite number' };
	return money;
}

/** Strips the Markdown and HTML a table cell may carry around its amount. */
function clean(cell: string): string {
	let s = cell
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/&nbsp;/gi, ' ')
		.replace(/&euro;/gi, '€')
		.replace(/&pound;/gi, '£')
		.replace(/&yen;/gi, '¥')
		.replace(/&dollar;/gi, '$')
		// Struck-out text no longer applies, so it is dropped rather than read.
		.replace(/~~.*?~~/g, ' ')
		.replace(/\\([!-/:-@[-`{-~])/g, '$1')
		.replace(/[*_`]/g, '')
		.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	// `[$120]` is a template placeholder that was filled in but not unwrapped.
	for (let wrapped = /^\[(.*)\]$/.exec(s); wrapped?.[1] !== undefined; wrapped = /^\[(.*)\]$/.exec(s)) {
		s = wrapped[1].trim();
	}
	return s;
}

interface Read {
	currency: Currency;
	low: number;
	high: number;
	period: Period | undefined;
	approximate: boolean;
}

interface End {
	value: number;
	currency: Currency | undefined;
	multiplied: boolean;
	period: Period | undefined;
	approximate: boolean;
}

function readAmount(s: string, negate: boolean): Read | { reason: string } {
	let ends: End[];
	const single = readEnd(s);
	if (single && !('reason' in single)) {
		ends = [single];
	} else {
		const range = RANGE.exec(s);
		if (!range?.[1] || !range[2] || negate) return single ?? { reason: diagnose(s) };
		const low = readEnd(range[1]);
		const high = readEnd(range[2]);
		if (!low || !high) return { reason: diagnose(s) };
		if ('reason' in low) return low;
		if ('reason' in high) return high;
		// `$1–2k` could mean $1 to $2,000 or $1,000 to $2,000; refuse to guess.
		if (low.multiplied !== high.multiplied) return { reason: 'k/m multiplier on only one end of the range' };
		ends = [low, high];
	}

	const currencies = new Set(ends.map((end) => end.currency).filter((c) => c !== undefined));
	if (currencies.size > 1) return { reason: 'mixed currencies' };
	const [currency] = currencies;
	if (currency === undefined) return { reason: 'no currency' };

	const periods = new Set(ends.map((end) => end.period).filter((p) => p !== undefined));
	if (periods.size > 1) return { reason: 'different periods in one range' };
	const [period] = periods;

	const sign = negate ? -1 : 1;
	const first = ends[0];
	const last = ends[ends.length - 1];
	if (!first || !last) return { reason: diagnose(s) };
	const low = roundTo(first.value * sign, 6) || 0;
	const high = roundTo(last.value * sign, 6) || 0;
	if (low > high) return { reason: 'range runs backwards' };
	return { currency, low, high, period, approximate: ends.some((end) => end.approximate) };
}

/** Reads one end; `undefined` when the text is not the shape of one amount at all. */
function readEnd(s: string): End | { reason: string } | undefined {
	const groups = SINGLE.exec(s)?.groups;
	if (!groups?.num) return undefined;
	if (groups.neg1 && groups.neg2) return { reason: 'two minus signs' };

	const fromSymbol = groups.sym ? SYMBOLS[groups.sym] : undefined;
	const codes = [groups.pcode, groups.scode].filter((c) => c !== undefined).map((c) => c.toUpperCase());
	const named = new Set<string>(codes);
	if (fromSymbol) named.add(fromSymbol);
	if (named.size > 1) return { reason: 'mixed currencies' };
	const [code] = named;
	const currency = code !== undefined && CODES.has(code) ? (code as Currency) : undefined;

	const { value, decimals } = readNumber(groups.num);
	const mult = groups.mult?.toLowerCase();
	const scaled = mult === 'k' ? value * 1e3 : mult === 'm' ? value * 1e6 : value;
	if (!Number.isFinite(scaled) || Math.abs(scaled) > MAX_AMOUNT) return { reason: 'amount too large' };
	const negative = Boolean(groups.neg1 || groups.neg2);
	return {
		value: roundTo(negative ? -scaled : scaled, Math.min(Math.max(decimals, 2), 6)),
		currency,
		multiplied: mult !== undefined,
		period: groups.period ? periodOf(groups.period) : undefined,
		approximate: Boolean(groups.approx),
	};
}

function readNumber(raw: string): { value: number; decimals: number } {
	let whole: string;
	let fraction: string;
	if (/^\d{1,3}(?:\.\d{3})+,\d{2}$/.test(raw)) {
		[whole = '', fraction = ''] = raw.replace(/\./g, '').split(',');
	} else {
		[whole = '', fraction = ''] = raw.replace(/[, ]/g, '').split('.');
	}
	return { value: Number(`${whole}.${fraction || '0'}`), decimals: fraction.length };
}

function periodOf(written: string): Period | undefined {
	const word = written
		.toLowerCase()
		.replace(/^[\s/]*(?:per\s+|an?\s+)?/, '')
		.replace(/\.$/, '')
		.trim();
	if (/^one|^once/.test(word)) return 'once';
	if (/^m/.test(word)) return 'month';
	if (/^(?:y|annual)/.test(word)) return 'year';
	if (/^w/.test(word)) return 'week';
	if (/^d/.test(word)) return 'day';
	if (/^h/.test(word)) return 'hour';
	return undefined;
}

/** Names what is wrong with a cell that is not the shape of an amount. */
function diagnose(s: string): string {
	const found = new Set<Currency>();
	for (const ch of s) {
		const c = SYMBOLS[ch];
		if (c) found.add(c);
	}
	for (const m of s.toUpperCase().matchAll(/\b(USD|EUR|GBP|JPY|INR)\b/g)) {
		if (m[1]) found.add(m[1] as Currency);
	}
	if (found.size === 0) return 'no currency';
	if (found.size > 1) return 'mixed currencies';
	if (/[$€£¥₹]\s*[$€£¥₹]/.test(s)) return 'repeated currency symbol';
	if (/\d\s*[$€£¥₹]/.test(s) && !/[$€£¥₹]\s*[-\u2212]?\d/.test(s)) return 'currency symbol after the number';
	if (/\d\.\d*\./.test(s)) return 'more than one decimal point';
	if (/\d,(?:\d{1,2}|\d{4,})(?!\d)/.test(s)) return 'bad thousands grouping';
	return 'not an amount this table can read';
}

/** Rounds half away from zero, absorbing binary noise (1.005 → 1.01, 1200.0000000000002 → 1200). */
function roundTo(value: number, places: number): number {
	const factor = 10 ** places;
	const scaled = Number((Math.abs(value) * factor).toPrecision(12));
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	// Normalise -0 so it never prints as `-$0`.
	return rounded === 0 ? 0 : rounded;
}

/**
 * Sums cells per kind of money and per currency; kinds and currencies are never mixed. The
 * run-rate adds monthly amounts; one-time money and money of no stated period add as written.
 * A range adds to a range (low ends to low, high ends to high). Zero rows (`Free`) add no
 * currency entry.
 *
 * An `unknown` or `invalid` row could cost anything in any currency, so when there is one,
 * every currency's total of its kind is `atLeast: true`: a lower bound, not a sum.
 */
export function sumMoney(items: Money[]): CostTotals {
	const totals = {} as CostTotals;
	for (const kind of COST_KINDS) totals[kind] = sumOneKind(items.filter((item) => costKind(item) === kind));
	return totals;
}

/** Sums cells that are all of one kind. */
function sumOneKind(items: Money[]): Totals {
	// Integer cents, so many rows add up exactly.
	const cents = new Map<Currency, { low: number; high: number }>();
	let incomplete = false;
	for (const item of items) {
		if (item.kind !== 'amount') {
			incomplete = true;
			continue;
		}
		const { low, high } = countedAmount(item);
		if (low === 0 && high === 0) continue;
		const total = cents.get(item.currency) ?? { low: 0, high: 0 };
		total.low += Math.round(low * 100);
		total.high += Math.round(high * 100);
		cents.set(item.currency, total);
	}
	const totals: Totals = {};
	for (const [currency, total] of cents) {
		totals[currency] = { low: total.low / 100, high: total.high / 100, atLeast: incomplete };
	}
	return totals;
}

/** What an amount adds to its kind's total: per month when it recurs, else as written. */
export function countedAmount(money: MoneyAmount): { low: number; high: number } {
	return { low: money.monthlyLow ?? money.low, high: money.monthlyHigh ?? money.high };
}

const HALF_CENT = 0.005 + 1e-9;

/**
 * Checks a written Total row against the rows' sum of the same kind of money (`computed`), in
 * the total's currency, per month for a run-rate, with a tolerance of half a cent. Both ends
 * must match, so a single written amount only matches a single computed amount; an approximate
 * written range (`~$15–35`) matches any sum inside it. When the sum is `atLeast`, the written
 * total matches if it is no lower than the sum. Rows in another currency always mismatch, since
 * a single-currency total cannot include them. `incomplete` says some row is unknown or
 * unreadable: the totals cannot say so when no row has an amount at all.
 */
export function compareTotal(computed: Totals, written: Money, incomplete = Object.values(computed).some((total) => total.atLeast)): TotalComparison {
	if (written.kind !== 'amount') {
		return {
			matches: false,
			checked: false,
			uncovered: [],
			message: `written total "${written.text.trim()}" is not an amount, so the rows were not checked`,
		};
	}
	const { currency } = written;
	const sum: CurrencyTotal = computed[currency] ?? { low: 0, high: 0, atLeast: incomplete };
	const w = countedAmount(written);
	const near = (a: number, b: number): boolean => Math.abs(a - b) <= HALF_CENT;
	const within = written.approximate && w.low < w.high && w.low <= sum.low + HALF_CENT && sum.high <= w.high + HALF_CENT;
	const endsMatch = sum.atLeast
		? w.low >= sum.low - HALF_CENT && w.high >= sum.high - HALF_CENT
		: within || (near(w.low, sum.low) && near(w.high, sum.high));

	const uncovered = (Object.keys(computed) as Currency[]).filter((other) => {
		const total = computed[other];
		return other !== currency && total !== undefined && (total.low !== 0 || total.high !== 0);
	});

	const suffix = costKind(written) === 'monthly' ? '/mo' : '';
	const show = (low: number, high: number, c: Currency): string =>
		(low === high ? formatMoney(low, c) : `${formatMoney(low, c)}–${formatMoney(high, c)}`) + suffix;
	const writtenText = `written ${show(w.low, w.high, currency)}`;
	const sumText = `rows sum to ${sum.atLeast ? 'at least ' : ''}${show(sum.low, sum.high, currency)}`;
	const also = uncovered.map((c) => {
		const total = computed[c] ?? { low: 0, high: 0 };
		return show(total.low, total.high, c);
	});

	const matches = endsMatch && uncovered.length === 0;
	const left = also.length > 0 ? `rows also cost ${also.join(' and ')}, which the total leaves out` : '';
	let message = `${writtenText} matches the rows`;
	if (!endsMatch) message = `${writtenText}, ${sumText}${left && `; ${left}`}`;
	else if (left) message = `${writtenText}, but ${left}`;
	return { matches, checked: true, currency, written: w, computed: sum, uncovered, message };
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount the way cost tables write it: `$1,215`, `€64.50`, `£40`. Whole amounts drop
 * `.00`; otherwise both cent digits are kept (`€64.50`, not `€64.5`).
 */
export function formatMoney(amount: number, currency: Currency): string {
	const value = roundTo(amount, 2);
	const whole = Number.isInteger(value);
	const key = `${currency}:${whole ? 0 : 2}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat('en-US', {
			style: 'currency',
			currency,
			minimumFractionDigits: whole ? 0 : 2,
			maximumFractionDigits: 2,
		});
		formatters.set(key, formatter);
	}
	return formatter.format(value);
}

/** An amount or range: `$585`, `$120–$150`. */
export function formatRange(low: number, high: number, currency: Currency): string {
	return low === high ? formatMoney(low, currency) : `${formatMoney(low, currency)}–${formatMoney(high, currency)}`;
}

/** A monthly amount or range as the pages show it: `$585/mo`, `$120–$150/mo`. */
export function formatMonthly(low: number, high: number, currency: Currency): string {
	return `${formatRange(low, high, currency)}/mo`;
}

/** What the pages write after an amount of each kind: `/mo`, ` one-time`, nothing. */
const KIND_SUFFIX: Record<CostKind, string> = { monthly: '/mo', oneTime: ' one-time', unstated: '' };

/** An amount or range of a kind of money: `$585/mo`, `$56,000 one-time`, `$300` (no period stated). */
export function formatKind(low: number, high: number, currency: Currency, kind: CostKind): string {
	return `${formatRange(low, high, currency)}${KIND_SUFFIX[kind]}`;
}
