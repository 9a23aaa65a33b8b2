/**
 * Each row's amount, as the table's layout says it is written: the amount column as written,
 * or rate × quantity. Where the layout leaves it open (a plain `Cost` beside a `Quantity`), the
 * written Total decides which the author meant; where nothing decides, the figures are read as
 * written and marked unverified, never shown as a checked fact.
 */
import type { TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CostLayout } from './cost-layout.ts';
import {
	compareTotal,
	costKind,
	type Money,
	parseMoney,
	type Period,
	sumMoney,
	withPeriod,
} from '../money/index.ts';

export interface AmountsReading {
	amounts: Money[];
	/** The amounts are rate × quantity. */
	computed: boolean;
	/** Why the amounts are a reading the table does not confirm. */
	unverified?: string;
}

const cellText = (row: TableRow, index: number | undefined) =>
	index === undefined
		? ''
		: toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim();

/** A quantity as a number: `3`, `0.5`, `1,000`, `2 x`, `12 months`; undefined when the cell is not one. */
function quantityOf(text: string): number | undefined {
	const match = /^[x×]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:[x×]|\p{L}[\p{L}\s.]*)?$/u.exec(
		text.replace(/[*_`]/g, '').trim(),
	);
	return match ? Number(`${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`) : undefined;
}

/** Rate × quantity; the rate as written when the quantity is blank (a lump sum in a priced table). */
function product(rate: Money, quantityText: string, period: Period | undefined): Money {
	if (quantityText === '' || rate.kind !== 'amount') return rate;
	const quantity = quantityOf(quantityText);
	if (quantity === undefined)
		return {
			kind: 'invalid',
			text: `${rate.text} × ${quantityText}`,
			reason: 'the quantity is not a number',
			...(period && { period }),
		};
	const { monthlyLow: _low, monthlyHigh: _high, period: _period, ...amount } = rate;
	const times = (value: number) => Math.round(value * quantity * 1e6) / 1e6;
	// Hours or months of a rate are spent once (the table's period says so); seats of a monthly price cost monthly.
	return withPeriod(
		{
			...amount,
			low: times(rate.low),
			high: times(rate.high),
			text: `${rate.text} × ${quantityText}`,
		},
		period === 'once' ? period : (rate.period ?? period),
	);
}

/** The rows' amounts add up to the written total. */
function sumMatches(amounts: Money[], written: Money): boolean {
	const kind = costKind(written);
	const totals = sumMoney(amounts.filter((money) => costKind(money) === kind));
	const comparison = compareTotal(totals[kind], written);
	return comparison.checked && comparison.matches;
}

const sameAmount = (a: Money, b: Money): boolean =>
	a.kind === 'amount' &&
	b.kind === 'amount' &&
	a.currency === b.currency &&
	Math.abs(a.low - b.low) < 0.005 &&
	Math.abs(a.high - b.high) < 0.005;

export function readAmounts(
	rows: Array<{ row: TableRow; label: string }>,
	layout: CostLayout,
	period: Period | undefined,
	written: Money | undefined,
): AmountsReading {
	const asWritten = rows.map(({ row }) =>
		parseMoney(cellText(row, layout.amount), period, layout.unit),
	);
	if (layout.rate === undefined || layout.quantity === undefined)
		return { amounts: asWritten, computed: false };
	const rates = layout.computed
		? asWritten
		: rows.map(({ row }) => parseMoney(cellText(row, layout.rate), period, layout.unit));
	const products = rows.map(({ row }, index) =>
		product(rates[index]!, cellText(row, layout.quantity), period),
	);
	if (!layout.computed)
		return {
			amounts: asWritten,
			computed: false,
			unverified: wrongLine(rows, products, asWritten),
		};
	if (layout.perUnit) return { amounts: products, computed: true };
	if (written?.kind === 'amount') {
		if (sumMatches(products, written)) return { amounts: products, computed: true };
		if (sumMatches(asWritten, written)) return { amounts: asWritten, computed: false };
	}
	if (
		products.every(
			(money, index) => money === asWritten[index] || sameAmount(money, asWritten[index]!),
		)
	)
		return { amounts: asWritten, computed: false };
	return {
		amounts: asWritten,
		computed: false,
		unverified:
			'a Quantity column stands beside the Cost column and no written Total says whether each cost is per unit or for the row: the costs are read as written',
	};
}

/** The first row whose line total is not its rate × quantity, said as the author would check it. */
function wrongLine(
	rows: Array<{ label: string }>,
	products: Money[],
	totals: Money[],
): string | undefined {
	const index = products.findIndex(
		(money, k) =>
			money.kind === 'amount' &&
			totals[k]!.kind === 'amount' &&
			money.text.includes('×') &&
			!sameAmount(money, totals[k]!),
	);
	if (index === -1) return undefined;
	return `row "${rows[index]!.label}": ${products[index]!.text} is not ${totals[index]!.text}`;
}
