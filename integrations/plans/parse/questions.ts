import type { List, Paragraph, Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { dueDate } from './dates.ts';
import { boldField, field, readFieldItem } from './field-list.ts';
import type { PlanHeading } from './headings.ts';
import {
	type SectionPath,
	sectionId,
	sectionName,
	visitInSections,
	withinSection,
} from './sections.ts';
import { readTable } from './table.ts';

/** An open (or settled) question of a plan. */
export interface Question {
	question: string;
	context?: string;
	options?: string;
	researchNeeded?: string;
	/** The decision deadline as written. */
	deadline?: string;
	/** Last day the deadline means, when it is a calendar date. */
	dueDate?: string;
	owner?: string;
	/** `resolved` when struck through, checked off, or given a resolved/decided status. */
	status: 'open' | 'resolved';
	anchor: string;
	line: number;
	section?: string;
}

const QUESTION_SECTION =
	/\b(open|unresolved|outstanding|remaining)\s+(questions|issues)\b|^questions\b|\bclarifications\b/;
/** Sub-sections of a questions section that hold something else. */
const NOT_QUESTIONS = /\b(out of scope|non-goals|resolved|decided|answered|closed|decisions)\b/;
const RESOLVED = /^(resolved|decided|answered|closed|done|settled)\b/i;
/** A question whose text says it is settled: `Which queue? (Resolved: Kafka)`, `… — Decided: no`. */
const MARKED_RESOLVED = /(^|[\s(—–-])(resolved|decided|answered|settled)\s*[:)—–-]/i;

const COLUMNS = {
	question: /^(questions?|open questions?|issue|topic)$/i,
	context: /^(context|background|why)$/i,
	options: /^(options|alternatives)$/i,
	deadline: /^((decision )?deadline|due( date)?|decide by|date|by when)$/i,
	owner: /^(owners?|decider|dri|responsible)$/i,
	status: /^(status|state|answer|decision|resolution)$/i,
};

type Fields = Omit<Question, 'status' | 'anchor' | 'line' | 'section' | 'dueDate'> & {
	status?: string;
};

/**
 * Questions of a plan's Open Questions (or Unresolved Questions) section, in the three
 * shapes plans use: list items (the template's `1. **Question**` with `- **Deadline**: …`
 * sub-items), a table with a Question column, and sub-headings with a `**Question**:` line
 * (or a heading that is itself a question). Heading questions link to their heading.
 */
export function collectQuestions(tree: Root, anchors: RowAnchors): AnchoredRow<Question>[] {
	const found: AnchoredRow<Question>[] = [];
	const byHeading = new Map<
		PlanHeading,
		{ fields: Map<string, string>; line: number; section: SectionPath }
	>();
	visitInSections<Table | List | Paragraph>(
		tree,
		['table', 'list', 'paragraph'],
		(node, section, parent) => {
			const questions = withinSection(section, QUESTION_SECTION);
			if (
				!questions ||
				section.some(
					(heading) => heading.depth > questions.depth && NOT_QUESTIONS.test(sectionName(heading)),
				)
			)
				return;
			if (node.type === 'table') {
				for (const record of readTable(node, COLUMNS, ['question']) ?? []) {
					if (!record.values.question) continue;
					found.push({
						node: record.row,
						item: question(record.values as Fields, false, record.line, section, anchors),
					});
				}
			} else if (node.type === 'list') {
				if (parent?.type === 'listItem') return;
				for (const listItem of node.children) {
					const item = readFieldItem(listItem);
					if (!item.title) continue;
					const fields = item.fields;
					const values: Fields = {
						question: item.title,
						context: field(fields, /^context/),
						options: field(fields, /^options|alternatives/),
						researchNeeded: field(fields, /^research/),
						deadline: field(fields, /deadline|^due|decide by/),
						owner: field(fields, /^owner|^decider|^dri/),
						status: field(fields, /^(status|decision|resolution|answer)/),
					};
					found.push({
						node: listItem,
						item: question(
							values,
							item.struck || listItem.checked === true,
							item.line,
							section,
							anchors,
						),
					});
				}
			} else if (parent?.type === 'root') {
				// `**Question**: …` paragraphs under a sub-heading make that heading a question.
				const heading = section.at(-1);
				const line = boldField(node);
				if (!heading || heading === questions || !line) return;
				const entry = byHeading.get(heading) ?? { fields: new Map(), line: heading.line, section };
				if (!entry.fields.has(line.label.toLowerCase()))
					entry.fields.set(line.label.toLowerCase(), line.value);
				byHeading.set(heading, entry);
			}
		},
	);
	for (const [heading, { fields, line, section }] of byHeading) {
		const text = field(fields, /^question$/);
		if (!text) continue;
		const values: Fields = {
			question: text,
			context: field(fields, /^context/),
			options: field(fields, /^options/),
			deadline: field(fields, /deadline|^due/),
			owner: field(fields, /^owner/),
			status: field(fields, /^(status|decision|resolution)/),
		};
		found.push({
			item: { ...question(values, false, line, section, undefined), anchor: heading.id },
		});
	}
	return found.sort((a, b) => a.item.line - b.item.line);
}

function question(
	values: Fields,
	settled: boolean,
	line: number,
	section: SectionPath,
	anchors: RowAnchors | undefined,
): Question {
	const { status, question: text, ...rest } = values;
	return {
		question: text.replace(/\n/g, ' '),
		...rest,
		dueDate: values.deadline ? dueDate(values.deadline) : undefined,
		status:
			settled || (status !== undefined && RESOLVED.test(status)) || MARKED_RESOLVED.test(text)
				? 'resolved'
				: 'open',
		anchor: anchors?.claim('question', text) ?? '',
		line,
		section: sectionId(section),
	};
}
