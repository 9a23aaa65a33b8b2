const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads `2025-10-21`, `2025/10/21`, `October 21, 2025`, `21 Oct 2025` into `YYYY-MM-DD`. */
export function isoDate(written: string): string | undefined {
	const ymd = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(written);
	if (ymd) return utcDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
	const mdy = /\b([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(written);
	if (mdy) return utcDate(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
	const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?,?\s+(\d{4})\b/i.exec(written);
	if (dmy) return utcDate(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
	return undefined;
}

/**
 * The last day a target date means, for "is it overdue": an exact date is itself,
 * `March 2026` and `2026-03` are March 31, `Q2 2026` is June 30, `H1 2026` June 30,
 * a bare `2026` December 31. Relative targets (`Week 3`, `Month 2`) have none.
 */
export function dueDate(written: string): string | undefined {
	const exact = isoDate(written);
	if (exact) return exact;
	const monthYear = /\b([a-z]{3,})\.?\s+(\d{4})\b/i.exec(written);
	if (monthYear && monthNumber(monthYear[1]!))
		return endOfMonth(Number(monthYear[2]), monthNumber(monthYear[1]!));
	const yearMonth = /\b(\d{4})-(\d{2})\b(?!-\d)/.exec(written);
	if (yearMonth) return endOfMonth(Number(yearMonth[1]), Number(yearMonth[2]));
	const quarter = /\bQ([1-4])\s*[' ]?\s*(\d{4}|\d{2})\b|\b(\d{4})\s*[-/ ]?\s*Q([1-4])\b/i.exec(
		written,
	);
	if (quarter) {
		const q = Number(quarter[1] ?? quarter[4]);
		return endOfMonth(fullYear(quarter[2] ?? quarter[3]!), q * 3);
	}
	const half = /\bH([12])\s*[' ]?\s*(\d{4})\b/i.exec(written);
	if (half) return endOfMonth(Number(half[2]), Number(half[1]) * 6);
	const year = /^(?:end of |by |eoy )?(\d{4})$/i.exec(written.trim());
	if (year) return endOfMonth(Number(year[1]), 12);
	return undefined;
}

function monthNumber(name: string): number {
	return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function fullYear(text: string): number {
	return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function utcDate(year: number, month: number, day: number): string | undefined {
	if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 ? date.toISOString().slice(0, 10) : undefined;
}

function endOfMonth(year: number, month: number): string | undefined {
	if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Milliseconds since the epoch of a `YYYY-MM-DD` date at UTC midnight, or `undefined` when it is not
 * a real calendar date. UTC, never local time, so the chart does not depend on the build machine's zone.
 */
export function parseDay(value: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const date = new Date(time);
	// Date.UTC rolls 2026-02-30 over to March and maps years 0–99 to 1900–1999: reject both.
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	)
		return undefined;
	return time;
}

/** One day in milliseconds: days between two dates. */
export const DAY_MS = 86_400_000;
