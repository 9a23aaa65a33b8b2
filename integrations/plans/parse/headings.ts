import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitMdast } from './visit.ts';

export interface PlanHeading {
	depth: number;
	/** The id GitHub gives the heading, so a link copied from github.com works here. */
	id: string;
	text: string;
	line: number;
}

export type CollectedHeading = PlanHeading & { node: Heading };

/**
 * The visible text of a heading as GitHub computes its anchor from it: inline code and
 * link text count, raw HTML tags and image alt text do not.
 */
export function headingText(node: Heading): string {
	return toString(node, { includeHtml: false, includeImageAlt: false }).trim();
}

/** Headings by tree: the loader and the plugins that render the same tree walk it once. */
const collectedByTree = new WeakMap<Root, readonly CollectedHeading[]>();

/**
 * Gives every heading of the tree GitHub's id (github-slugger, `-1`, `-2` … for repeats)
 * and returns them in document order. The same function serves the loader (TOC, link
 * checks) and the remark plugin that sets the ids on the rendered page, so both agree; the
 * result is kept per tree, for the facts and the section index too.
 */
export function collectHeadings(tree: Root): readonly CollectedHeading[] {
	const cached = collectedByTree.get(tree);
	if (cached) return cached;
	const slugger = new GithubSlugger();
	const headings: CollectedHeading[] = [];
	visitMdast(tree, 'heading', (node) => {
		const text = headingText(node);
		headings.push({
			depth: node.depth,
			id: slugger.slug(text),
			text,
			line: node.position?.start.line ?? 1,
			node,
		});
	});
	collectedByTree.set(tree, headings);
	return headings;
}
