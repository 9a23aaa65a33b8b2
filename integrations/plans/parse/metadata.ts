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

/** Splits a paragraph's inline nodes into `**Key**: value` segments at line breaks and `|`. */
function collectFromInline(children: PhrasingContent[], fields: Map<string, BoldLineField>): void {
	const segments: PhrasingContent[][] = [[]];
	for (const child of children) {
		if (child.type === 'break') {
			segments.push([]);
			continue;
		}
		if (child.type === 'text' && /[\n|]/.test(child.value)) {
			const parts = child.value.split(/\n|\s\|\s?|\|/);
			parts.forEach((part, index) => {
				if (index > 0) segments.push([]);
				if (part) segments.at(-1)!.push({ ...child, value: part });
			});
			continue;
		}
		segments.at(-1)!.push(child);
	}
	for (const segment of segments) {
		const field = readField(segment);
		if (field && !fields.has(field.key)) fields.set(field.key, field);
	}
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
