import type { PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { collectRiskTables, parseLevel } from '../parse/risks.ts';

/**
 * Risk tables: likelihood and impact become coloured level badges, and every row gets the
 * stable id the plan data records, so indexes and shared links can point at one risk.
 */
export const remarkRiskTables: Plugin<[], Root> = () => (tree) => {
	for (const { node, columns, risks } of collectRiskTables(tree)) {
		node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['risk-table'] } };
		node.children.slice(1).forEach((row, index) => {
			row.data = { ...row.data, hProperties: { ...row.data?.hProperties, id: risks[index]!.anchor } };
			for (const column of [columns.likelihood, columns.impact]) {
				const cell = row.children[column];
				const level = cell && parseLevel(toString(cell, { includeHtml: false }));
				if (!cell || !level) continue;
				const badge: PhrasingContent = {
					type: 'emphasis',
					data: { hName: 'span', hProperties: { className: ['level-badge'], dataLevel: level.toLowerCase() } },
					children: cell.children,
				};
				cell.children = [badge];
			}
		});
	}
};
