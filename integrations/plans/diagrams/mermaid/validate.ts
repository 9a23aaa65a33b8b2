import { mermaidInDom } from './dom.ts';

/**
 * A mistake in a diagram, positioned in the diagram's own text (1-based): a syntax error
 * Mermaid found, a diagram over its size limit, or a diagram type that Mermaid draws only
 * with a plugin the site does not load.
 */
export interface MermaidMistake {
	kind: 'syntax' | 'size' | 'plugin';
	message: string;
	line: number;
	column: number;
}

/**
 * The check itself failed (an exception from our environment, not a Mermaid parse error):
 * the diagram is not the author's mistake, and the browser, which draws it, judges it.
 */
export interface MermaidCheckFailure {
	kind: 'internal';
	message: string;
}

/** What checking a diagram found: `undefined` when it is valid. */
export type MermaidCheck = MermaidMistake | MermaidCheckFailure | undefined;

/** Diagram types Mermaid draws only with a plugin, and the package that has it. */
const PLUGIN_DIAGRAMS: Record<string, string> = { zenuml: '@mermaid-js/mermaid-zenuml' };

/** Exceptions a JavaScript engine raises (a missing global, a call on `undefined`), which Mermaid's parsers never throw on purpose. */
const ENGINE_ERRORS = new Set(['ReferenceError', 'TypeError']);

/**
 * mermaid's `maxTextSize`: it draws a longer diagram (without its `%%` comments) as a picture
 * that says "Maximum text size in diagram exceeded", and `parse()` does not tell.
 */
const MERMAID_MAX_TEXT_SIZE = 50_000;

/**
 * Checks a diagram with `mermaid.parse()`, and its size. Only Mermaid's own parse errors are
 * syntax errors; an exception from the engine (`ReferenceError`, `TypeError`) means the check
 * could not run here, and is said as such.
 */
export async function parseMermaid(source: string): Promise<MermaidCheck> {
	const size = source.replace(/^\s*%%(?!\{)[^\n]+\n?/gm, '').trimStart().length;
	if (size > MERMAID_MAX_TEXT_SIZE) {
		const count = (n: number) => n.toLocaleString('en-US');
		return {
			kind: 'size',
			message: `the diagram is ${count(size)} characters long, over mermaid's limit of ${count(MERMAID_MAX_TEXT_SIZE)} (maxTextSize)`,
			line: 1,
			column: 1,
		};
	}
	const plugin = pluginDiagram(source);
	if (plugin) return plugin;
	const mermaid = await mermaidInDom();
	try {
		await mermaid.parse(source);
		return undefined;
	} catch (error) {
		return parseFailure(error, source);
	}
}

/**
 * What an exception from `mermaid.parse()` means: a syntax error of the diagram (Mermaid's
 * parsers throw plain errors with the place), or, for an exception the engine raises, that
 * the check could not run here.
 */
export function parseFailure(error: unknown, source: string): MermaidMistake | MermaidCheckFailure {
	const name = (error as { name?: unknown } | null)?.name;
	if (typeof name === 'string' && ENGINE_ERRORS.has(name))
		return { kind: 'internal', message: `${name}: ${(error as Error).message}` };
	return toSyntaxError(error, source);
}

/** A diagram whose type needs a plugin (`zenuml`), at the line that names the type. */
export function pluginDiagram(source: string): MermaidMistake | undefined {
	const lines = source.split('\n');
	const first = parsedLines(source).find((number) => lines[number - 1]!.trim() !== '');
	const type =
		first === undefined
			? undefined
			: /^\s*([\w-]+)/.exec(lines[first - 1]!.replace(/%%\{.*?\}%%/g, ''))?.[1];
	const plugin = type === undefined ? undefined : PLUGIN_DIAGRAMS[type];
	if (first === undefined || plugin === undefined) return undefined;
	return {
		kind: 'plugin',
		message: `${type} diagrams are drawn by Mermaid's ${plugin} plugin, which this site does not load; the diagram is shown as written`,
		line: first,
		column: 1,
	};
}

interface JisonError {
	message?: string;
	hash?: {
		line?: number;
		loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
	};
}

/**
 * Mermaid's message names the line ("Parse error on line 3") of the text it parsed, which is the
 * diagram without the lines `parsedLines` leaves out, plus a final newline: an unexpected end is
 * reported on the line after the last one, and is placed at the end of the diagram's last line.
 */
function toSyntaxError(error: unknown, source: string): MermaidMistake {
	const { message = String(error), hash } = (error ?? {}) as JisonError;
	const written = /on line (\d+)/.exec(message);
	const parsedLine = written ? Number(written[1]) : hash?.loc ? hash.loc.last_line : 1;
	const lines = source.split('\n');
	const numbers = parsedLines(source);
	const found = numbers[parsedLine - 1];
	const line = found ?? numbers.findLast((number) => lines[number - 1]!.trim() !== '') ?? 1;
	const lineLength = lines[line - 1]!.length;
	const column =
		found === undefined
			? lineLength + 1
			: hash?.loc && hash.loc.last_line === parsedLine
				? hash.loc.last_column + 1
				: 1;
	// The message then names the same line as the position.
	const text = message
		.replace(/on line \d+/, `on line ${line}`)
		.split('\n')
		.filter(Boolean)
		.join(' ');
	return {
		kind: 'syntax',
		message: text.replace(/\s+/g, ' ').trim(),
		line,
		column: Math.min(column, lineLength + 1),
	};
}

/**
 * The diagram's own numbers (1-based) of the lines mermaid parses, in order: mermaid leaves
 * out the `---` frontmatter block, `%%` comment lines and the blank lines before the first
 * line of the diagram (`%%{init}%%` directives are blanked first).
 */
function parsedLines(source: string): number[] {
	const trimmed = source.trimStart();
	const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(trimmed);
	const skipped = frontmatter
		? source.slice(0, source.length - trimmed.length + frontmatter[0].length).split('\n').length - 1
		: 0;
	const numbers: number[] = [];
	for (const [index, line] of source.split('\n').entries()) {
		const blank = line.replace(/%%\{.*?\}%%/g, '').trim() === '';
		if (index < skipped || /^\s*%%(?!\{)./.test(line) || (numbers.length === 0 && blank)) continue;
		numbers.push(index + 1);
	}
	return numbers;
}
