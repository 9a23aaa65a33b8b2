import type { PlanData } from '../schema.ts';

/** The kinds of extracted rows, besides cost rows, that have an id on the plan page. */
export const ROW_KINDS = [
	'scaling',
	'risks',
	'technologies',
	'milestones',
	'dependencies',
	'questions',
	'glossary',
	'approvals',
	'performanceTargets',
	'retention',
] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** What a plan's published ids are read from. */
export type AnchoredPlan = Pick<PlanData, 'headings' | 'costs' | 'htmlAnchors' | RowKind>;

/**
 * Every id a plan page publishes for links: its section headings, the rows of its extracted
 * tables and lists, and the ids the author's own HTML gives. This is what `/anchors.json` lists,
 * so a later build can tell which shared links it would break.
 */
export function publishedAnchors(plan: AnchoredPlan): string[] {
	const rows = ROW_KINDS.flatMap((kind) =>
		(plan[kind] as ReadonlyArray<{ anchor: string }>).map((row) => row.anchor),
	);
	const costs = plan.costs.flatMap((table) => [
		table.anchor,
		...table.items.map((item) => item.anchor),
	]);
	// The title heading is shown in the page header, without an id.
	const headings = plan.headings.filter((heading) => !heading.title).map((heading) => heading.id);
	return [...new Set([...headings, ...rows, ...costs, ...plan.htmlAnchors])]
		.filter((anchor): anchor is string => Boolean(anchor))
		.sort();
}

/** `/anchors.json`: page URL → its anchors, both sorted; and the old links the site keeps. */
export interface AnchorList {
	pages: Record<string, string[]>;
	/** Old page URL → the page it redirects to. */
	moved?: Record<string, string>;
	/** Page URL → old id → the id its links land on (the old ids are in `pages` too). */
	aliases?: Record<string, Record<string, string>>;
}
