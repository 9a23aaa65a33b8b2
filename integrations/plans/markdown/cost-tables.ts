import type { Paragraph, Root, TableCell, TableRow } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { barChart } from '../charts/bar-chart.ts';
import type { CostTable } from '../parse/costs.ts';
import { type Currency, formatMonthly } from '../parse/money.ts';
import { hastNode, insertAfter } from './insert.ts';

/**
 * Cost tables (a table with a `Cost` column) show their arithmetic: cost cells are
 * right-aligned with tabular figures, a "Computed total" row sums the rows per currency,
 * a written Total that does not add up gets a visible note, and a bar chart of cost by
 * component follows the table (one per currency, drawn at build time).
 */
export const remarkCostTables: Plugin<[], Root> = () => (tree, file) => {
	const tables = file.data.planFacts?.nodes.costTables ?? [];
	tables.forEach(({ node, table }, index) => {
		node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: table.anchor, className: ['cost-table'] } };
		for (const row of node.children) {
			const cell = row.children[table.column];
			if (cell) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: ['cost-cell'] } };
		}
		node.children.push(computedRow(table, node.children[0]?.children.length ?? 1));
		insertAfter(tree, node, ...[mismatchNote(table), ...costCharts(table, index)].filter((extra) => extra !== undefined));
	});
};

function computedRow(table: CostTable, width: number): TableRow {
	const cells: TableCell[] = Array.from({ length: width }, () => ({ type: 'tableCell', children: [] }));
	cells[0] = { type: 'tableCell', children: [{ type: 'text', value: 'Computed total' }] };
	cells[table.column] = {
		type: 'tableCell',
		data: { hProperties: { className: ['cost-cell'] } },
		children: [{ type: 'text', value: formatTotals(table) }],
	};
	return { type: 'tableRow', data: { hProperties: { className: ['cost-computed'] } }, children: cells };
}

function mismatchNote(table: CostTable): Paragraph | undefined {
	if (!table.mismatch) return undefined;
	return hastNode(h('p', { className: ['cost-mismatch'], role: 'note' }, [h('strong', 'Total does not add up:'), ` ${table.mismatch}.`]));
}

/** One bar chart per currency with at least two priced rows; a single bar compares nothing. */
function costCharts(table: CostTable, index: number): Paragraph[] {
	const currencies = Object.keys(table.totals) as Currency[];
	return currencies.flatMap((currency) => {
		const bars = table.items.flatMap((item) =>
			item.cost.kind === 'amount' && item.cost.currency === currency
				? [{ label: item.component, low: item.cost.monthlyLow, high: item.cost.monthlyHigh, valueText: formatMonthly(item.cost.monthlyLow, item.cost.monthlyHigh, currency), href: `#${item.anchor}` }]
				: [],
		);
		if (bars.length < 2) return [];
		const suffix = currencies.length > 1 ? ` (${currency})` : '';
		const total = table.totals[currency]!;
		const chart = barChart(bars, {
			title: `Monthly cost by component${suffix}`,
			id: `plans-cost-chart-${index + 1}-${currency.toLowerCase()}`,
			description: `Rows sum to ${total.atLeast ? 'at least ' : ''}${formatMonthly(total.low, total.high, currency)}; the table above has the exact figures.`,
		});
		return [hastNode(h('figure', { className: ['plan-chart', 'cost-chart'] }, [chart]))];
	});
}


/** `$4,180/mo`, a range `$21.03–$36.03/mo`, `at least …` when rows are unknown, currencies apart. */
export function formatTotals(table: Pick<CostTable, 'totals'>): string {
	const parts = (Object.entries(table.totals) as Array<[Currency, { low: number; high: number; atLeast: boolean }]>).map(
		([currency, { low, high, atLeast }]) => `${atLeast ? 'at least ' : ''}${formatMonthly(low, high, currency)}`,
	);
	return parts.length > 0 ? parts.join(' + ') : 'no amounts';
}
