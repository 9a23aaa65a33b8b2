/** Adds cells up per kind of money and currency, and checks a written total against the sum. */
import { formatMoney } from './format.ts';
import {
	COST_KINDS,
	type CostTotals,
	costKind,
	type Currency,
	type CurrencyTotal,
	type Money,
	type MoneyAmount,
	type TotalComparison,
	type Totals,
} from './model.ts';

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
	for (const kind of COST_KINDS)
		totals[kind] = sumOneKind(items.filter((item) => costKind(item) === kind));
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
export function compareTotal(
	computed: Totals,
	written: Money,
	incomplete = Object.values(computed).some((total) => total?.atLeast),
): TotalComparison {
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
	const within =
		written.approximate &&
		w.low < w.high &&
		w.low <= sum.low + HALF_CENT &&
		sum.high <= w.high + HALF_CENT;
	const endsMatch = sum.atLeast
		? w.low >= sum.low - HALF_CENT && w.high >= sum.high - HALF_CENT
		: within || (near(w.low, sum.low) && near(w.high, sum.high));

	const uncovered = (Object.keys(computed) as Currency[]).filter((other) => {
		const total = computed[other];
		return other !== currency && total !== undefined && (total.low !== 0 || total.high !== 0);
	});

	const suffix = costKind(written) === 'monthly' ? '/mo' : '';
	const show = (low: number, high: number, c: Currency): string =>
		(low === high ? formatMoney(low, c) : `${formatMoney(low, c)}–${formatMoney(high, c)}`) +
		suffix;
	const writtenText = `written ${show(w.low, w.high, currency)}`;
	const sumText = `rows sum to ${sum.atLeast ? 'at least ' : ''}${show(sum.low, sum.high, currency)}`;
	const also = uncovered.map((c) => {
		const total = computed[c] ?? { low: 0, high: 0 };
		return show(total.low, total.high, c);
	});

	const matches = endsMatch && uncovered.length === 0;
	const left =
		also.length > 0 ? `rows also cost ${also.join(' and ')}, which the total leaves out` : '';
	let message = `${writtenText} matches the rows`;
	if (!endsMatch) message = `${writtenText}, ${sumText}${left && `; ${left}`}`;
	else if (left) message = `${writtenText}, but ${left}`;
	return { matches, checked: true, currency, written: w, computed: sum, uncovered, message };
}
