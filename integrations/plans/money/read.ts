/**
 * Reads one cost-table cell as money: its currency, amount or range, period and notes, or
 * why it cannot be read safely.
 */
import {
	CODE_GROUP,
	CURRENCY_CODES,
	CURRENCY_OF_SYMBOL,
	type Currency,
	isIsoCurrency,
	SYMBOL_CLASS,
} from './currencies.ts';
import type { Money, MoneyAmount, Period } from './model.ts';
import { roundTo } from './round.ts';

const SYM = SYMBOL_CLASS;
const CODE = CODE_GROUP;
const SIGN = '[-\u2212]';
// Order matters only for readability: the anchored match backtracks through every alternative.
const NUM = [
	'\\d{1,3}(?:\\.\\d{3})+,\\d{2}', // European: 1.234,56 (only this unambiguous shape)
	'\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?', // 1,234.56
	'\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?', // 1 234.56
	'\\d+(?:\\.\\d+)?',
].join('|');
const UNIT =
	'(?:months?|mos?|mths?|quarters?|qtrs?|years?|yrs?|y|weeks?|wks?|w|days?|d|hours?|hrs?|h)';
const PERIOD =
	`(?:\\s*\\/\\s*${UNIT}|\\s*\\bper\\s+${UNIT}|\\s+an?\\s+${UNIT}` +
	'|\\s*\\b(?:monthly|quarterly|annually|yearly|weekly|daily|hourly|one[- ]time|one[- ]off|once))\\.?';

/** One end of an amount; named groups only where a single end is matched on its own. */
function endpoint(named: boolean): string {
	const g = (name: string): string => (named ? `?<${name}>` : '?:');
	return (
		`(${g('approx')}[~\u2248]\\s*)?(${g('neg1')}${SIGN})?(?:(${g('sym')}${SYM})\\s?|(${g('pcode')}${CODE})\\s*)?` +
		`(${g('neg2')}${SIGN})?(${g('num')}${NUM})(${g('mult')}[km])?(?:\\s*(${g('scode')}${CODE}))?(${g('period')}${PERIOD})?`
	);
}

const CODE_WORD = new RegExp(`\\b(${CODE_GROUP})\\b`, 'g');
const SYMBOL_ANYWHERE = new RegExp(SYMBOL_CLASS, 'g');
const REPEATED_SYMBOL = new RegExp(`${SYMBOL_CLASS}\\s*${SYMBOL_CLASS}`);
const SYMBOL_AFTER_NUMBER = new RegExp(`\\d\\s*${SYMBOL_CLASS}`);
const SYMBOL_BEFORE_NUMBER = new RegExp(`${SYMBOL_CLASS}\\s*[-\u2212]?\\d`);
const DIGIT_OR_SYMBOL = new RegExp(`\\d|${SYMBOL_CLASS}`);

const SINGLE = new RegExp(`^${endpoint(true)}$`, 'i');
const RANGE = new RegExp(
	`^(${endpoint(false)})\\s*(?:\u2013|\u2014|-|\\bto\\b)\\s*(${endpoint(false)})$`,
	'i',
);

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
	quarter: [1, 3],
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
export function parseMoney(cell: string, period?: Period, unit?: Currency): Money {
	return withPeriod(readCell(cell, unit), period);
}

/** The cell with `period` where it wrote none, and its monthly amounts when it recurs. */
export function withPeriod(money: Money, period: Period | undefined): Money {
	const effective = money.period ?? period;
	if (effective === undefined) return money;
	if (money.kind !== 'amount') return { ...money, period: effective };
	const { monthlyLow: _low, monthlyHigh: _high, ...rest } = money;
	if (effective === 'once') return { ...rest, period: effective };
	const [num, den] = MONTHLY[effective];
	const monthlyLow = roundTo((money.low * num) / den, 2);
	const monthlyHigh = roundTo((money.high * num) / den, 2);
	if (!Number.isFinite(monthlyLow) || !Number.isFinite(monthlyHigh))
		return { kind: 'invalid', text: money.text, reason: 'not a finite number', period: effective };
	return { ...rest, monthlyLow, monthlyHigh, period: effective };
}

