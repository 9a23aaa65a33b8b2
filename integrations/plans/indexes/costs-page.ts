/** What the costs page shows, computed from the plans: the page itself only lays it out. */
import type { Element } from 'hast';
import { stackedBarChart } from '../charts/stacked-bar-chart.ts';
import { type CostColumn, costColumns, KIND_LABELS, kindAmount } from './cost-columns.ts';
import { formatMonthly, formatRange } from '../money/index.ts';
import { CATEGORIES, type CostRollup, costRollup, yearly } from './costs.ts';
import { navTitle } from './nav-title.ts';
import type { IndexedPlan } from './types.ts';

export interface CostsPage {
	rollup: CostRollup;
	columns: CostColumn[];
	lead: string;
	/** Every total of the roll-up, one per kind of money and currency; the run-rate also per year. */
	grandTotals: Array<{ label: string; text: string }>;
	/** The run-rate per plan by category, one chart per currency. */
	charts: Array<{ currency: string; chart: Element }>;
}

export function costsPage(plans: IndexedPlan[]): CostsPage {
	const rollup = costRollup(plans);
	const { currencies, kinds } = rollup;
	const lead =
		rollup.plans.length === 0
			? 'No plan has a cost table yet: a table with a Cost column is summed here.'
			: `Costs of ${rollup.plans.length} ${rollup.plans.length === 1 ? 'plan' : 'plans'}, summed from their cost tables: the monthly run-rate, one-time money and money whose period is not stated are kept apart, alternatives and options are left out, and currencies are never added together.`;
	const grandTotals = kinds.flatMap((kind) =>
		currencies.flatMap((currency) => {
			const amount = kindAmount(rollup.total[kind], currency, kind);
			const perYear = yearly(rollup.total.monthly)[currency];
			const text =
				kind === 'monthly' && perYear
					? `${amount} · ${formatRange(perYear.low, perYear.high, currency)}/yr`
					: amount;
			return amount ? [{ label: `${KIND_LABELS[kind]} (${currency})`, text }] : [];
		}),
	);
	return {
		rollup,
		columns: costColumns(kinds, currencies),
		lead,
		grandTotals,
		charts: runRateCharts(rollup),
	};
}

/** `compute` → `Compute`, `cdn` → `CDN`. */
export const categoryLabel = (name: string): string =>
	name === 'cdn' ? 'CDN' : name[0]!.toUpperCase() + name.slice(1);

/** Only the run-rate is charted: one-time money and money of no stated period are not a month's cost. */
function runRateCharts(rollup: CostRollup): CostsPage['charts'] {
	const series = CATEGORIES.filter((category) =>
		rollup.categories.some((group) => group.name === category),
	).map((key) => ({ key, label: categoryLabel(key) }));
	return rollup.currencies
		.filter((currency) => rollup.total.monthly[currency])
		.map((currency) => ({
			currency,
			chart: stackedBarChart(
				rollup.plans
					.filter(({ totals }) => totals.monthly[currency])
					.map(({ plan, rows, totals }) => ({
						label: navTitle(plan.data.title),
						href: plan.url,
						valueText: kindAmount(totals.monthly, currency, 'monthly'),
						segments: series.flatMap(({ key, label }) => {
							const inCategory = rows.filter(
								({ category, item: { cost } }) =>
									category === key &&
									cost.kind === 'amount' &&
									cost.currency === currency &&
									cost.monthlyHigh !== undefined,
							);
							const value = inCategory.reduce(
								(sum, row) =>
									sum + (row.item.cost.kind === 'amount' ? (row.item.cost.monthlyHigh ?? 0) : 0),
								0,
							);
							return value > 0
								? [
										{
											key,
											value,
											href: inCategory[0]!.href,
											title: `${label}: ${formatMonthly(value, value, currency)}`,
										},
									]
								: [];
						}),
					})),
				{
					id: `plans-costs-${currency.toLowerCase()}`,
					title: `Monthly cost per plan by category (${currency})`,
					series,
				},
			),
		}));
}

/** What the page can say of the written totals when none mismatches: only what is true. */
export function totalsClaim(rollup: Pick<CostRollup, 'checkedTotals' | 'unverified'>): string {
	if (rollup.checkedTotals === 0) return 'No cost table writes a Total row to check.';
	const checked = `${rollup.checkedTotals === 1 ? 'The one written Total matches' : `All ${rollup.checkedTotals} written Totals match`} the sum of ${rollup.checkedTotals === 1 ? 'its' : 'their'} rows`;
	return rollup.unverified.length === 0
		? `${checked}.`
		: `${checked}; the figures of ${rollup.unverified.length} ${rollup.unverified.length === 1 ? 'table' : 'tables'} could not be checked (below).`;
}
