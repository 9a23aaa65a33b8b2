import type { Paragraph, Root, TableCell, TableRow } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { type BarDatum, barChart } from '../charts/bar-chart.ts';
import type { CostItem, CostTable } from '../parse/costs.ts';
import {
	COST_KINDS,
	type CostKind,
	costKind,
	countedAmount,
	type Currency,
	type CurrencyTotal,
	formatKind,
	formatRange,
	formatTotal,
} from '../money/index.ts';
import { hastNode, insertAfter } from './insert.ts';

/**
 * Cost tables (a table with a `Cost` column) show their arithmetic: cost cells are
 * right-aligned with tabular figures, a "Computed total" row sums the rows per kind of money
 * and currency, a row left out of it (an alternative, an option) says so, a written Total that
 * does not add up gets a visible note, and a bar chart of cost by component follows the table
 * (one per kind of money and currency, drawn at build time).
 */
export const remarkCostTables: Plugin<[], Root> = () => (tree, file) => {
	const tables = file.data.planFacts?.nodes.costTables ?? [];
	tables.forEach(({ node, table }, index) => {
		node.data = {
			...node.data,
			hProperties: { ...node.data?.hProperties, id: table.anchor, className: ['cost-table'] },
		};
		for (const row of node.children) {
			const cell = row.children[table.column];
			if (cell)
				cell.data = {
					...cell.data,
					hProperties: { ...cell.data?.hProperties, className: ['cost-cell'] },
				};
		}
		if (table.options) {
			// Choices or examples, one per row: nothing to add up, and nothing charted as a cost.
			insertAfter(
				tree,
				node,
				note(
					'cost-options',
					'Options, not a budget:',
					'one row per choice or example, so no total is computed and the rows stay out of the cost pages.',
				),
			);
			return;
		}
		markLeftOut(node.children, table);
		node.children.push(computedRow(table, node.children[0]?.children.length ?? 1));
		const notes = [
			table.amountFrom &&
				note('cost-computed-note', 'Computed:', 'each row is its rate × quantity.'),
			table.unverified && note('cost-unverified', 'Unverified:', `${table.unverified}.`),
			mismatchNote(table),
		];
		insertAfter(
			tree,
			node,
			...[...notes, ...costCharts(table, index)].filter((extra): extra is Paragraph =>
				Boolean(extra),
			),
		);
	});
};

/** A row the total leaves out gets a class and, in its cost cell, a note saying so. */
function markLeftOut(rows: TableRow[], table: CostTable): void {
	for (const item of table.items.filter((candidate) => !candidate.inTotal)) {
		const row = rows.find((candidate) => candidate.position?.start.line === item.line);
		const cell = row?.children[table.column];
		if (!row || !cell) continue;
		const classes = row.data?.hProperties?.className;
		row.data = {
			...row.data,
			hProperties: {
				...row.data?.hProperties,
				className: [...(Array.isArray(classes) ? classes : []), 'cost-left-out'],
			},
		};
		cell.children.push(
			{ type: 'text', value: ' ' },
			{
				type: 'emphasis',
				data: { hName: 'span', hProperties: { className: ['cost-left-out-note'] } },
				children: [{ type: 'text', value: '(not in total)' }],
			},
		);
	}
}

function computedRow(table: CostTable, width: number): TableRow {
	const cells: TableCell[] = Array.from({ length: width }, () => ({
		type: 'tableCell',
		children: [],
	}));
	cells[0] = {
		type: 'tableCell',
		children: [
			{ type: 'text', value: table.unverified ? 'Computed total (unverified)' : 'Computed total' },
		],
	};
	cells[table.column] = {
		type: 'tableCell',
		data: { hProperties: { className: ['cost-cell'] } },
		children: [{ type: 'text', value: formatTotals(table) }],
	};
	return {
		type: 'tableRow',
		data: { hProperties: { className: ['cost-computed'] } },
		children: cells,
	};
}

function mismatchNote(table: CostTable): Paragraph | undefined {
	return table.mismatch
		? note('cost-mismatch', 'Total does not add up:', `${table.mismatch}.`)
		: undefined;
}

function note(className: string, title: string, text: string): Paragraph {
	return hastNode(
		h('p', { className: [className], role: 'note' }, [h('strong', title), ` ${text}`]),
	);
}

const CHART_TITLES: Record<CostKind, string> = {
	monthly: 'Monthly cost by component',
	oneTime: 'One-time cost by component',
	unstated: 'Cost by component',
};
// The run-rate chart keeps the id it has always had; the others are named after their kind.
const CHART_ID_SUFFIX: Record<CostKind, string> = {
	monthly: '',
	oneTime: '-one-time',
	unstated: '-no-period',
};

/** One bar chart per kind of money and currency with at least two priced rows; a single bar compares nothing. */
function costCharts(table: CostTable, index: number): Paragraph[] {
	const charts = COST_KINDS.flatMap((kind) =>
		(Object.keys(table.totals[kind]) as Currency[]).map((currency) => ({ kind, currency })),
	);
	return charts.flatMap(({ kind, currency }) => {
		const bars = table.items.flatMap((item) => barOf(item, kind, currency));
		if (bars.length < 2) return [];
		const suffix = new Set(charts.map((chart) => chart.currency)).size > 1 ? ` (${currency})` : '';
		const total = table.totals[kind][currency]!;
		const chart = barChart(bars, {
			title: `${CHART_TITLES[kind]}${suffix}`,
			id: `plans-cost-chart-${index + 1}-${currency.toLowerCase()}${CHART_ID_SUFFIX[kind]}`,
			description: `Rows sum to ${formatTotal(total, currency, kind)}; the table above has the exact figures.`,
		});
		return [hastNode(h('figure', { className: ['plan-chart', 'cost-chart'] }, [chart]))];
	});
}

/** The bar of a row in the chart of one kind of money and currency, if it has one there. */
function barOf(
	{ component, anchor, cost, inTotal }: CostItem,
	kind: CostKind,
	currency: Currency,
): BarDatum[] {
	if (!inTotal || cost.kind !== 'amount' || cost.currency !== currency || costKind(cost) !== kind)
		return [];
	const { low, high } = countedAmount(cost);
	// The chart's title names the kind of money; a bar of the run-rate keeps its `/mo`.
	const valueText =
		kind === 'monthly' ? formatKind(low, high, currency, kind) : formatRange(low, high, currency);
	return [{ label: component, low, high, valueText, href: `#${anchor}` }];
}

/** `$4,180/mo`, a range `$21.03–$36.03/mo`, `at least …` when rows are unknown, currencies and kinds of money apart. */
function formatTotals(table: Pick<CostTable, 'totals'>): string {
	const groups = COST_KINDS.map((kind) =>
		(Object.entries(table.totals[kind]) as Array<[Currency, CurrencyTotal]>)
			.map(([currency, total]) => formatTotal(total, currency, kind))
			.join(' + '),
	).filter((group) => group !== '');
	return groups.length > 0 ? groups.join('; ') : 'no amounts';
}
