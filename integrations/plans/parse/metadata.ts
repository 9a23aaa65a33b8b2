import type { Link, ListItem, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type DocumentField, fieldKey } from './field-key.ts';
import { phrasingText } from './field-list.ts';
import { titleHeading } from './title.ts';

/** Header cells of a two-column table that says it lists fields (`| Metadata | Value |`). */
const FIELD_TABLE_HEADER = /^(metadata|field|fields|key|property|attribute|item|name)$/i;

/**
 * Reads the metadata fields a plan states at its top: before its first section, or in the
 * first section when there is nothing before it (several real plans keep them under
 * "Executive Summary"). Fields are the template's bold lines (`**Key**: value`, `**Key:**
 * value`, several per line separated by `|`, `**Key: value**`), list items (`- **Status**:
 * Draft`, `* Status: **Implemented**`, `- Start Date: 2015-08-04`), the same inside a quote,
 * and the rows of a two-column table. The first occurrence of a key wins.
 */
export function readDocumentFields(tree: Root): Map<string, DocumentField> {
	const fields = new Map<string, DocumentField>();
	for (const block of topBlocks(tree)) {
		for (const node of block) collectFromBlock(node, fields);
		if (fields.size > 0) break;
	}
	return fields;
}

/**
 * What comes before the first section, then the first section. A section starts at a `##`
 * heading, or at a `#` heading other than the title (plans that use `#` for their sections).
 */
function topBlocks(tree: Root): [RootContent[], RootContent[]] {
	const blocks: [RootContent[], RootContent[]] = [[], []];
	const title = titleHeading(tree);
	let sectionsSeen = 0;
	tree.children.forEach((node) => {
		if (sectionsSeen > 1) return;
		if (node.type === 'heading') {
			if (node.depth <= 2 && node !== title) sectionsSeen++;
			return;
		}
		if (sectionsSeen <= 1) blocks[sectionsSeen]!.push(node);
	});
	return blocks;
}

function collectFromBlock(node: RootContent, fields: Map<string, DocumentField>): void {
	if (node.type === 'paragraph') collectFromInline(node.children, fields);
	else if (node.type === 'list') for (const item of node.children) collectFromItem(item, fields);
	else if (node.type === 'blockquote')
		for (const child of node.children) collectFromBlock(child, fields);
	else if (node.type === 'table') collectFromTable(node, fields);
}

function collectFromItem(item: ListItem, fields: Map<string, DocumentField>): void {
	const first = item.children[0];
	if (first?.type !== 'paragraph') return;
	const before = fields.size;
	collectFromInline(first.children, fields);
	if (fields.size === before && first.children[0]?.type !== 'strong')
		addField(fields, plainField(first.children));
}

/** `Start Date: 2015-08-04`, `Status: **Implemented**`: a short label, a colon, a value. */
function plainField(children: PhrasingContent[]): DocumentField | undefined {
	const match = /^(\p{L}[\p{L}\p{N} ()/&'_-]{0,39}?)\s*:\s+(\S[\s\S]*)$/u.exec(
		phrasingText(children),
	);
	if (!match) return undefined;
	const start = children[0]?.position?.start ?? { line: 1, column: 1 };
	return {
		key: fieldKey(match[1]!),
		value: match[2]!.trim(),
		href: firstLink(children),
		line: start.line,
		column: start.column,
	};
}

/** The rows of a two-column table as fields; a header that names its columns (`| Metadata | Value |`) is not one. */
function collectFromTable(table: Table, fields: Map<string, DocumentField>): void {
	const [header, ...rows] = table.children;
	if (!header || header.children.length !== 2 || rows.some((row) => row.children.length > 2))
		return;
	const named = FIELD_TABLE_HEADER.test(toString(header.children[0]!).trim());
	for (const row of named ? rows : [header, ...rows]) {
		const [label, value] = row.children;
		if (!label || !value) continue;
		const key = fieldKey(toString(label).replace(/\*\*/g, ''));
		const start = label.position?.start ?? { line: 1, column: 1 };
		if (key && key.length <= 40)
			addField(fields, {
				key,
				value: phrasingText(value.children),
				href: firstLink(value.children),
				line: start.line,
				column: start.column,
			});
	}
}

/**
 * Splits a paragraph's inline nodes into `**Key**: value` segments: at line breaks, and at
 * a `|` that separates two fields (a `|` inside a value, as in the template's
 * "Draft | In Review | Approved", stays part of the value).
 */
function collectFromInline(children: PhrasingContent[], fields: Map<string, DocumentField>): void {
	const segments: PhrasingContent[][] = [[]];
	children.forEach((child, index) => {
		if (child.type === 'break') {
			segments.push([]);
			return;
		}
		if (child.type !== 'text') {
			segments.at(-1)!.push(child);
			return;
		}
		const lines = child.value.split('\n');
		lines.forEach((line, lineIndex) => {
			if (lineIndex > 0) segments.push([]);
			const isLast = lineIndex === lines.length - 1;
			const fieldSeparator =
				isLast && children[index + 1]?.type === 'strong' ? /\|\s*$/.exec(line) : null;
			const value = fieldSeparator ? line.slice(0, fieldSeparator.index) : line;
			if (value) segments.at(-1)!.push({ ...child, value });
			if (fieldSeparator) segments.push([]);
		});
	});
	for (const segment of segments) addField(fields, readField(segment));
}

function addField(fields: Map<string, DocumentField>, field: DocumentField | undefined): void {
	if (field && !fields.has(field.key)) fields.set(field.key, field);
}

/** True when a paragraph is nothing but `**Key**: value` lines. */
export function isFieldParagraph(children: PhrasingContent[]): boolean {
	const fields = new Map<string, DocumentField>();
	collectFromInline(children, fields);
	return (
		fields.size > 0 && fields.size === children.filter((child) => child.type === 'strong').length
	);
}

/** `**Key**: value`, `**Key:** value`, or the whole field in bold: `**Status: Complete**`. */
function readField(segment: PhrasingContent[]): DocumentField | undefined {
	const [label, ...rest] = segment;
	if (!label || label.type !== 'strong') return undefined;
	let key = toString(label).trim();
	let value = rest.map((node) => toString(node, { includeHtml: false })).join('');
	const inBold = /^([^:]{1,40}):\s+(\S.*)$/.exec(key);
	if (key.endsWith(':')) key = key.slice(0, -1).trim();
	else if (value.trimStart().startsWith(':')) value = value.trimStart().slice(1);
	// What follows a field written wholly in bold is a remark about it: `**Status: Complete** — kept as reference`.
	else if (inBold && (!value.trim() || /^\s*[—–-]\s/.test(value)))
		[key, value] = [inBold[1]!, inBold[2]!];
	else return undefined;
	if (!key || key.length > 40) return undefined;
	return {
		key: fieldKey(key),
		value: value.trim(),
		href: firstLink(rest),
		line: label.position?.start.line ?? 1,
		column: label.position?.start.column ?? 1,
	};
}

function firstLink(children: PhrasingContent[]): string | undefined {
	return children.find((node): node is Link => node.type === 'link')?.url;
}
