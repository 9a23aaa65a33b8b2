/**
 * The units money is written in: ISO 4217 currencies and the tokens grant budgets and
 * protocol plans use (DAI, USDC, DOT, ADA …). A unit is kept as written, never converted or
 * renamed: a stablecoin is not a dollar. The one list that the reader, the schema and the pages
 * take units from.
 */

/** A unit code as stored: `USD`, `EUR`, `DAI`, `USDC`, `ADA`. */
export type Currency = string;

/** Symbols and the unit each stands for, longest first (`US$` before `$`). */
const SYMBOLS: ReadonlyArray<readonly [string, Currency]> = [
	['US$', 'USD'],
	['NZ$', 'NZD'],
	['HK$', 'HKD'],
	['A$', 'AUD'],
	['C$', 'CAD'],
	['S$', 'SGD'],
	['R$', 'BRL'],
	['$', 'USD'],
	['€', 'EUR'],
	['£', 'GBP'],
	['¥', 'JPY'],
	['₹', 'INR'],
	['₩', 'KRW'],
	['₺', 'TRY'],
	['₽', 'RUB'],
	['₴', 'UAH'],
	['₦', 'NGN'],
	['₱', 'PHP'],
	['₪', 'ILS'],
	['₫', 'VND'],
	['฿', 'THB'],
	['₳', 'ADA'],
	['Ξ', 'ETH'],
	['₿', 'BTC'],
];

/**
 * ISO 4217 codes Intl can write with their own symbol or code, most used first: the order pages
 * list currencies in, before the tokens.
 */
const ISO_CODES = [
	'USD',
	'EUR',
	'GBP',
	'JPY',
	'INR',
	'CAD',
	'AUD',
	'CHF',
	'CNY',
	'SEK',
	'NOK',
	'DKK',
	'PLN',
	'CZK',
	'HUF',
	'RON',
	'BGN',
	'NZD',
	'SGD',
	'HKD',
	'KRW',
	'TWD',
	'BRL',
	'MXN',
	'ARS',
	'CLP',
	'COP',
	'PEN',
	'ZAR',
	'NGN',
	'KES',
	'EGP',
	'MAD',
	'TRY',
	'ILS',
	'AED',
	'SAR',
	'QAR',
	'RUB',
	'UAH',
	'IDR',
	'MYR',
	'PHP',
	'THB',
	'VND',
	'PKR',
	'BDT',
	'LKR',
	'ISK',
] as const;

/**
 * Tokens written as units in budgets: stablecoins and the coins of the networks that fund
 * work in them. Only these and ISO codes are units, so `3 FTE` or `10 GB` never read as money.
 */
const TOKEN_CODES = [
	'DAI',
	'USDC',
	'USDT',
	'EURC',
	'PYUSD',
	'ETH',
	'BTC',
	'DOT',
	'KSM',
	'ADA',
	'ALGO',
	'SOL',
	'ATOM',
	'NEAR',
	'XTZ',
	'FIL',
	'MATIC',
	'POL',
	'OP',
	'ARB',
	'AVAX',
	'XRP',
	'XLM',
	'TRX',
	'HBAR',
	'ICP',
	'MINA',
	'CELO',
	'GNO',
	'ZEC',
	'LTC',
	'STX',
] as const;

/** Every unit code, in the order pages list them. */
export const CURRENCY_CODES: readonly Currency[] = [...ISO_CODES, ...TOKEN_CODES];

const ISO = new Set<string>(ISO_CODES);

/** True for an ISO 4217 currency (Intl writes it); false for a token, written as `1,000 DAI`. */
export const isIsoCurrency = (code: Currency): boolean => ISO.has(code);

/** The unit a symbol stands for: `$` → USD, `US$` → USD, `₳` → ADA. */
export const CURRENCY_OF_SYMBOL: ReadonlyMap<string, Currency> = new Map(SYMBOLS);

const escape = (text: string) => text.replace(/[$]/g, '\\$');

/** Regular-expression source matching one currency symbol, the longest first. */
export const SYMBOL_CLASS = `(?:${SYMBOLS.map(([symbol]) => escape(symbol)).join('|')})`;

/** Regular-expression source matching one unit code: `(?:USD|EUR|…|DAI|USDC)`, longest first. */
export const CODE_GROUP = `(?:${[...CURRENCY_CODES].sort((a, b) => b.length - a.length).join('|')})`;

/** Where a unit goes in the order pages list units: known units first, others by name. */
export function currencyRank(code: Currency): number {
	const index = CURRENCY_CODES.indexOf(code);
	return index === -1 ? CURRENCY_CODES.length : index;
}

/** Units in the order pages list them. */
export function sortCurrencies(codes: Iterable<Currency>): Currency[] {
	return [...new Set(codes)].sort(
		(a, b) => currencyRank(a) - currencyRank(b) || a.localeCompare(b),
	);
}
