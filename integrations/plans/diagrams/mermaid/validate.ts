
type Mermaid = typeof import('mermaid').default;

let mermaidInDom: Promise<Mermaid> | undefined;

/**
 * Mermaid's parser needs a DOM (DOMPurify hooks in at import time), so it runs under a
 * jsdom window. Loaded once per process; parsing needs no browser and no layout.
 */
function loadMermaid(): Promise<Mermaid> {
	mermaidInDom ??= (async () => {
		// Loaded here, not at the top: every build imports this module, few parse Mermaid.
		const { JSDOM } = await import('jsdom');
		const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
		const globals = globalThis as Record<string, unknown>;
		for (const name of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'MutationObserver']) {
			if (globals[name] === undefined) globals[name] = (window as unknown as Record<string, unknown>)[name];
		}
		const { default: mermaid } = await import('mermaid');
		mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
		return mermaid;
	})();
	return mermaidInDom;
}

/** A syntax error in a diagram, positioned in the diagram's own text (1-based). */
export interface MermaidSyntaxError {
	message: string;
	line: number;
	column: number;
}

/**
 * mermaid's `maxTextSize`: it draws a longer diagram (without its `%%` comments) as a picture
 * that says "Maximum text size in diagram exceeded", and `parse()` does not tell.
 */
const MERMAID_MAX_TEXT_SIZE = 50_000;

/** Checks a diagram with `mermaid.parse()`, and its size; resolves to `undefined` when it is valid. */
export async function parseMermaid(source: string): Promise<MermaidSyntaxError | undefined> {
	const size = source.replace(/^\s*%%(?!\{)[^\n]+\n?/gm, '').trimStart().length;
	if (size > MERMAID_MAX_TEXT_SIZE) {
		const count = (n: number) => n.toLocaleString('en-US');
		return { message: `the diagram is ${count(size)} characters long, over mermaid's limit of ${count(MERMAID_MAX_TEXT_SIZE)} (maxTextSize)`, line: 1, column: 1 };
	}
	const mermaid = await loadMermaid();
	try {
		await mermaid.parse(source);
		return undefined;
	} catch (error) {
		return toSyntaxError(error, source);
	}
}

interface JisonError {
	message?: string;
	hash?: { line?: number; loc?: { first_line: number; last_line: number; first_column: number; last_column: number } };
}

/**
 * Mermaid's message names the line ("Parse error on line 3") of the text it parsed, which is the
 * diagram without the lines `parsedLines` leaves out, plus a final newline: an unexpected end is
 * reported on the line after the last one, and is placed at the end of the diagram's last line.
 */
function toSyntaxError(error: unknown, source: string): MermaidSyntaxError {
	const { message = String(error), hash } = (error ?? {}) as JisonError;
	const written = /on line (\d+)/.exec(message);
	const parsedLine = written ? Number(written[1]) : hash?.loc ? hash.loc.last_line : 1;
	const lines = source.split('\n');
	const numbers = parsedLines(source);
	const found = numbers[parsedLine - 1];
	const line = found ?? numbers.findLast((number) => lines[number - 1]!.trim() !== '') ?? 1;
	const lineLength = lines[line - 1]!.length;
	const column = found === undefined ? lineLength + 1 : hash?.loc && hash.loc.last_line === parsedLine ? hash.loc.last_column + 1 : 1;
	// The message then names the same line as the position.
	const text = message.replace(/on line \d+/, `on line ${line}`).split('\n').filter(Boolean).join(' ');
	return { message: text.replace(/\s+/g, ' ').trim(), line, column: Math.min(column, lineLength + 1) };
}

/**
 * The diagram's own numbers (1-based) of the lines mermaid parses, in order: mermaid leaves
 * out the `---` frontmatter block, `%%` comment lines and the blank lines before the first
 * line of the diagram (`%%{init}%%` directives are blanked first).
 */
function parsedLines(source: string): number[] {
	const trimmed = source.trimStart();
	const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(trimmed);
	const skipped = frontmatter ? source.slice(0, source.length - trimmed.length + frontmatter[0].length).split('\n').length - 1 : 0;
	const numbers: number[] = [];
	for (const [index, line] of source.split('\n').entries()) {
		const blank = line.replace(/%%\{.*?\}%%/g, '').trim() === '';
		if (index < skipped || /^\s*%%(?!\{)./.test(line) || (numbers.length === 0 && blank)) continue;
		numbers.push(index + 1);
	}
	return numbers;
}
