import type { Heading, Node, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { collectHeadings, type PlanHeading } from './headings.ts';

/** The headings a node sits under, outermost first: `## Technology Stack` › `### Backend`. */
export type SectionPath = readonly PlanHeading[];

/**
 * Visits the nodes of the given types in document order with the headings they sit under.
 * Tables and lists nested in list items or block quotes get the section of their position,
 * like a reader sees them.
 */
export function visitInSections<T extends Node>(
	tree: Root,
	types: readonly string[],
	visitor: (node: T, section: SectionPath, parent: Parent | undefined) => void,
): void {
	const ids = new Map<Heading, PlanHeading>(collectHeadings(tree).map(({ node, ...heading }) => [node, heading]));
	let path: PlanHeading[] = [];
	visit(tree, (node, _index, parent) => {
		if (node.type === 'heading') {
			const heading = ids.get(node as Heading)!;
			path = [...path.filter((outer) => outer.depth < heading.depth), heading];
			return;
		}
		if (types.includes(node.type)) visitor(node as T, path, parent as Parent | undefined);
	});
}

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
