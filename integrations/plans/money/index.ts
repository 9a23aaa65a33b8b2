/**
 * Money in cost tables: reading a cell (read.ts), adding cells up and checking a written total
 * (sum.ts), and writing amounts (format.ts), over one list of currencies (currencies.ts).
 */
export { CURRENCY_CODES, type Currency, isIsoCurrency, sortCurrencies } from './currencies.ts';
export { formatKind, formatMoney, formatMonthly, formatRange, formatTotal } from './format.ts';
export * from './model.ts';
export { parseMoney, withPeriod } from './read.ts';
export { compareTotal, countedAmount, sumMoney } from './sum.ts';
