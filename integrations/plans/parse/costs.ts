import type { Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RowAnchors } from './anchors.ts';
import { sectionId, visitInSections } from './sections.ts';
import { cleanValue, headerNames } from './table.ts';
import { compareTotal, type Money, parseMoney, sumMoney, type Totals } from './money.ts';

/** A row of a cost table. */
export interface CostItem {
	component: string;
	/** The Service (or Provider) cell: `AWS EC2`, `RDS PostgreSQL`. */
	service?: string;
	/** The Usage cell: `4 x t3.medium`. */
	usage?: string;
	cost: Money;
	/** Id of the row on the plan page: `cost-compute`. */
	anchor: string;
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
	/** Id of the table on the plan page: `costs-` and its section's name. */
	anchor?: string;
	/** Id of the heading the table sits under. */
	section?: string;
}

/** Header names of the column that holds money. */
const COST_HEADER = /^(monthly\s+|annual\s+|estimated\s+|est\.?\s+)?(cost|costs|price|amount|budget)(\s*\(.*\))?(\s*\/\s*(mo|month|yr|year))?$/i;
const SERVICE_HEADER = /^(service|provider|vendor|product|resource)$/i;
const USAGE_HEADER = /^(usage|size|quantity|qty|details|specs?|configuration|tier|plan)$/i;
const TOTAL_LABEL = /^(grand\s+|estimated\s+|monthly\s+)?total\b/i;

const cellText = (row: TableRow, index: number) => toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim();

/** The cost column of a table, by its header, or -1. */
export function costColumn(table: Table): number {
	return headerNames(table).findIndex((name) => COST_HEADER.test(name));
}

/**
 * Reads one cost table: every row's cost cell as money, the rows' sum per currency, and the
 * written Total row checked against that sum. Rows are found by header name, so column order,
 * case and extra columns do not matter.
 */
export function readCostTable(table: Table, anchors: RowAnchors): CostTable | undefined {
	const column = costColumn(table);
	if (column === -1) return undefined;
	const names = headerNames(table);
	const serviceColumn = names.findIndex((name, index) => index > 0 && SERVICE_HEADER.test(name));
	const usageColumn = names.findIndex((name) => USAGE_HEADER.test(name));
	const items: CostItem[] = [];
	let written: CostTable['written'];
	for (const row of table.children.slice(1)) {
		const label = cellText(row, 0).replace(/[*_]/g, '').trim();
		const cost = parseMoney(cellText(row, column));
		const line = row.position?.start.line ?? 1;
		if (TOTAL_LABEL.test(label)) written = { cost, line };
		else {
			const service = serviceColumn === -1 ? '' : cleanValue(cellText(row, serviceColumn));
			const usage = usageColumn === -1 ? '' : cleanValue(cellText(row, usageColumn));
			items.push({ component: label, service: service || undefined, usage: usage || undefined, cost, anchor: anchors.claim('cost', label), line });
		}
	}
	const totals = sumMoney(items.map((item) => item.cost));
	const comparison = written ? compareTotal(totals, written.cost, items.some((item) => item.cost.kind !== 'amount')) : undefined;
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
export function collectCostTables(tree: Root, anchors: RowAnchors): Array<{ node: Table; table: CostTable }> {
	const tables: Array<{ node: Table; table: CostTable }> = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		if (costColumn(node) === -1) return;
		const anchor = anchors.claim('costs', section.at(-1)?.text ?? 'table');
		const table = readCostTable(node, anchors)!;
		tables.push({ node, table: { ...table, anchor, section: sectionId(section) } });
	});
	return tables;
}
