import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { SKIP, visitHast, visitMdast } from '#plans/parse/visit.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const tree = (): Root => ({
	type: 'root',
	children: [
		h('div', [h('p', ['a', h('em', 'b')]), h('table', [h('tr', [h('td', 'c')])])]),
		h('h2', 'd'),
	],
});
const names = (visit: (collect: (name: string) => void) => void) => {
	const seen: string[] = [];
	visit((name) => seen.push(name));
	return seen;
};

describe('visitHast', () => {
	it('walks depth first, parents before children, with each node’s index and parent', () => {
		const seen = names((collect) =>
			visitHast(
				tree(),
				'element',
				(node, index, parent) =>
					void collect(
						`${node.tagName}@${index} in ${parent.type === 'element' ? parent.tagName : 'root'}`,
					),
			),
		);
		expect(seen).toEqual([
			'div@0 in root',
			'p@0 in div',
			'em@1 in p',
			'table@1 in div',
			'tr@0 in table',
			'td@0 in tr',
			'h2@1 in root',
		]);
	});

	it('visits every node without a type, and only nodes of the type with one', () => {
		expect(names((collect) => visitHast(tree(), (node) => void collect(node.type)))).toEqual([
			'element',
			'element',
			'text',
			'element',
			'text',
			'element',
			'element',
			'element',
			'text',
			'element',
			'text',
		]);
		expect(
			names((collect) => visitHast(tree(), 'text', (node) => void collect(node.value))),
		).toEqual(['a', 'b', 'c', 'd']);
	});

	it('leaves out the children of a node whose visitor returns SKIP', () => {
		const seen = names((collect) =>
			visitHast(tree(), 'element', (node) => {
				collect(node.tagName);
				return node.tagName === 'table' ? SKIP : undefined;
			}),
		);
		expect(seen).toEqual(['div', 'p', 'em', 'table', 'h2']);
	});

	it('goes on at the index a visitor returns, past the nodes it put in', () => {
		const root = tree();
		const seen = names((collect) =>
			visitHast(root, 'element', (node, index, parent) => {
				collect(node.tagName);
				if (node.tagName !== 'p') return undefined;
				parent.children.splice(index, 1, h('span', 'x'), h('span', 'y'));
				return [SKIP, index + 2];
			}),
		);
		expect(seen).toEqual(['div', 'p', 'table', 'tr', 'td', 'h2']);
		expect(
			(root.children[0] as Element).children.map((child) => (child as Element).tagName),
		).toEqual(['span', 'span', 'table']);
	});

	it('walks into the node it visited, when the visitor wrapped it in another', () => {
		const root = tree();
		const seen = names((collect) =>
			visitHast(root, 'element', (node, index, parent) => {
				collect(node.tagName);
				if (node.tagName === 'table') parent.children[index] = h('div.table-scroll', [node]);
			}),
		);
		expect(seen).toEqual(['div', 'p', 'em', 'table', 'tr', 'td', 'h2']);
	});
});

describe('visitMdast', () => {
	it('finds nodes of a type in a parsed plan, nested too', () => {
		const plan = parseMarkdown('# T\n\n- a `x`\n  - b `y`\n\n> `z`\n');
		expect(
			names((collect) => visitMdast(plan, 'inlineCode', (node) => void collect(node.value))),
		).toEqual(['x', 'y', 'z']);
	});
});
