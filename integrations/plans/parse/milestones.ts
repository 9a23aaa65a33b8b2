import type { Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { dueDate } from './dates.ts';
import { sectionId, visitInSections, withinSection } from './sections.ts';
import { headerNames, readTable } from './table.ts';

/** A row of a Timeline & Milestones table. */
export interface Milestone {
	name: string;
	/** The target as written: `2026-03-31`, `Q2 2026`, `Week 3`. */
	target?: string;
	/** Last day the target means (`Q2 2026` → `2026-06-30`), when it is a calendar date. */
	dueDate?: string;
	deliverables?: string;
	criteria?: string;
	status?: string;
	owner?: string;
	anchor: string;
	line: number;
	section?: string;
}

/** Rows of a dated table that are not steps of the plan: its totals, and alternatives to a step. */
const NOT_A_MILESTONE = /^(grand |sub-?)?total\b|^sum\b|^(option|alternative)\b/i;

const TIMELINE_SECTION =
	/\b(timeline|milestones?|roadmap|schedule|phases|delivery plan|plan of record)\b/;

const COLUMNS = {
	name: /^(milestones?|phase|stage|deliverable name|name|step)$/i,
	target:
		/^(target( date)?|date|due( date)?|deadline|when|eta|completion( date)?|end date|finish|duration|timeline|timeframe|time ?frame|target week|week|month|quarter)$/i,
	deliverables: /^(deliverables?|scope|outputs?|what|description)$/i,
	criteria:
		/^(success criteria|criteria|exit criteria|done when|acceptance( criteria)?|definition of done)$/i,
	status: /^(status|state|progress)$/i,
	owner: /^(owners?|responsible|lead|team|dri)$/i,
};

/**
 * Milestones: tables with a Milestone column anywhere, and Phase/Stage tables inside a
 * Timeline, Milestones or Roadmap section. Columns are found by name in any order. A row is a
 * milestone when it has a name and, in a table with a date column, a date or target: a budget
 * table's Total row or an Option row is not one.
 */
export function collectMilestones(tree: Root, anchors: RowAnchors): AnchoredRow<Milestone>[] {
	const found: AnchoredRow<Milestone>[] = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		const records = readTable(node, COLUMNS, ['name']);
		if (!records) return;
		// "Milestone" says what the table is; a Phase table counts only when it is dated and in a timeline.
		const names = headerNames(node);
		const namedMilestone = names.some((name) => /^milestones?$/i.test(name));
		const dated = names.some((name) => COLUMNS.target.test(name));
		if (!namedMilestone && !(withinSection(section, TIMELINE_SECTION) && dated)) return;
		for (const record of records) {
			const { name, target, ...rest } = record.values;
			if (!name || NOT_A_MILESTONE.test(name.replace(/\*\*/g, '').trim()) || (dated && !target))
				continue;
			found.push({
				node: record.row,
				item: {
					name: name.replace(/\n/g, ' '),
					target,
					dueDate: target ? dueDate(target) : undefined,
					...rest,
					anchor: anchors.claim('milestone', name),
					line: record.line,
					section: sectionId(section),
				},
			});
		}
	});
	return found;
}
