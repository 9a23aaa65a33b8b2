import { isMap, isScalar, type Pair, parseDocument, type YAMLError } from 'yaml';
import type { Problem } from '../problems.ts';

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?\n)??---[ \t]*(?:\n|$)/;

/**
 * Separates YAML frontmatter from the body. The body keeps one empty line per frontmatter
 * line so that positions in it are positions in the file.
 */
export function splitFrontmatter(source: string): { yaml: string | undefined; body: string } {
	const match = FRONTMATTER.exec(source);
	if (!match) return { yaml: undefined, body: source };
	const lines = match[0].split('\n').length - 1;
	return { yaml: match[1] ?? '', body: '\n'.repeat(lines) + source.slice(match[0].length) };
}

/** Frontmatter lines that could not be read, as written, and why. */
export interface UnreadFrontmatter {
	/** File line of the first of them. */
	line: number;
	text: string;
	/** YAML's message. */
	reason: string;
}

export interface Frontmatter {
	/** The entries that could be read. Scalars keep the text as written. */
	values: Record<string, unknown>;
	/** What YAML could not read, for the page to show as written. */
	unread: UnreadFrontmatter[];
	/** A warning for each YAML error, at its place in the file. */
	problems: Problem[];
}

/**
 * Reads YAML frontmatter as far as it can be read without guessing: an entry that a YAML
 * error falls in (a value starting with `@`, an unclosed `[`) is left unread, and kept as
 * written for the page to show, while the entries around it are read. Scalars keep the text
 * as written, so `version: 1.0` stays "1.0" (not the number 1) and dates stay as typed.
 */
export function readFrontmatter(yaml: string, file: string): Frontmatter {
	const document = parseDocument(yaml);
	const values: Record<string, unknown> = {};
	const unread: Array<UnreadFrontmatter & { error: YAMLError }> = [];
	const errors = new Set(document.errors);
	const take = (start: number, end: number) => {
		const inside = [...errors].filter(({ pos }) => pos[0] >= start && pos[0] <= end);
		for (const error of inside) errors.delete(error);
		if (inside[0])
			unread.push({
				line: lineAt(yaml, start),
				text: yaml.slice(start, end).trimEnd(),
				reason: yamlMessage(inside[0]),
				error: inside[0],
			});
		return inside.length > 0;
	};
	const contents = document.contents;
	// Frontmatter that is not a list of entries at all is shown whole.
	if (errors.size > 0 && !isMap(contents)) take(0, yaml.length);
	for (const pair of isMap(contents) ? (contents.items as Pair[]) : []) {
		const start = rangeOf(pair.key)?.[0] ?? 0;
		const end = rangeOf(pair.value)?.[1] ?? rangeOf(pair.key)?.[1] ?? start;
		if (!take(start, end) && isScalar(pair.key))
			values[String(pair.key.value)] = isScalar(pair.value)
				? (pair.value.source ?? pair.value.value)
				: (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
	}
	// An error between entries: its line, as written.
	for (const error of errors)
		take(yaml.lastIndexOf('\n', error.pos[0] - 1) + 1, lineEnd(yaml, error.pos[0]));
	unread.sort((a, b) => a.line - b.line);
	return {
		values,
		unread: unread.map(({ error: _error, ...piece }) => piece),
		problems: unread.map(({ error }) => frontmatterProblem(error, file)),
	};
}

/** A YAML node's offsets: start, end of its value, end with the space after it. */
function rangeOf(node: unknown): [number, number, number] | undefined {
	return (node as { range?: [number, number, number] } | null)?.range ?? undefined;
}

function lineEnd(text: string, offset: number): number {
	const end = text.indexOf('\n', offset);
	return end === -1 ? text.length : end;
}

/** YAML's message without its own position, which counts from the frontmatter and not the file. */
function yamlMessage(error: YAMLError): string {
	return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function frontmatterProblem(error: YAMLError, file: string): Problem {
	const position = error.linePos?.[0];
	return {
		severity: 'warning',
		message: `Frontmatter is not valid YAML: ${yamlMessage(error)}. The plan is built; what YAML cannot read is shown as written.`,
		file,
		// +1: the frontmatter starts on the line after the opening `---`.
		line: (position?.line ?? 1) + 1,
		column: position?.col ?? 1,
		hint:
			error.code === 'BAD_SCALAR_START'
				? 'Quote the value: `author: "@name"`. A plain YAML value cannot start with @, ` or another reserved character.'
				: 'Frontmatter sits between two `---` lines at the very top and must be valid YAML; quote values that hold `: `, ` #` or start with [, {, @, *, & or !.',
	};
}

/** The file line of an offset in the frontmatter. */
function lineAt(yaml: string, offset: number): number {
	return yaml.slice(0, offset).split('\n').length + 1;
}
