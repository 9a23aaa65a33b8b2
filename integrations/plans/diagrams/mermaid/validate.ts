
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

/** Checks a diagram with `mermaid.parse()`; resolves to `undefined` when it is valid. */
export async function parseMermaid(source: string): Promise<MermaidSyntaxError | undefined> {
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
 * Mermaid's message names the line ("Parse error on line 3"); the location counts lines of
 * the diagram body after its `---` frontmatter block, so that block's lines are added back.
 */
function toSyntaxError(error: unknown, source: string): MermaidSyntaxError {
	const { message = String(error), hash } = (error ?? {}) as JisonError;
	const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(source.trimStart());
	const offset = frontmatter ? frontmatter[0].split('\n').length - 1 : 0;
	const written = /on line (\d+)/.exec(message);
	const line = written ? Number(written[1]) : hash?.loc ? hash.loc.last_line : 1;
	const column = hash?.loc && hash.loc.last_line === line ? hash.loc.last_column + 1 : 1;
	return { message: message.split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ').trim(), line: line + offset, column };
}
