import { type DocumentField, fieldKey } from './field-key.ts';

/** One piece of metadata as the plan states it, and where. */
export interface Stated {
	value: string;
	/** Its first link (a spec's URL). */
	href?: string;
	line: number;
	column: number;
	inFrontmatter: boolean;
}

/**
 * The keys each piece of metadata goes by in real plans (KEPs, RFCs, ADRs, the template),
 * most specific first. Keys are compared as `fieldKey` writes them: lower case, `-` and `_`
 * as spaces, so `Status`, `creation-date` and `start_date` are found.
 */
const KEYS = {
	status: ['status', 'state', 'implementation status', 'decision status'],
	date: [
		'date',
		'last updated',
		'updated',
		'last modified',
		'created',
		'created on',
		'creation date',
		'date created',
		'start date',
	],
	version: ['version', 'revision'],
	owner: ['owner', 'owners', 'author', 'authors', 'owning sig'],
	spec: ['based on spec', 'spec', 'specification'],
	reviewBy: ['review by', 'next review', 'review date', 'review before', 'review due'],
} as const;

export type StatedName = keyof typeof KEYS;

/** Frontmatter values by `fieldKey`, with the line each is on. */
export interface KeyedFrontmatter {
	values: Map<string, unknown>;
	lines: Map<string, number>;
}

/** Frontmatter keyed as the document's fields are: `Created-On` and `created on` are one key. */
export function keyedFrontmatter(
	values: Record<string, unknown>,
	yaml: string | undefined,
): KeyedFrontmatter {
	const keyed = new Map<string, unknown>();
	for (const [key, value] of Object.entries(values))
		if (!keyed.has(fieldKey(key))) keyed.set(fieldKey(key), value);
	const lines = new Map<string, number>();
	(yaml ?? '').split('\n').forEach((line, index) => {
		const key = /^([^\s:#][^:]*):/.exec(line)?.[1];
		// +2: the frontmatter starts on the line after the opening `---`.
		if (key && !lines.has(fieldKey(key))) lines.set(fieldKey(key), index + 2);
	});
	return { values: keyed, lines };
}

/**
 * A piece of metadata where the plan states it: its frontmatter first (under any of the
 * names it goes by), then the fields of its text (`readDocumentFields`).
 */
export function stated(
	name: StatedName,
	frontmatter: KeyedFrontmatter,
	fields: Map<string, DocumentField>,
): Stated | undefined {
	for (const key of KEYS[name]) {
		const value = displayText(frontmatter.values.get(key));
		if (value !== undefined)
			return { value, line: frontmatter.lines.get(key) ?? 1, column: 1, inFrontmatter: true };
	}
	for (const key of KEYS[name]) {
		const field = fields.get(key);
		if (field?.value)
			return {
				value: field.value,
				href: field.href,
				line: field.line,
				column: field.column,
				inFrontmatter: false,
			};
	}
	return undefined;
}

/** A frontmatter value as display text: YAML dates become `YYYY-MM-DD`, numbers strings, a list of names one line. */
export function displayText(value: unknown): string | undefined {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value.trim() || undefined;
	if (
		Array.isArray(value) &&
		value.length > 0 &&
		value.every((item) => typeof item === 'string' || typeof item === 'number')
	)
		return value.join(', ');
	return undefined;
}
