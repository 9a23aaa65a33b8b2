import type { Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RowAnchors } from './anchors.ts';
import { costTablePeriod, type PeriodSource } from './cost-period.ts';
import { costLayout, type CostLayout } from './cost-layout.ts';
import { readAmounts } from './cost-amounts.ts';
import { type SectionPath, sectionId, sectionName, visitInSections } from './sections.ts';
import { cleanValue, headerNames } from './table.ts';
import {
	compareTotal,
	type CostTotals,
	costKind,
	type Money,
	parseMoney,
	type Period,
	sumMoney,
} from '../money/index.ts';
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
	/** The rows' amounts are rate × quantity: no column holds them. */
	amountFrom?: 'rate × quantity';
	/** A table of choices or examples (`Options`, `Scenarios`, `Examples of past grants`) with no written total: nothing is summed. */
	options?: boolean;
	/** Why the table's figures could not be read without a guess: they are shown, and marked unverified. */
	unverified?: string;
	/** Id of the table on the plan page: `costs-` and its section's name. */
	anchor?: string;
	/** Id of the heading the table sits under. */
	section?: string;
}

const SERVICE_HEADER = /^(service|provider|vendor|product|resource)$/i;
const USAGE_HEADER = /^(usage|size|quantity|qty|details|specs?|configuration|tier|plan)$/i;
const TOTAL_LABEL = /^(grand\s+|estimated\s+|monthly\s+)?total\b/i;
/** A row label that says the row is one choice among others, or is marked as not added. */
const ALTERNATIVE_LABEL = words(
	'alternatives?|options?|optional|instead\\s+of|or|not\\s+included|not\\s+in\\s+(?:the\\s+)?total',
);
/** A table, by its first header or its heading, of choices or examples: one row each, never a sum. */
const OPTIONS_TABLE = words(
	'options?|alternatives?|scenarios?|examples?|comparisons?|compared|choices|tiers|settings|past\\s+grants|pricing\\s+models?',
);

/** Whether a row's label says it is an alternative or an option, so it is not added. */
function isAlternative(label: string): boolean {
	return ALTERNATIVE_LABEL.test(label);
}

const cellText = (row: TableRow, index: number) =>
	toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim();

/** A row of `---` under a header that already has its separator, or a row of nothing: not a row of the table. */
const isFiller = (row: TableRow): boolean =>
	row.children.every((cell) => /^\s*(?::?-{3,}:?)?\s*$/.test(toString(cell)));

interface CostRow {
	row: TableRow;
	label: string;
	line: number;
}

const GROUP_HEADER = /^(category|type|group|area|kind)$/i;
const ITEM_HEADER = /^(item|line\s+item|description|component|deliverable|task|expense|service)$/i;

/** The column that names a row: the first, unless it only groups rows (`Category`) and an `Item` column follows. */
function labelColumn(names: string[]): number {
	const item = names.findIndex((name, index) => index > 0 && ITEM_HEADER.test(name));
	return GROUP_HEADER.test(names[0] ?? '') && item !== -1 ? item : 0;
}

/** The rows that are data: the header too when it holds an amount, never filler or blank rows. */
function dataRows(table: Table, layout: CostLayout): CostRow[] {
	const rows = layout.headerIsRow ? table.children : table.children.slice(1);
	const label = layout.headerIsRow ? 0 : labelColumn(headerNames(table));
	return rows
		.filter((row) => !isFiller(row))
		.map((row) => {
			const name = cellText(row, label).replace(/[*_]/g, '').trim();
			// A Total row writes its label in the first column, whatever names the others.
			const first = cellText(row, 0).replace(/[*_]/g, '').trim();
			return {
				row,
				label: TOTAL_LABEL.test(first) ? first : name || first,
				line: row.position?.start.line ?? 1,
			};
		});
}

/** True for a table that has a column of amounts (see `cost-layout.ts`). */
export function isCostTable(table: Table): boolean {
	return costLayout(table) !== undefined;
}

/**
 * Reads one cost table: every row's amount in the table's period and unit, the sums of the
 * rows it adds per kind of money and currency, and the written Total row checked against the
 * sum of its own kind. Rows are found by header name, so column order, case and extra columns
 * do not matter. `section` is the headings the table sits under, which may state its period.
 */
