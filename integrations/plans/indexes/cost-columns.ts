import { yearly } from './costs.ts';
import {
	type CostKind,
	type CostTotals,
	type Currency,
	type CurrencyTotal,
	formatTotal,
	type Totals,
} from '../money/index.ts';

/** A column of money in a cost roll-up: one kind of money, its currencies side by side. */
export interface CostColumn {
	label: string;
	/** The column's amounts of a plan or group: `$500/mo + €40/mo`, or `—` when it has none. */
	text(totals: CostTotals): string;
}

/** Column labels; the run-rate gets two columns, per month and per year. */
export const KIND_LABELS: Record<CostKind, string> = {
	monthly: 'Per month',
	oneTime: 'One-time',
	unstated: 'No period stated',
};

/**
 * The money columns of the cost roll-up, for the kinds of money some plan has: the run-rate per
 * month and per year, one-time money (never converted) and money whose period no plan states.
 */
export function costColumns(kinds: CostKind[], currencies: Currency[]): CostColumn[] {
	return kinds.flatMap((kind): CostColumn[] => {
		const column = {
			label: KIND_LABELS[kind],
			text: (totals: CostTotals) =>
				amountsText(totals[kind], currencies, (total, currency) =>
					formatTotal(total, currency, kind),
				),
		};
		if (kind !== 'monthly') return [column];
		const perYear = {
			label: 'Per year',
			text: (totals: CostTotals) =>
				amountsText(yearly(totals.monthly), currencies, (total, currency) =>
					formatTotal(total, currency, 'yearly'),
				),
		};
		return [column, perYear];
	});
}

/** One total of a kind of money: `$500/mo`, `at least $1,200/mo`, `€160`; empty when there is none. */
export function kindAmount(totals: Totals, currency: Currency, kind: CostKind): string {
	const total = totals[currency];
	return total ? formatTotal(total, currency, kind) : '';
}

/** Amounts in every currency, never added together: `$500/mo + €40/mo`, or `—`. */
function amountsText(
	totals: Totals,
	currencies: Currency[],
	format: (total: CurrencyTotal, currency: Currency) => string,
): string {
	const parts = currencies.flatMap((currency) => {
		const total = totals[currency];
		return total ? [format(total, currency)] : [];
	});
	return parts.length > 0 ? parts.join(' + ') : '—';
}
