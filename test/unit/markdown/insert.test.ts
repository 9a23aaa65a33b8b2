import { h } from 'hastscript';
import type { Root, Table } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { hastNode, insertAfter } from '#plans/markdown/insert.ts';
import { visitMdast } from '#plans/parse/visit.ts';

/** A plugin that puts a finished figure after every table, the way the chart plugins do. */
const remarkFigureAfterTables = () => (tree: Root) => {
	const tables: Table[] = [];
	visitMdast(tree, 'table', (node) => void tables.push(node));
	for (const [index, table] of tables.entries())
		insertAfter(
			tree,
			table,
			hastNode(
				h('figure', { className: ['plan-chart'], dataTable: index + 1 }, [
					h('svg', { viewBox: '0 0 1 1' }),
					h('figcaption', 'Chart & note'),
				]),
			),
		);
};

async function render(markdown: string): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkFigureAfterTables)
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(
		await processor.process(
			new VFile({ path: '/site/plans/payments/checkout.md', value: markdown }),
		),
	);
}

const FIGURE = (n: number) =>
	`<figure class="plan-chart" data-table="${n}"><svg viewBox="0 0 1 1"></svg><figcaption>Chart &#x26; note</figcaption></figure>`;

describe('insertAfter and hastNode', () => {
	it('put finished markup right after its target, wherever the target sits', async () => {
		const html = await render(
			'| a |\n| - |\n\nText.\n\n> | b |\n> | - |\n>\n> Quoted.\n\n- | c |\n  | - |\n\n  Item.',
		);
		expect(html.replace(/<table>[\s\S]*?<\/table>/g, '<table/>')).toBe(
			`<table/>\n${FIGURE(1)}\n<p>Text.</p>\n<blockquote>\n<table/>\n${FIGURE(2)}\n<p>Quoted.</p>\n</blockquote>\n<ul>\n<li>\n<table/>\n${FIGURE(3)}\n<p>Item.</p>\n</li>\n</ul>`,
		);
	});

	it('insertAfter does nothing for a node that is not in the tree', () => {
		const tree: Root = {
			type: 'root',
			children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }],
		};
		insertAfter(tree, { type: 'thematicBreak' }, { type: 'thematicBreak' });
		expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
	});
});
