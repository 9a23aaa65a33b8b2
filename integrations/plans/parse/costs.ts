import type { Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RowAnchors } from './anchors.ts';
import { costTablePeriod, type PeriodSource } from './cost-period.ts';
import { type SectionPath, sectionId, visitInSections } from './sections.ts';
import { cleanValue, headerNames } from './table.ts';
import { compareTotal, type CostTotals, costKind, type Money, parseMoney, type Period, sumMoney } from './money/index.ts';
import { words } from './words.ts';

/** A row of a cost table. */
export interface CostItem {
	component: string;
	/** The Service (or Provider) cell: `AWS EC2`, `RDS PostgreSQL`. */
	service?: string;
	/** The Usage cell: `4 x t3.medium`. */
	usage?: string;
	cost: Money;
	/**
	 * False for a row that is an alternative or an option (`Alternative`, `Option B`, `Redis or
	 * Memcached`, `… (not included)`): it is shown, and left out of every total.
	 */
	inTotal: boolean;
	/** Id of the row on the plan page: `cost-compute`. */
	anchor: string;
	line: number;
}

/** A cost table: its rows read as money, their sum per currency, and the written Total row. */
export interface CostTable {
	line: number;
	/** Index of the cost column. */
	column: number;
	/** The period of the cells that write none; absent when nothing states one (see `cost-period.ts`). */
	period?: Period;
	/** Where `period` was found: the cost column's header, a heading, or the cells. */
	periodFrom?: PeriodSource;
	items: CostItem[];
	/** The rows' sums, each kind of money apart (see `CostKind`); rows not in the total are left out. */
	totals: CostTotals;
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
const COST_HEADER =
	/^(monthly\s+|annual\s+|yearly\s+|one[-\s]?time\s+|one[-\s]off\s+|upfront\s+|estimated\s+|est\.?\s+)?(cost|costs|price|amount|budget)(\s*\(.*\))?(\s*(\/|per)\s*(mo|month|yr|year))?$/i;
const SERVICE_HEADER = /^(service|provider|vendor|product|resource)$/i;
const USAGE_HEADER = /^(usage|size|quantity|qty|details|specs?|configuration|tier|plan)$/i;
const TOTAL_LABEL = /^(grand\s+|estimated\s+|monthly\s+)?total\b/i;
/** A row label that says the row is one choice among others, or is marked as not added. */
const ALTERNATIVE_LABEL = words('alternatives?|options?|optional|instead\\s+of|or|not\\s+included|not\\s+in\\s+(?:the\\s+)?total');

/** Whether a row's label says it is an alternative or an option, so it is not added. */
function isAlternative(label: string): boolean {
	return ALTERNATIVE_LABEL.test(label);
}

const cellText = (row: TableRow, index: number) => toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim();

/** The cost column of a table, by its header, or -1. */
export function costColumn(table: Table): number {
	return headerNames(table).findIndex((name) => COST_HEADER.test(name));
}

/**
 * Reads one cost table: every row's cost cell as money in the table's period, the sums of the
 * rows it adds per kind of money and currency, and the written Total row checked against the
 * sum of its own kind. Rows are found by header name, so column order, case and extra columns
 * do not matter. `section` is the headings the table sits under, which may state its period.
 */
function readCostTable(table: Table, anchors: RowAnchors, section: SectionPath = []): CostTable | undefined {
	const column = costColumn(table);
	if (column === -1) return undefined;
	const names = headerNames(table);
	const serviceColumn = names.findIndex((name, index) => index > 0 && SERVICE_HEADER.test(name));
	const usageColumn = names.findIndex((name) => USAGE_HEADER.test(name));
	const rows = table.children.slice(1).map((row) => ({ row, label: cellText(row, 0).replace(/[*_]/g, '').trim(), cell: cellText(row, column), line: row.position?.start.line ?? 1 }));
	const totalRow = rows.findLast(({ label }) => TOTAL_LABEL.test(label));
	const itemRows = rows.filter((row) => !TOTAL_LABEL.test(row.label));
	const counted = itemRows.filter(({ label }) => !isAlternative(label));
	const { period, from } = costTablePeriod(names[column] ?? '', section, counted.map(({ cell }) => parseMoney(cell)), totalRow && parseMoney(totalRow.cell));
	const items = itemRows.map(({ row, label, cell, line }): CostItem => {
		const service = serviceColumn === -1 ? '' : cleanValue(cellText(row, serviceColumn));
		const usage = usageColumn === -1 ? '' : cleanValue(cellText(row, usageColumn));
		return { component: label, service: service || undefined, usage: usage || undefined, cost: parseMoney(cell, period), inTotal: !isAlternative(label), anchor: anchors.claim('cost', label), line };
	});
	const written = totalRow && { cost: parseMoney(totalRow.cell, period), line: totalRow.line };
	const added = items.filter((item) => item.inTotal);
	const totals = sumMoney(added.map((item) => item.cost));
	const kind = written && costKind(written.cost);
	const incomplete = added.some((item) => costKind(item.cost) === kind && item.cost.kind !== 'amount');
	const comparison = written && kind ? compareTotal(totals[kind], written.cost, incomplete) : undefined;
	return {
		line: table.position?.start.line ?? 1,
		column,
		period,
		periodFrom: from,
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
		const table = readCostTable(node, anchors, section)!;
		tables.push({ node, table: { ...table, anchor, section: sectionId(section) } });
	});
	return tables;
}
