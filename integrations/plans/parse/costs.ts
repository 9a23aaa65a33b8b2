import type { Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { compareTotal, type Money, parseMoney, sumMoney, type Totals } from './money.ts';

/** A row of a cost table. */
export interface CostItem {
	component: string;
	cost: Money;
	line: number;
}

/** A cost table: its rows read as money, their sum per currency, and the written Total row. */
export interface CostTable {
	line: number;
	/** Index of the cost column. */
	column: number;
	items: CostItem[];
	totals: Totals;
	/** The written **Total** row, when the table has one. */
	written?: { cost: Money; line: number };
	/** Set when the written total differs from the rows' sum: `written $585/mo, rows sum to $600/mo`. */
	mismatch?: string;
}

/** Header names of the column that holds money. */
const COST_HEADER = /^(monthly\s+|annual\s+|estimated\s+|est\.?\s+)?(cost|costs|price|amount|budget)(\s*\(.*\))?(\s*\/\s*(mo|month|yr|year))?$/i;
const TOTAL_LABEL = /^(grand\s+|estimated\s+|monthly\s+)?total\b/i;

const cellText = (row: TableRow, index: number) => toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim();

/** The cost column of a table, by its header, or -1. */
export function costColumn(table: Table): number {
	const header = table.children[0];
	if (!header) return -1;
	return header.children.findIndex((_cell, index) => COST_HEADER.test(cellText(header, index).replace(/[*_]/g, '')));
}

/**
 * Reads one cost table: every row's cost cell as money, the rows' sum per currency, and the
 * written Total row checked against that sum. Rows are found by header name, so column order,
 * case and extra columns do not matter.
 */
export function readCostTable(table: Table): CostTable | undefined {
	const column = costColumn(table);
	if (column === -1) return undefined;
	const items: CostItem[] = [];
	let written: CostTable['written'];
	for (const row of table.children.slice(1)) {
		const label = cellText(row, 0).replace(/[*_]/g, '').trim();
		const cost = parseMoney(cellText(row, column));
		const line = row.position?.start.line ?? 1;
		if (TOTAL_LABEL.test(label)) written = { cost, line };
		else items.push({ component: label, cost, line });
	}
	const totals = sumMoney(items.map((item) => item.cost));
	const comparison = written ? compareTotal(totals, written.cost) : undefined;
	return {
		line: table.position?.start.line ?? 1,
		column,
		items,
		totals,
		written,
		mismatch: comparison?.checked && !comparison.matches ? comparison.message : undefined,
	};
}

/** Every cost table of a plan, with the mdast node it came from. */
export function collectCostTables(tree: Root): Array<{ node: Table; table: CostTable }> {
	const tables: Array<{ node: Table; table: CostTable }> = [];
	visit(tree, 'table', (node) => {
		const table = readCostTable(node);
		if (table) tables.push({ node, table });
	});
	return tables;
}
