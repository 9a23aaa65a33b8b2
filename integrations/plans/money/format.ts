/** Writes money the way cost tables and pages show it. */
import { isIsoCurrency } from './currencies.ts';
import type { CostKind, Currency, CurrencyTotal } from './model.ts';
import { roundTo } from './round.ts';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount the way cost tables write it: `$1,215`, `€64.50`, `£40`; a token after the
 * number, as budgets write it: `1,000 DAI`, `25,000 ADA`. Whole amounts drop `.00`; otherwise
 * both cent digits are kept (`€64.50`, not `€64.5`).
 */
export function formatMoney(amount: number, currency: Currency): string {
	const value = roundTo(amount, 2);
	const whole = Number.isInteger(value);
	const iso = isIsoCurrency(currency);
	const key = `${iso ? currency : ''}:${whole ? 0 : 2}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		const digits = { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 };
		formatter = new Intl.NumberFormat(
			'en-US',
			iso ? { style: 'currency', currency, ...digits } : digits,
		);
		formatters.set(key, formatter);
	}
	return iso ? formatter.format(value) : `${formatter.format(value)} ${currency}`;
}

/** An amount or range: `$585`, `$120–$150`. */
export function formatRange(low: number, high: number, currency: Currency): string {
	return low === high
		? formatMoney(low, currency)
		: `${formatMoney(low, currency)}–${formatMoney(high, currency)}`;
}

/** A monthly amount or range as the pages show it: `$585/mo`, `$120–$150/mo`. */
export function formatMonthly(low: number, high: number, currency: Currency): string {
	return `${formatRange(low, high, currency)}/mo`;
}

/** What the pages write after an amount of each kind: `/mo`, ` one-time`, nothing; `/yr` for a run-rate shown per year. */
const KIND_SUFFIX: Record<CostKind | 'yearly', string> = {
	monthly: '/mo',
	yearly: '/yr',
	oneTime: ' one-time',
	unstated: '',
};

/** An amount or range of a kind of money: `$585/mo`, `$56,000 one-time`, `$300` (no period stated). */
export function formatKind(
	low: number,
	high: number,
	currency: Currency,
	kind: CostKind | 'yearly',
): string {
	return `${formatRange(low, high, currency)}${KIND_SUFFIX[kind]}`;
}

/**
 * A total of a kind of money, the one way every page writes it: `$500/mo`, `$6,000/yr`,
 * `at least $1,200/mo` when some row could not be counted.
 */
export function formatTotal(
	total: CurrencyTotal,
	currency: Currency,
	kind: CostKind | 'yearly',
): string {
	return `${total.atLeast ? 'at least ' : ''}${formatKind(total.low, total.high, currency, kind)}`;
}
