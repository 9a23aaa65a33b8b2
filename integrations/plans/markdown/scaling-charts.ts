import type { Root } from 'mdast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { projectionChart } from '../charts/projection-chart.ts';
import { formatMonthly } from '../parse/money.ts';
import { hastNode, insertAfter } from './insert.ts';

/**
 * A Scaling Projection (`- 6 months: ~$1,200/mo`) gets a small column chart after it,
 * starting from today's computed total when the plan has one cost table total in the same
 * currency. Points in another currency than the first are left to the list.
 */
export const remarkScalingCharts: Plugin<[], Root> = () => (tree, file) => {
	const facts = file.data.planFacts;
	if (!facts) return;
	facts.nodes.scaling.forEach(({ node, points }, index) => {
		const amounts = points.flatMap((point) => (point.cost.kind === 'amount' ? [{ point, cost: point.cost }] : []));
		const currency = amounts[0]?.cost.currency;
		if (!currency) return;
		const columns = amounts
			.filter(({ cost }) => cost.currency === currency)
			.map(({ point, cost }) => ({ label: point.label, low: cost.monthlyLow, high: cost.monthlyHigh, valueText: formatMonthly(cost.monthlyLow, cost.monthlyHigh, currency), href: `#${point.anchor}` }));
		const today = facts.facts.costs.find((table) => table.totals[currency] && Object.keys(table.totals).length === 1)?.totals[currency];
		if (today && !columns.some((column) => /^(now|today|current|launch)$/i.test(column.label))) {
			columns.unshift({ label: 'Now', low: today.low, high: today.high, valueText: formatMonthly(today.low, today.high, currency), href: '' });
		}
		if (columns.length < 2) return;
		const chart = projectionChart(
			columns.map(({ href, ...column }) => (href ? { ...column, href } : column)),
			{ title: 'Projected monthly cost', id: `plans-scaling-chart-${index + 1}`, description: columns.map((column) => `${column.label}: ${column.valueText}`).join('; ') },
		);
		insertAfter(tree, node, hastNode(h('figure', { className: ['plan-chart', 'scaling-chart'] }, [chart])));
	});
};