function readCostTable(
	table: Table,
	anchors: RowAnchors,
	section: SectionPath = [],
): CostTable | undefined {
	const layout = costLayout(table);
	if (!layout) return undefined;
	const names = headerNames(table);
	const rows = dataRows(table, layout);
	const totalRow = rows.findLast(({ label }) => TOTAL_LABEL.test(label));
	const itemRows = rows.filter((row) => row !== totalRow && !TOTAL_LABEL.test(row.label));
	const options =
		!totalRow &&
		(OPTIONS_TABLE.test(
			[names[0] ?? '', section.at(-1) ? sectionName(section.at(-1)!) : ''].join(' '),
		) ||
			scaleRows(itemRows));
	const header = layout.headerIsRow
		? ''
		: (names[layout.computed ? (layout.quantity ?? layout.amount) : layout.amount] ?? '');
	const cell = (row: TableRow) => cellText(row, layout.amount);
	const { period: tablePeriod, from } = costTablePeriod(
		names[layout.amount] ?? header,
		section,
		itemRows.map(({ row }) => parseMoney(cell(row))),
		totalRow && parseMoney(cell(totalRow.row)),
	);
	const period = layout.computed && layout.duration ? 'once' : tablePeriod;
	const written = writtenTotal(rows, totalRow, layout, period);
	const reading = readAmounts(itemRows, layout, period, written?.cost);
	const items = itemRows.map(({ row, label, line }, index): CostItem => {
		const service = serviceOf(row, names);
		const usage = usageOf(row, names, layout);
		return {
			component: label,
			service: service || undefined,
			usage: usage || undefined,
			cost: reading.amounts[index]!,
			inTotal: !options && !isAlternative(label),
			anchor: anchors.claim('cost', label),
			line,
		};
	});
	const checked = checkTotal(items, written);
	return {
		line: table.position?.start.line ?? 1,
		column: layout.amount,
		period,
		periodFrom: layout.computed && layout.duration ? 'header' : from,
		...(reading.computed && { amountFrom: 'rate × quantity' as const }),
		...(options && { options: true }),
		items,
		totals: checked.totals,
		written,
		mismatch: checked.mismatch,
		...(reading.unverified && { unverified: reading.unverified }),
	};
}

/**
 * Rows named only by a number (`1 (~0.0001%)`, `10,000`, `50%`) are sizes of one thing, each a
 * scenario: what it costs at that scale, never a sum. Years (`2025`) are periods of a budget.
 */
function scaleRows(rows: CostRow[]): boolean {
	return (
		rows.length > 1 &&
		rows.every(
			({ label }) =>
				/^[~<>≈]?\s*\d[\d,.]*\s*[%km]?\s*(\([^)]*\))?$/i.test(label) &&
				!/^(19|20)\d\d$/.test(label),
		)
	);
}

/**
 * The author's total: the Total row's amount; else, in a table with a `Running Total` column,
 * its last figure (the Total row's, or the last row's).
 */
function writtenTotal(
	rows: CostRow[],
	totalRow: CostRow | undefined,
	layout: CostLayout,
	period: Period | undefined,
): CostTable['written'] {
	const read = (row: CostRow, column: number) =>
		parseMoney(cellText(row.row, column), period, layout.unit);
	const fromTotal = totalRow && read(totalRow, layout.amount);
	if (fromTotal && (fromTotal.kind === 'amount' || layout.running === undefined))
		return { cost: fromTotal, line: totalRow!.line };
	if (layout.running === undefined) return undefined;
	const last = [...rows].reverse().find((row) => cellText(row.row, layout.running!) !== '');
	return last && { cost: read(last, layout.running), line: last.line };
}

function serviceOf(row: TableRow, names: string[]): string {
	const column = names.findIndex((name, index) => index > 0 && SERVICE_HEADER.test(name));
	return column === -1 ? '' : cleanValue(cellText(row, column));
}

function usageOf(row: TableRow, names: string[], layout: CostLayout): string {
	const column = names.findIndex(
		(name, index) => USAGE_HEADER.test(name) && index !== layout.quantity,
	);
	return column === -1 ? '' : cleanValue(cellText(row, column));
}

/** The rows' sums (rows in the total only), and how the written Total row compares. */
function checkTotal(
	items: CostItem[],
	written: CostTable['written'],
): Pick<CostTable, 'totals' | 'mismatch'> {
	const added = itemsInTotal(items);
	const totals = sumMoney(added.map((item) => item.cost));
	const kind = written && costKind(written.cost);
	const incomplete = added.some(
		(item) => costKind(item.cost) === kind && item.cost.kind !== 'amount',
	);
	const comparison =
		written && kind ? compareTotal(totals[kind], written.cost, incomplete) : undefined;
	return {
		totals,
		mismatch: comparison?.checked && !comparison.matches ? comparison.message : undefined,
	};
}

/** Every cost table of a plan, with the mdast node it came from. */
export function collectCostTables(
	tree: Root,
	anchors: RowAnchors,
): Array<{ node: Table; table: CostTable }> {
	const tables: Array<{ node: Table; table: CostTable }> = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		if (!isCostTable(node)) return;
		const anchor = anchors.claim('costs', section.at(-1)?.text ?? 'table');
		const table = readCostTable(node, anchors, section)!;
		tables.push({ node, table: { ...table, anchor, section: sectionId(section) } });
	});
	return tables;
}

/** The rows a total adds: alternatives, options and tables of choices are shown, never added. */
export function itemsInTotal(items: readonly CostItem[]): CostItem[] {
	return items.filter((item) => item.inTotal);
}
