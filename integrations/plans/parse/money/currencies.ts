/**
 * The currencies a cost table may be written in: the one list that the reader, the schema and
 * the pages take them from, in the order pages show them.
 */
export const CURRENCIES = [
	{ code: 'USD', symbol: '$' },
	{ code: 'EUR', symbol: '€' },
	{ code: 'GBP', symbol: '£' },
	{ code: 'JPY', symbol: '¥' },
	{ code: 'INR', symbol: '₹' },
] as const;

/** An ISO 4217 code, as amounts are stored. */
export type Currency = (typeof CURRENCIES)[number]['code'];

export const CURRENCY_CODES = CURRENCIES.map((currency) => currency.code) as [Currency, ...Currency[]];

/** The currency a symbol stands for: `$` → USD. */
export const CURRENCY_OF_SYMBOL: ReadonlyMap<string, Currency> = new Map(CURRENCIES.map(({ code, symbol }) => [symbol, code]));

/** Regular-expression source matching one currency symbol: `[$€£¥₹]`. */
export const SYMBOL_CLASS = `[${CURRENCIES.map(({ symbol }) => symbol).join('')}]`;

/** Regular-expression source matching one currency code: `(?:USD|EUR|…)`. */
export const CODE_GROUP = `(?:${CURRENCY_CODES.join('|')})`;
