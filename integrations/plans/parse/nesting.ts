import type { Code, Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { Problem } from '../problems.ts';

/**
 * How deep blocks, inline marks and raw HTML elements may sit inside each other in a plan.
 * Real plans nest a few dozen levels; the tree walks that read and render a plan (ours,
 * remark's, rehype's, parse5's) recurse once per level and run out of stack a few thousand
 * levels down, which would stop the build with no file or line.
 */
export const MAX_NESTING = 1_000;

declare module 'mdast' {
	interface RootData {
		/** Where `limitNesting` found content nested deeper than `MAX_NESTING` levels. */
		tooDeep?: Point;
	}
}

/**
 * Replaces every top-level block that nests deeper than `MAX_NESTING` levels with a code block
 * of its source, so the plan can still be read and rendered, and notes where the first one
 * was in `tree.data.tooDeep`. Walks without recursion, since the tree may be arbitrarily deep.
 */
export function limitNesting(tree: Root, source: string): void {
	let openElements = 0;
	tree.children = tree.children.map((block) => {
		const measured = measureBlock(block, openElements);
		openElements = measured.openElements;
		if (!measured.tooDeep) return block;
		tree.data = { ...tree.data, tooDeep: tree.data?.tooDeep ?? measured.tooDeep };
		return asSource(block, source);
	});
}

/**
 * Finds the first node of a block deeper than the limit. Raw HTML elements left open by
 * earlier blocks nest what follows them, so their count is carried from block to block.
 */
function measureBlock(
	block: RootContent,
	openBefore: number,
): { tooDeep?: Point; openElements: number } {
	let openElements = openBefore;
	const stack: Array<{ node: Nodes; depth: number }> = [{ node: block, depth: 1 }];
	while (stack.length > 0) {
		const { node, depth } = stack.pop()!;
		// Raw HTML is no level itself: its elements sit in its parent.
		const html = node.type === 'html' ? htmlNesting(node.value) : undefined;
		const level = html ? depth - 1 + html.deepest : depth;
		if (level + openElements > MAX_NESTING)
			return { tooDeep: node.position?.start ?? { line: 1, column: 1 }, openElements: openBefore };
		if (html) openElements = Math.max(0, openElements + html.balance);
		// Reversed onto the stack, so children come off it in document order.
		if ('children' in node)
			for (let index = node.children.length - 1; index >= 0; index--)
				stack.push({ node: node.children[index]!, depth: depth + 1 });
	}
	return { openElements };
}

/** Elements that never hold others, and elements whose end tag may be left out (the next one closes them). */
const UNCOUNTED_ELEMENTS = new Set([
	...[
		'area',
		'base',
		'br',
		'col',
		'embed',
		'hr',
		'img',
		'input',
		'link',
		'meta',
		'source',
		'track',
		'wbr',
	],
	...[
		'p',
		'li',
		'dt',
		'dd',
		'tr',
		'td',
		'th',
		'thead',
		'tbody',
		'tfoot',
		'option',
		'optgroup',
		'caption',
		'colgroup',
		'rb',
		'rt',
		'rtc',
		'rp',
		'html',
		'head',
		'body',
	],
]);
const TAG = /<(\/?)([a-z][\w-]*)[^>]*>/gi;

/** How deep the elements of a piece of raw HTML nest, and how many it leaves open (or closes, when negative). */
function htmlNesting(html: string): { deepest: number; balance: number } {
	let depth = 0;
	let deepest = 0;
	for (const [tag, closing, name] of html.matchAll(TAG)) {
		if (UNCOUNTED_ELEMENTS.has(name!.toLowerCase())) continue;
		if (closing) depth--;
		else if (!tag.endsWith('/>')) deepest = Math.max(deepest, ++depth);
	}
	return { deepest, balance: depth };
}

/** A block shown as the text it was written as, never as a diagram. */
function asSource(block: RootContent, source: string): Code {
	const start = block.position?.start.offset;
	const end = block.position?.end.offset;
	const value = start === undefined || end === undefined ? '' : source.slice(start, end);
	return { type: 'code', lang: 'text', meta: 'no-diagram', value, position: block.position };
}

/** The error for a plan whose tree `limitNesting` had to cut. */
export function nestingProblem(tree: Root, file: string): Problem | undefined {
	const at = tree.data?.tooDeep;
	if (!at) return undefined;
	return {
		severity: 'error',
		file,
		line: at.line,
		column: at.column,
		message: `Content nested more than ${MAX_NESTING.toLocaleString('en-US')} levels deep (lists, quotes, emphasis or HTML elements inside each other); the block is shown as its source.`,
		hint: `Plans may nest at most ${MAX_NESTING.toLocaleString('en-US')} levels: flatten the block, or close the HTML elements it opens.`,
	};
}
