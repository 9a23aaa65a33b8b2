import type { Html, Root, TableCell, TableRow } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { type CostTable, collectCostTables } from '../parse/costs.ts';
import { type Currency, formatMoney } from '../parse/money.ts';

/**
 * Cost tables (a table with a `Cost` column) show their arithmetic: cost cells are
 * right-aligned with tabular figures, a "Computed total" row sums the rows per currency,
 * and a written Total that does not add up gets a visible note next to the table.
 */
export const remarkCostTables: Plugin<[], Root> = () => (tree) => {
	for (const { node, table } of collectCostTables(tree).reverse()) {
		node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['cost-table'] } };
		for (const row of node.children) {
			const cell = row.children[table.column];
			if (cell) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: ['cost-cell'] } };
		}
		node.children.push(computedRow(table, node.children[0]?.children.length ?? 1));
		if (!table.mismatch) continue;
		const note: Html = {
			type: 'html',
			value: `<p class="cost-mismatch" role="note"><strong>Total does not add up:</strong> ${escapeHtml(table.mismatch)}.</p>`,
		};
		const parent = tree.children.includes(node) ? tree.children : undefined;
		parent?.splice(parent.indexOf(node) + 1, 0, note);
	}
};

function computedRow(table: CostTable, width: number): TableRow {
	const cells: TableCell[] = Array.from({ length: width }, () => ({ type: 'tableCell', children: [] }));
	cells[0] = { type: 'tableCell', children: [{ type: 'text', value: 'Computed total' }] };
	cells[table.column] = {
		type: 'tableCell',
		data: { hProperties: { className: ['cost-cell'] } },
		children: [{ type: 'text', value: formatTotals(table) }],
	};
	return { type: 'tableRow', data: { hProperties: { className: ['cost-computed'] } }, children: cells };
}

/** `$4,180/mo`, a range `$21.03–$36.03/mo`, `at least …` when rows are unknown, currencies apart. */
export function formatTotals(table: CostTable): string {
	const parts = (Object.entries(table.totals) as Array<[Currency, { low: number; high: number; atLeast: boolean }]>).map(
		([currency, { low, high, atLeast }]) =>
			`${atLeast ? 'at least ' : ''}${low === high ? formatMoney(low, currency) : `${formatMoney(low, currency)}–${formatMoney(high, currency)}`}/mo`,
	);
	return parts.length > 0 ? parts.join(' + ') : 'no amounts';
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
