import type { List, Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { boldDashed, boldField } from './field-list.ts';
import { sectionId, visitInSections, withinSection } from './sections.ts';
import { readTable } from './table.ts';

/** A term a plan defines. */
export interface GlossaryEntry {
	term: string;
	definition: string;
	anchor: string;
	line: number;
	section?: string;
}

const GLOSSARY_SECTION = /\b(glossary|terminology|terms|definitions|acronyms|abbreviations)\b/;

const COLUMNS = {
	term: /^(term|terms|acronym|abbreviation|word|concept|name)$/i,
	definition: /^(definition|meaning|description|stands for|expansion|explanation)$/i,
};

/**
 * Glossary entries: `- **Term**: definition` lines (also `**Term** — definition`) and
 * Term | Definition tables, inside a Glossary, Terminology or Acronyms section.
 */
export function collectGlossary(tree: Root, anchors: RowAnchors): AnchoredRow<GlossaryEntry>[] {
	const found: AnchoredRow<GlossaryEntry>[] = [];
	visitInSections<Table | List>(tree, ['table', 'list'], (node, section, parent) => {
		if (!withinSection(section, GLOSSARY_SECTION)) return;
		const add = (
			term: string,
			definition: string,
			line: number,
			row: AnchoredRow<GlossaryEntry>['node'],
		) => {
			found.push({
				node: row,
				item: {
					term,
					definition,
					anchor: anchors.claim('term', term),
					line,
					section: sectionId(section),
				},
			});
		};
		if (node.type === 'table') {
			for (const record of readTable(node, COLUMNS, ['term', 'definition']) ?? []) {
				const { term, definition } = record.values;
				if (term && definition) add(term, definition.replace(/\n/g, ' '), record.line, record.row);
			}
			return;
		}
		if (parent?.type === 'listItem') return;
		for (const item of node.children) {
			const paragraph = item.children[0];
			if (paragraph?.type !== 'paragraph') continue;
			const entry = boldField(paragraph) ?? boldDashed(paragraph);
			const term = entry?.label.replace(/^\[|\]$/g, '').trim();
			const definition = entry?.value.replace(/^\[|\]$/g, '').trim();
			if (term && definition) add(term, definition, item.position?.start.line ?? 1, item);
		}
	});
	return found;
}