/** Reads a cell as written: its period only when it writes one; `unit` for a bare number (the column's header names it). */
function readCell(cell: string, unit: Currency | undefined): Money {
	const text = cell;
	if (typeof cell !== 'string') return { kind: 'invalid', text: String(cell), reason: 'not text' };
	if (cell.length > MAX_CELL_LENGTH)
		return { kind: 'invalid', text, reason: 'too long for an amount' };

	let s = clean(cell);
	if (UNKNOWN_WORDS.has(s.toLowerCase())) return { kind: 'unknown', text };

	// `Free tier available`: zero; a cell that also names a price is read (and likely rejected) below.
	if (/^free\b/i.test(s) && !DIGIT_OR_SYMBOL.test(s)) {
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

	const result = readAmount(s, negate, unit);
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
	if (![money.low, money.high].every(Number.isFinite))
		return { kind: 'invalid', text, reason: 'not a finite number' };
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
	for (
		let wrapped = /^\[(.*)\]$/.exec(s);
		wrapped?.[1] !== undefined;
		wrapped = /^\[(.*)\]$/.exec(s)
	) {
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

function readAmount(
	s: string,
	negate: boolean,
	unit: Currency | undefined,
): Read | { reason: string } {
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
		if (low.multiplied !== high.multiplied)
			return { reason: 'k/m multiplier on only one end of the range' };
		ends = [low, high];
	}

	const currencies = new Set(ends.map((end) => end.currency).filter((c) => c !== undefined));
	if (currencies.size > 1) return { reason: 'mixed currencies' };
	const currency = [...currencies][0] ?? unit;
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

	const fromSymbol = groups.sym ? CURRENCY_OF_SYMBOL.get(groups.sym) : undefined;
	const written = [groups.pcode, groups.scode].filter((c) => c !== undefined);
	// A token is written in capitals (`5 DOT`); `5 dot` is writing. Currencies may be lower case (`gbp 40`).
	if (written.some((c) => c !== c.toUpperCase() && !isIsoCurrency(c.toUpperCase())))
		return undefined;
	const codes = written.map((c) => c.toUpperCase());
	const named = new Set<string>(codes);
	if (fromSymbol) named.add(fromSymbol);
	if (named.size > 1) return { reason: 'mixed currencies' };
	const [code] = named;
	const currency =
		code !== undefined && (CURRENCY_CODES.includes(code) || fromSymbol === code) ? code : undefined;

	const { value, decimals } = readNumber(groups.num);
	const mult = groups.mult?.toLowerCase();
	const scaled = mult === 'k' ? value * 1e3 : mult === 'm' ? value * 1e6 : value;
	if (!Number.isFinite(scaled) || Math.abs(scaled) > MAX_AMOUNT)
		return { reason: 'amount too large' };
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
	if (/^q/.test(word)) return 'quarter';
	if (/^(?:y|annual)/.test(word)) return 'year';
	if (/^w/.test(word)) return 'week';
	if (/^d/.test(word)) return 'day';
	if (/^h/.test(word)) return 'hour';
	return undefined;
}

/** Names what is wrong with a cell that is not the shape of an amount. */
function diagnose(s: string): string {
	const found = new Set<Currency>();
	for (const m of s.matchAll(SYMBOL_ANYWHERE)) {
		const c = CURRENCY_OF_SYMBOL.get(m[0]);
		if (c) found.add(c);
	}
	for (const m of s.toUpperCase().matchAll(CODE_WORD)) {
		if (m[1]) found.add(m[1] as Currency);
	}
	if (found.size === 0) return 'no currency';
	if (found.size > 1) return 'mixed currencies';
	if (REPEATED_SYMBOL.test(s)) return 'repeated currency symbol';
	if (SYMBOL_AFTER_NUMBER.test(s) && !SYMBOL_BEFORE_NUMBER.test(s))
		return 'currency symbol after the number';
	if (/\d\.\d*\./.test(s)) return 'more than one decimal point';
	if (/\d,(?:\d{1,2}|\d{4,})(?!\d)/.test(s)) return 'bad thousands grouping';
	return 'not an amount this table can read';
}
