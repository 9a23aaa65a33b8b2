import type { PlanHeadingData } from '../schema.ts';

/** A table-of-contents entry: a heading and its level in the list (1 for a section, 2 under it). */
export interface TocEntry {
	heading: PlanHeadingData;
	level: 1 | 2;
}

/**
 * The table of contents follows the plan's own outline: its sections are the highest level
 * of heading below the title (`##` in the template, `#` in a plan that writes its sections
 * so), with one level under them; deeper levels make the list too long to scan.
 */
export function tocEntries(headings: PlanHeadingData[]): TocEntry[] {
	const sections = headings.filter((heading) => !heading.title);
	// A lone `#` heading that is not the title (the frontmatter names the plan) is not the outline's top.
	const outline = sections.filter(
		(heading) => heading.depth > 1 || sections.filter((other) => other.depth === 1).length > 1,
	);
	const top = Math.min(...outline.map((heading) => heading.depth));
	return outline
		.filter((heading) => heading.depth - top <= 1)
		.map((heading) => ({ heading, level: heading.depth === top ? 1 : 2 }));
}
