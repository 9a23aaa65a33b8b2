import type { Currency } from './currencies.ts';

export type { Currency } from './currencies.ts';

/** The billing period written next to an amount; `undefined` when none was written. */
export type Period = 'month' | 'quarter' | 'year' | 'week' | 'day' | 'hour' | 'once';

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
