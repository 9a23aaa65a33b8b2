import type { Link, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Metadata written as the template's bold lines: `**Version**: 1.0`. */
export interface BoldLineField {
	key: string;
	value: string;
	/** First link inside the value, e.g. the spec link. */
	href?: string;
	line: number;
	column: number;
}

/**
 * Reads `**Key**: value` fields from the top of a plan: paragraphs and list items before
 * the first `##` heading, and in the first `##` section when the preamble has none (several
 * real plans keep them under "Executive Summary"). Accepts `**Key:** value`, several
 * fields per line separated by `|` (spec-kit's `**Branch**: x | **Date**: y`), and list items
 * (`- **Status**: Draft`). The first occurrence of a key wins.
 */
export function readBoldLineFields(tree: Root): Map<string, BoldLineField> {
	const fields = new Map<string, BoldLineField>();
	const preamble: RootContent[] = [];
	const firstSection: RootContent[] = [];
	let sectionsSeen = 0;
	for (const node of tree.children) {
		if (node.type === 'heading') {
			if (node.depth === 2 && ++sectionsSeen > 1) break;
			continue;
		}
		(sectionsSeen === 0 ? preamble : firstSection).push(node);
	}
	for (const block of [preamble, firstSection]) {
		for (const node of block) collectFromBlock(node, fields);
		if (fields.size > 0) break;
	}
	return fields;
}

function collectFromBlock(node: RootContent, fields: Map<string, BoldLineField>): void {
	if (node.type === 'paragraph') collectFromInline(node.children, fields);
	else if (node.type === 'list') {
		for (const item of node.children) {
			const first = item.children[0];
			if (first?.type === 'paragraph') collectFromInline(first.children, fields);
		}
	}
}

/**
 * Splits a paragraph's inline nodes into `**Key**: value` segments: at line breaks, and at
 * a `|` that separates two fields (a `|` inside a value, as in the template's
 * "Draft | In Review | Approved", stays part of the value).
 */
function collectFromInline(children: PhrasingContent[], fields: Map<string, BoldLineField>): void {
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
			const fieldSeparator = isLast && children[index + 1]?.type === 'strong' ? /\|\s*$/.exec(line) : null;
			const value = fieldSeparator ? line.slice(0, fieldSeparator.index) : line;
			if (value) segments.at(-1)!.push({ ...child, value });
			if (fieldSeparator) segments.push([]);
		});
	});
	for (const segment of segments) {
		const field = readField(segment);
		if (field && !fields.has(field.key)) fields.set(field.key, field);
	}
}

/** True when a paragraph is nothing but `**Key**: value` lines. */
export function isFieldParagraph(children: PhrasingContent[]): boolean {
	const fields = new Map<string, BoldLineField>();
	collectFromInline(children, fields);
	return fields.size > 0 && fields.size === children.filter((child) => child.type === 'strong').length;
}

function readField(segment: PhrasingContent[]): BoldLineField | undefined {
	const [label, ...rest] = segment;
	if (!label || label.type !== 'strong') return undefined;
	let key = toString(label).trim();
	let value = rest.map((node) => toString(node, { includeHtml: false })).join('');
	if (key.endsWith(':')) key = key.slice(0, -1).trim();
	else if (value.trimStart().startsWith(':')) value = value.trimStart().slice(1);
	else return undefined;
	if (!key || key.length > 40) return undefined;
	const link = rest.find((node): node is Link => node.type === 'link');
	return {
		key: key.toLowerCase(),
		value: value.trim(),
		href: link?.url,
		line: label.position?.start.line ?? 1,
		column: label.position?.start.column ?? 1,
	};
}
