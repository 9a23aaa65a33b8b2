import type { Root } from 'mdast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { projectionChart } from '../charts/projection-chart.ts';
import { formatMonthly } from '../money/index.ts';
import { hastNode, insertAfter } from './insert.ts';

/**
 * A Scaling Projection (`- 6 months: ~$1,200/mo`) gets a small column chart after it,
 * starting from today's computed run-rate when the plan has one cost table total in the same
 * currency. Points in another currency than the first, and points that are not a run-rate
 * (one-time money, no period stated), are left to the list.
 */
export const remarkScalingCharts: Plugin<[], Root> = () => (tree, file) => {
	const facts = file.data.planFacts;
	if (!facts) return;
	facts.nodes.scaling.forEach(({ node, points }, index) => {
		// Only a run-rate has monthly amounts.
		const amounts = points.flatMap(({ cost, label, anchor }) =>
			cost.kind === 'amount' && cost.monthlyLow !== undefined && cost.monthlyHigh !== undefined
				? [{ label, anchor, currency: cost.currency, low: cost.monthlyLow, high: cost.monthlyHigh }]
				: [],
		);
		const currency = amounts[0]?.currency;
		if (!currency) return;
		const columns = amounts
			.filter((amount) => amount.currency === currency)
			.map(({ label, anchor, low, high }) => ({
				label,
				low,
				high,
				valueText: formatMonthly(low, high, currency),
				href: `#${anchor}`,
			}));
		const today = facts.facts.costs.find(
			(table) => table.totals.monthly[currency] && Object.keys(table.totals.monthly).length === 1,
		)?.totals.monthly[currency];
		if (today && !columns.some((column) => /^(now|today|current|launch)$/i.test(column.label))) {
			columns.unshift({
				label: 'Now',
				low: today.low,
				high: today.high,
				valueText: formatMonthly(today.low, today.high, currency),
				href: '',
			});
		}
		if (columns.length < 2) return;
		const chart = projectionChart(
			columns.map(({ href, ...column }) => (href ? { ...column, href } : column)),
			{
				title: 'Projected monthly cost',
				id: `plans-scaling-chart-${index + 1}`,
				description: columns.map((column) => `${column.label}: ${column.valueText}`).join('; '),
			},
		);
		insertAfter(
			tree,
			node,
			hastNode(h('figure', { className: ['plan-chart', 'scaling-chart'] }, [chart])),
		);
	});
};
