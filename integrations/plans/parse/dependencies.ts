import type { List, Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { dueDate } from './dates.ts';
import { field, readFieldItem } from './field-list.ts';
import { type Level, parseLevel } from './risks.ts';
import {
	type SectionPath,
	sectionId,
	sectionName,
	visitInSections,
	withinSection,
} from './sections.ts';
import { headerNames, readTable } from './table.ts';

/** Something the plan waits for: another team's deliverable, an external API, an account. */
export interface Dependency {
	name: string;
	/** `team` and `internal` are other teams of the organisation; `external` is outside it. */
	kind: 'external' | 'team' | 'internal' | 'other';
	status?: string;
	deliverable?: string;
	/** As written. */
	deadline?: string;
	/** Last day the deadline means, when it is a calendar date. */
	dueDate?: string;
	risk?: Level;
	owner?: string;
	anchor: string;
	line: number;
	section?: string;
}

const DEPENDENCY_SECTION = /\b(dependencies|dependency|prerequisites|blockers)\b/;

const COLUMNS = {
	name: /^(dependency|dependencies|prerequisite|item|system|blocker|name|service|team)$/i,
	deliverable: /^(deliverable|deliverables|what|needed|need|description)$/i,
	status: /^(status|state)$/i,
	deadline: /^(deadline|due( date)?|date|required by|needed by|target( date)?|when|required)$/i,
	risk: /^(risk|risk level|impact)$/i,
	owner: /^(owners?|contact|responsible)$/i,
};

/**
 * Dependencies: tables (Dependency | Status | Deadline | Risk, or Team | Deliverable |
 * Deadline | Status) and lists of titled items (`1. **Registry API**` with `- Required: Week 3`
 * sub-items) inside a Dependencies or Prerequisites section.
 */
export function collectDependencies(tree: Root, anchors: RowAnchors): AnchoredRow<Dependency>[] {
	const found: AnchoredRow<Dependency>[] = [];
	visitInSections<Table | List>(tree, ['table', 'list'], (node, section, parent) => {
		if (!withinSection(section, DEPENDENCY_SECTION)) return;
		if (node.type === 'table') {
			const kind = headerNames(node).some((name) => /^team$/i.test(name))
				? 'team'
				: kindOf(section);
			for (const record of readTable(node, COLUMNS, ['name']) ?? []) {
				const { name, risk, deadline, ...rest } = record.values;
				if (!name) continue;
				found.push({
					node: record.row,
					item: dependency({ name, deadline, risk, ...rest }, kind, record.line, section, anchors),
				});
			}
			return;
		}
		// Sub-lists are an item's fields, not dependencies of their own.
		if (parent?.type === 'listItem') return;
		for (const listItem of node.children) {
			const item = readFieldItem(listItem);
			if (!item.title) continue;
			const fields = item.fields;
			found.push({
				node: listItem,
				item: dependency(
					{
						name: item.title,
						status: field(fields, /^status$/),
						deadline: field(fields, /^(required|deadline|due|needed by|required by|date|when)/),
						risk: field(fields, /^risk/),
						owner: field(fields, /^(owner|contact)/),
						deliverable: field(fields, /^(deliverable|what|need)/),
					},
					kindOf(section),
					item.line,
					section,
					anchors,
				),
			});
		}
	});
	return found;
}

function dependency(
	values: {
		name: string;
		deadline?: string;
		risk?: string;
		status?: string;
		owner?: string;
		deliverable?: string;
	},
	kind: Dependency['kind'],
	line: number,
	section: SectionPath,
	anchors: RowAnchors,
): Dependency {
	const { name, deadline, risk, ...rest } = values;
	return {
		name: name.replace(/\n/g, ' '),
		kind,
		...rest,
		deadline,
		dueDate: deadline ? dueDate(deadline) : undefined,
		risk: risk ? parseLevel(risk) : undefined,
		anchor: anchors.claim('dependency', name),
		line,
		section: sectionId(section),
	};
}

function kindOf(section: SectionPath): Dependency['kind'] {
	const name = section.length > 0 ? sectionName(section.at(-1)!) : '';
	if (/\bteam\b/.test(name)) return 'team';
	if (/\binternal\b/.test(name)) return 'internal';
	if (/\bexternal\b|third[- ]party/.test(name)) return 'external';
	return 'other';
}
