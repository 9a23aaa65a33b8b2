import type { Node, Parent, Root } from 'mdast';
import { collectHeadings, type PlanHeading } from './headings.ts';

/** The headings a node sits under, outermost first: `## Technology Stack` › `### Backend`. */
export type SectionPath = readonly PlanHeading[];

export interface Located {
	node: Node;
	section: SectionPath;
	parent: Parent | undefined;
}

/** Section paths by tree, built once per tree. */
const sectionsByTree = new WeakMap<Root, Located[]>();

/**
 * Every node of a tree with the headings it sits under, computed in one walk and kept for the
 * tree's lifetime: a plan's dozen extractors then cost one walk, not one each.
 */
function sectionIndex(tree: Root): Located[] {
	let index = sectionsByTree.get(tree);
	if (index) return index;
	const ids = new Map<Node, PlanHeading>(
		collectHeadings(tree).map(({ node, ...heading }) => [node, heading]),
	);
	index = [];
	let path: PlanHeading[] = [];
	// Document order, depth first: what a reader sees, and what `unist-util-visit` would give.
	const walk = (node: Node, parent: Parent | undefined) => {
		const heading = ids.get(node);
		if (heading) path = [...path.filter((outer) => outer.depth < heading.depth), heading];
		else index!.push({ node, section: path, parent });
		if ('children' in node)
			for (const child of (node as Parent).children) walk(child, node as Parent);
	};
	walk(tree, undefined);
	sectionsByTree.set(tree, index);
	return index;
}

/**
 * Visits the nodes of the given types in document order with the headings they sit under.
 * Tables and lists nested in list items or block quotes get the section of their position,
 * like a reader sees them. The tree must not change between calls (it is indexed once).
 */
export function visitInSections<T extends Node>(
	tree: Root,
	types: readonly string[],
	visitor: (node: T, section: SectionPath, parent: Parent | undefined) => void,
): void {
	for (const { node, section, parent } of sectionIndex(tree))
		if (types.includes(node.type)) visitor(node as T, section, parent);
}

/** The parent of a node as it was when the tree was indexed (a table's list item, quote or root). */
export function parentOf(tree: Root, node: Node): Parent | undefined {
	let parents = parentMaps.get(tree);
	if (!parents) {
		parents = new Map(sectionIndex(tree).map((entry) => [entry.node, entry.parent]));
		parentMaps.set(tree, parents);
	}
	return parents.get(node);
}

const parentMaps = new WeakMap<Root, Map<Node, Parent | undefined>>();

/** Section names are compared without numbering, emphasis or case: `3.3 Technology Stack` → `technology stack`. */
export function sectionName(heading: PlanHeading): string {
	return heading.text
		.replace(/^(\d+(\.\d+)*\.?|[a-z]\.|[ivx]+\.|appendix\s+[a-z\d]+[:.]?)\s+/i, '')
		.replace(/[*_`]/g, '')
		.trim()
		.toLowerCase();
}

/** The innermost heading of the path whose name matches, or `undefined`. */
export function withinSection(section: SectionPath, name: RegExp): PlanHeading | undefined {
	return section.findLast((heading) => name.test(sectionName(heading)));
}

/**
 * Id of the innermost section heading, for links to "the section this came from". The `#`
 * title is not a section: the page shows it in its header, without that id.
 */
export function sectionId(section: SectionPath): string | undefined {
	return section.findLast((heading) => heading.depth > 1)?.id;
}
