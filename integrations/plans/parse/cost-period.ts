import type { Money, Period } from '../money/index.ts';
import { type SectionPath, sectionName } from './sections.ts';
import { words } from './words.ts';

/** Where a cost table's period was found. */
export type PeriodSource = 'header' | 'heading' | 'cells';

/** The period that applies to a cost table's cells that write none, and where it was found. */
export interface TablePeriod {
	period?: Period;
	from?: PeriodSource;
}

/** Words that state a period outright. */
const STATED: Array<[Period, RegExp]> = [
	['month', words('monthly|per\\s+month|a\\s+month|month-to-month', 'mo|month|mth')],
	['quarter', words('quarterly|per\\s+quarter|a\\s+quarter', 'qtr|quarter')],
	['year', words('annual|annually|yearly|per\\s+year|a\\s+year|per\\s+annum', 'yr|year')],
	['once', words('one[-\\s]?time|one[-\\s]off|once|up[-\\s]?front|non[-\\s]recurring')],
];

/** Section names that mean money spent once: building something, not running it. */
const ONE_TIME_SECTION = words(
	'(?:development|implementation|build|migration|setup|set-up|project|initial|capital)\\s+(?:costs?|budgets?|investment|spend)|budgets?|phases?|capex',
);

/**
 * The period of a cost table, from the first of these that names exactly one:
 * 1. the cost column's header: `Cost (Monthly)`, `Annual Cost`, `One-time Cost`, `Budget`;
 * 2. a heading the table sits under that states a period: `Infrastructure Costs (Monthly)`;
 * 3. its cells: the period written in the Total row, else the one every priced row writes;
 * 4. a heading about money spent once: `Development Costs`, `Budget`, `Phase 2` (one-time).
 * The plan's `#` title is not a heading here (it names the whole plan, not the table). When
 * none names a period, there is none: the table's amounts are not taken to be monthly.
 */
export function costTablePeriod(
	header: string,
	section: SectionPath,
	rows: Money[],
	written?: Money,
): TablePeriod {
	const headings = section
		.filter((heading) => heading.depth > 1)
		.map(sectionName)
		.reverse();
	const fromHeader =
		statedPeriod(withoutRates(header)) ?? (/\bbudgets?\b/i.test(header) ? 'once' : undefined);
	if (fromHeader) return { period: fromHeader, from: 'header' };
	const fromHeading = firstDefined(headings.map(statedPeriod));
	if (fromHeading) return { period: fromHeading, from: 'heading' };
	const fromCells = cellsPeriod(rows, written);
	if (fromCells) return { period: fromCells, from: 'cells' };
	if (headings.some((heading) => ONE_TIME_SECTION.test(heading)))
		return { period: 'once', from: 'heading' };
	return {};
}

/** The one period a text states; none when it states none or several (`One-time and monthly`). */
function statedPeriod(text: string): Period | undefined {
	const stated = STATED.filter(([, pattern]) => pattern.test(text)).map(([period]) => period);
	return stated.length === 1 ? stated[0] : undefined;
}

/** A header's rate is not the column's period: `Est. Cost (@$100/hr)`, `Cost (at $0.10/GB)`. */
function withoutRates(header: string): string {
	return header
		.replace(/@[^)]*/g, ' ')
		.replace(/[$€£¥₹]\s?\d[\d,.]*\s*[km]?\s*\/\s*\p{L}+/giu, ' ');
}

/** The Total row's written period, else the period every priced row writes (when all write the same one). */
function cellsPeriod(rows: Money[], written: Money | undefined): Period | undefined {
	if (written?.period) return written.period;
	const priced = rows.filter((money) => money.kind === 'amount' && !money.free);
	const periods = new Set(priced.map((money) => money.period));
	const [only] = periods;
	return periods.size === 1 ? only : undefined;
}

function firstDefined<T>(values: Array<T | undefined>): T | undefined {
	return values.find((value) => value !== undefined);
}
