import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanValue } from './table.ts';

/** A `**Label**: value` paragraph (or `**Label:** value`) split in two, or `undefined`. */
export function boldField(paragraph: Paragraph): { label: string; value: string } | undefined {
	const [first, ...rest] = paragraph.children;
	if (first?.type !== 'strong') return undefined;
	let label = toString(first).trim();
	let value = phrasingText(rest);
	if (label.endsWith(':')) label = label.slice(0, -1).trim();
	else if (value.startsWith(':')) value = value.slice(1).trim();
	else return undefined;
	return label ? { label, value } : undefined;
}

/** `**Name** — text` (or ` - text`): the bold name and the text after the dash. */
export function boldDashed(paragraph: Paragraph): { label: string; value: string } | undefined {
	const [first, ...rest] = paragraph.children;
	if (first?.type !== 'strong') return undefined;
	const match = /^[—–-]\s+(.+)$/.exec(phrasingText(rest));
	return match ? { label: toString(first).trim(), value: match[1]! } : undefined;
}

/** An item of a list like the template's Open Questions: a title and `- **Key**: value` sub-items. */
export interface FieldItem {
	/** The item's first paragraph as text: `Which queue?`, `Exact endpoint path: Is … correct?`. */
	title: string;
	/** Sub-item fields by lower-cased label: `context`, `decision deadline`, `owner`. */
	fields: Map<string, string>;
	/** The title is struck through (`~~…~~`, whatever follows it, usually the answer): settled. */
	struck: boolean;
	line: number;
}

/** Reads one list item as a titled item with fields. */
export function readFieldItem(item: ListItem): FieldItem {
	const fields = new Map<string, string>();
	const [first, ...blocks] = item.children;
	const title =
		first?.type === 'paragraph'
			? cleanValue(phrasingText(first.children).replace(/\*\*/g, ''))
			: '';
	for (const block of blocks) {
		if (block.type === 'paragraph') addField(block, fields);
		if (block.type !== 'list') continue;
		for (const sub of block.children) {
			const paragraph = sub.children[0];
			if (paragraph?.type === 'paragraph') addField(paragraph, fields);
		}
	}
	const opening =
		first?.type === 'paragraph'
			? first.children.find((child) => !(child.type === 'text' && !child.value.trim()))
			: undefined;
	const struck = opening?.type === 'delete';
	return { title, fields, struck, line: item.position?.start.line ?? 1 };
}

function addField(paragraph: Paragraph, fields: Map<string, string>): void {
	const field = boldField(paragraph) ?? plainField(paragraph);
	if (field && !fields.has(field.label.toLowerCase()))
		fields.set(field.label.toLowerCase(), cleanValue(field.value));
}

/** `Required: Week 1`: a short capitalised label, a colon, a value. */
function plainField(paragraph: Paragraph): { label: string; value: string } | undefined {
	const match = /^([A-Z][\w &/-]{0,30}):\s+(.+)$/.exec(phrasingText(paragraph.children));
	return match ? { label: match[1]!, value: match[2]! } : undefined;
}

/** Inline content as one line of text (raw HTML dropped). */
export function phrasingText(children: PhrasingContent[]): string {
	return toString({ type: 'paragraph', children }, { includeHtml: false })
		.replace(/\s+/g, ' ')
		.trim();
}

/** The first field whose label matches, e.g. `field(fields, /deadline/)`. */
export function field(fields: Map<string, string>, label: RegExp): string | undefined {
	for (const [key, value] of fields) if (label.test(key) && value) return value;
	return undefined;
}
