import { type AnchoredPlan, ROW_KINDS } from '../indexes/anchors.ts';
import type { PlanData } from '../schema.ts';

/** A heading of a published plan, with the heading it sits under. */
export interface OutlineHeading {
	id: string;
	text: string;
	depth: number;
	/** Id of the nearest heading above it of a smaller depth; none at the top. */
	parent: string | undefined;
}

/** Rows published together: one cost table, or the facts of one kind under one heading. */
export interface RowGroup {
	/** Kind and place among the groups of that kind: `cost 0`, `risks 1`. */
	key: string;
	/** The table's own id (cost tables), else none. */
	anchor: string | undefined;
	/** Id of the heading the rows sit under. */
	section: string | undefined;
	rows: string[];
}

/** What matching needs of a published plan page: its address, headings and rows, as plans.json has them. */
export interface PlanOutline {
	url: string;
	title: string;
	/** Source file, for messages. */
	file: string;
	headings: OutlineHeading[];
	rowGroups: RowGroup[];
	/** Ids of the author's own HTML, kept as they are. */
	htmlAnchors: string[];
}

/** What an outline is read from: a plan of `plans.json`, or a plan's data with its URL. */
export type OutlinedPlan = AnchoredPlan & Pick<PlanData, 'title' | 'file'> & { url: string };

/** A plan of `plans.json` as its outline. */
export function planOutline(plan: OutlinedPlan): PlanOutline {
	return {
		url: plan.url,
		title: plan.title,
		file: plan.file,
		headings: outlineHeadings(plan.headings.filter((heading) => !heading.title)),
		rowGroups: rowGroups(plan),
		htmlAnchors: plan.htmlAnchors ?? [],
	};
}

function outlineHeadings(headings: PlanData['headings']): OutlineHeading[] {
	const open: OutlineHeading[] = [];
	return headings.map(({ id, text, depth }) => {
		while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop();
		const heading = { id, text, depth, parent: open.at(-1)?.id };
		open.push(heading);
		return heading;
	});
}

function rowGroups(plan: OutlinedPlan): RowGroup[] {
	const costs = plan.costs.map((table, index) => ({
		key: `cost ${index}`,
		anchor: table.anchor,
		section: table.section,
		rows: table.items.map((item) => item.anchor),
	}));
	const facts = ROW_KINDS.flatMap((kind) => {
		const groups: RowGroup[] = [];
		for (const row of plan[kind] as Array<{ anchor: string; section?: string }>) {
			const last = groups.at(-1);
			if (last && last.section === row.section) last.rows.push(row.anchor);
			else
				groups.push({
					key: `${kind} ${groups.length}`,
					anchor: undefined,
					section: row.section,
					rows: [row.anchor],
				});
		}
		return groups;
	});
	return [...costs, ...facts];
}
