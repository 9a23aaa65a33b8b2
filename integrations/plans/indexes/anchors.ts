import type { PlanData } from '../schema.ts';

/**
 * Every id a plan page publishes for links: its section headings, the rows of its extracted
 * tables and lists, and the ids the author's own HTML gives. This is what `/anchors.json` lists, so a later build can tell
 * which shared links it would break.
 */
export function publishedAnchors(plan: PlanData): string[] {
	const rows = [
		plan.scaling,
		plan.risks,
		plan.technologies,
		plan.milestones,
		plan.dependencies,
		plan.questions,
		plan.glossary,
		plan.approvals,
		plan.performanceTargets,
		plan.retention,
	]
		.flat()
		.map((row) => row.anchor);
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

/** `/anchors.json`: page URL → its anchors, both sorted. */
export interface AnchorList {
	pages: Record<string, string[]>;
}

/** Anchors of the previous list that the current one no longer has, as `page#anchor`. */
export function lostAnchors(previous: AnchorList, current: AnchorList): string[] {
	const lost: string[] = [];
	for (const [page, anchors] of Object.entries(previous.pages ?? {})) {
		const now = new Set(current.pages[page] ?? []);
		const pageGone = !(page in current.pages);
		if (pageGone) lost.push(page);
		else for (const anchor of anchors) if (!now.has(anchor)) lost.push(`${page}#${anchor}`);
	}
	return lost.sort();
}
