/**
 * Which columns of a money table hold what: the column that is each row's amount, and the rate
 * and quantity columns when the author priced rows as rate × quantity. Real budgets write
 * `| Item | Cost | Quantity | Total |` (the amount is the Total column, the Cost column a rate),
 * `| Item | Rate | Hours |` (rate × hours, no column of amounts), or `| Item | Annually |
 * Quarterly | Monthly |` (one column per period); a header naming a unit (`Cost (ETH/year)`)
 * gives the unit of bare numbers.
 */
import type { Table } from 'mdast';
import {
	CODE_GROUP,
	CURRENCY_OF_SYMBOL,
	type Currency,
	isIsoCurrency,
	SYMBOL_CLASS,
} from '../money/currencies.ts';
import { parseMoney } from '../money/read.ts';
import { cellText, headerNames } from './table.ts';

export interface CostLayout {
	/** The column whose cells are the rows' amounts (the rate column when `computed`). */
	amount: number;
	/** Rate and quantity columns: the amount is, or can be checked as, rate × quantity. */
	rate?: number;
	quantity?: number;
	/** No column holds the rows' amounts: each is rate × quantity. */
	computed: boolean;
	/** The rate column's header says it is a price per unit (`Rate`, `Unit cost`, `Cost per hour`), not a plain `Cost`. */
	perUnit: boolean;
	/** The quantity is a duration (hours, days, months): rate × quantity is money spent once. */
	duration: boolean;
	/** The unit the amount column's header names (`Cost (ETH/year)`, `Amount (US$)`), for bare numbers. */
	unit?: Currency;
	/** The header row is data: a two-column table whose header is `| Total budget | $50,000 |`. */
	headerIsRow: boolean;
	/** A `Running Total` column: its last figure is the author's total. */
	running?: number;
}

/** Header names of a column of amounts. */
const COST_HEADER =
	/^(monthly\s+|annual\s+|yearly\s+|quarterly\s+|one[-\s]?time\s+|one[-\s]off\s+|upfront\s+|estimated\s+|est\.?\s+|total\s+|requested\s+)?(cost|costs|price|amount|budget|funding|fund|funds|expense|expenses|spend)(\s+estimate)?(\s*\(.*\))?(\s*(\/|per)\s*(mo|month|qtr|quarter|yr|year))?$/i;
/** A column of each row's amount, beside a rate and a quantity: `Total`, `Subtotal`, `Line total`, `Total (USD)`. */
const LINE_TOTAL_HEADER = /^(line\s+|row\s+)?(sub)?total(\s+(cost|price|amount))?(\s*\(.*\))?$/i;
/** A price per unit: `Rate`, `Unit cost`, `Cost per hour`, `Hourly rate`, or a plain `Cost` beside a quantity. */
const RATE_HEADER =
	/^((unit|hourly|daily|monthly)\s+)?(rate|cost|price)(\s+per\s+\w+)?(\s*\(.*\))?$|\bper\s+(unit|hour|day|month|item|seat)\b/i;
const PER_UNIT = /^((unit|hourly|daily|monthly)\s+)?rate\b|^unit\s+(cost|price)|\bper\s+\w+/i;
const DURATION = /^(hours|hrs|days|months|weeks)\b/i;
const QUANTITY_HEADER =
	/^(quantity|qty|units?|count|number|no\.?|#|hours|hrs|days|months|weeks|seats|fte|people|headcount)(\s*\(.*\))?$/i;
/** A column of amounts per period: `Monthly`, `Annually`, `Quarterly (USD)`. */
const PERIOD_HEADER =
	/^(monthly|per\s+month|quarterly|per\s+quarter|annually|annual|yearly|per\s+year|weekly|one[-\s]?time)(\s*\(.*\))?$/i;
/** The period columns in the order one is picked to be the amount: the run-rate pages show first. */
const PERIOD_PREFERENCE = [
	/^monthly|^per\s+month/i,
	/^quarterly|^per\s+quarter/i,
	/^annual|^yearly|^per\s+year/i,
	/^weekly/i,
	/^one/i,
];

const RUNNING_TOTAL_HEADER = /^(running|cumulative)\s+(total|sum)(\s*\(.*\))?$/i;

/** `(ETH/year)`, `(in US$)`, `(DAI)`: a unit in brackets; a token the reader does not know counts when written in capitals. */
const UNIT_IN_HEADER = new RegExp(
	`\\((?:in\\s+)?(${CODE_GROUP}|${SYMBOL_CLASS}|[A-Z][A-Z0-9]{1,5})(?:\\s*\\/\\s*\\w+)?\\)`,
	'i',
);

/** How a money table is laid out, or undefined when it has no column of amounts. */
export function costLayout(table: Table): CostLayout | undefined {
	const names = headerNames(table);
	if (headerIsRow(table, names))
		return { amount: 1, computed: false, perUnit: false, duration: false, headerIsRow: true };
	const find = (pattern: RegExp, from = 1) =>
		names.findIndex((name, index) => index >= from && pattern.test(name));
	const rate = find(RATE_HEADER);
	const quantity = find(QUANTITY_HEADER);
	const priced = rate !== -1 && quantity !== -1;
	const lineTotal = priced ? find(LINE_TOTAL_HEADER) : -1;
	const byPeriod = PERIOD_PREFERENCE.map((preferred) =>
		names.findIndex((name, index) => index > 0 && PERIOD_HEADER.test(name) && preferred.test(name)),
	).find((index) => index !== -1);
	const amount = lineTotal !== -1 ? lineTotal : (firstIndex(find(COST_HEADER, 0), byPeriod) ?? -1);
	if (amount === -1 && !priced) return undefined;
	const column = amount === -1 ? rate : amount;
	const layout: CostLayout = {
		amount: column,
		computed: priced && lineTotal === -1 && column === rate,
		perUnit: priced && PER_UNIT.test(names[rate] ?? ''),
		duration: priced && DURATION.test(names[quantity] ?? ''),
		headerIsRow: false,
		unit: headerUnit(names[column] ?? ''),
	};
	if (priced) Object.assign(layout, { rate, quantity });
	const running = find(RUNNING_TOTAL_HEADER);
	if (running !== -1) layout.running = running;
	return layout;
}

function firstIndex(...indexes: Array<number | undefined>): number | undefined {
	return indexes.find((index) => index !== undefined && index !== -1);
}

/** The unit a header names in brackets: `Cost (ETH/year)` → ETH, `Amount (US$)` → USD. */
function headerUnit(header: string): Currency | undefined {
	const written = UNIT_IN_HEADER.exec(header)?.[1];
	if (!written) return undefined;
	const symbol = CURRENCY_OF_SYMBOL.get(written) ?? CURRENCY_OF_SYMBOL.get(written.toUpperCase());
	if (symbol) return symbol;
	const code = written.toUpperCase();
	// `(est.)`, `(total)` are words; a unit is a known code in any case, or capitals.
	return isIsoCurrency(code) || (written === code && /[A-Z]/.test(code)) ? code : undefined;
}

/** `| Total budget | $50,000 |` as the header of a two-column table: its first row of data. */
function headerIsRow(table: Table, names: string[]): boolean {
	if (names.length !== 2 || table.children.length < 1) return false;
	const money = parseMoney(cellText(table.children[0]?.children[1]));
	return money.kind === 'amount' && !money.free;
}
