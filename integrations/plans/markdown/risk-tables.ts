import type { PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { riskMatrix } from '../charts/risk-matrix.ts';
import { parseLevel } from '../parse/risks.ts';
import { hastNode, insertAfter } from './insert.ts';

/**
 * Risk tables: likelihood and impact become coloured level badges, and the plan's risks are
 * placed on a likelihood × impact matrix after its last risk table, each dot a link to its
 * row. Risks are numbered in the matrix and in their table's first cell, so a reader can go
 * both ways.
 */
export const remarkRiskTables: Plugin<[], Root> = () => (tree, file) => {
	const tables = file.data.planFacts?.nodes.riskTables ?? [];
	for (const { node, columns } of tables) {
		node.data = {
			...node.data,
			hProperties: { ...node.data?.hProperties, className: ['risk-table'] },
		};
		for (const row of node.children.slice(1)) {
			for (const column of [columns.likelihood, columns.impact]) {
				const cell = row.children[column];
				const level = cell && parseLevel(toString(cell, { includeHtml: false }));
				if (!cell || !level) continue;
				const badge: PhrasingContent = {
					type: 'emphasis',
					data: {
						hName: 'span',
						hProperties: { className: ['level-badge'], dataLevel: level.toLowerCase() },
					},
					children: cell.children,
				};
				cell.children = [badge];
			}
		}
	}
	const risks = tables.flatMap((table) => table.risks);
	const plotted = risks.flatMap((risk, index) =>
		risk.likelihood && risk.impact ? [{ risk, marker: String(index + 1) }] : [],
	);
	const last = tables.at(-1);
	if (!last || plotted.length === 0) return;
	// The matrix shows numbers; the same number starts each risk's row, so a reader can match them.
	let number = 0;
	for (const { node } of tables) {
		for (const row of node.children.slice(1)) {
			number += 1;
			row.children[0]?.children.unshift({
				type: 'emphasis',
				data: { hName: 'span', hProperties: { className: ['risk-number'] } },
				children: [{ type: 'text', value: String(number) }],
			});
		}
	}
	const matrix = riskMatrix(
		plotted.map(({ risk, marker }) => ({
			label: risk.risk,
			likelihood: risk.likelihood!,
			impact: risk.impact!,
			href: `#${risk.anchor}`,
			marker,
		})),
		{
			title: 'Risks by likelihood and impact',
			id: 'plans-risk-matrix',
			description: `${plotted.length} of ${risks.length} risks placed by likelihood and impact; each dot links to its row.`,
		},
	);
	const unplotted = risks.length - plotted.length;
	const caption = h('figcaption', [
		'Likelihood × impact of this plan’s risks; select a dot to go to its row.',
		unplotted > 0
			? ` ${unplotted} risk${unplotted === 1 ? ' has' : 's have'} no readable likelihood or impact and ${unplotted === 1 ? 'is' : 'are'} not placed.`
			: '',
	]);
	insertAfter(
		tree,
		last.node,
		hastNode(h('figure', { className: ['plan-chart', 'risk-matrix'] }, [matrix, caption])),
	);
};
