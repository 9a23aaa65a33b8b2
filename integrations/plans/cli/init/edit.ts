import { parseModule, type ProxifiedModule } from 'magicast';

/** What `init` does to one file: the text to write, or nothing when the file already has it. */
export interface FileEdit {
	/** Path from the site's root, as printed. */
	file: string;
	/** The new text; `undefined` when the file is left as it is. */
	text: string | undefined;
	/** `created` or `updated` when there is text to write, else `unchanged`. */
	action: 'created' | 'updated' | 'unchanged';
	/** What the change is, or why nothing changes. */
	note: string;
}

/**
 * A file `init` will not edit: too unusual to change safely. Nothing is written when one
 * file refuses; `byHand` says what to add instead.
 */
export class InitRefusal extends Error {
	readonly file: string;
	readonly byHand: string;

	constructor(file: string, reason: string, byHand: string) {
		super(`${file}: ${reason}`);
		this.name = 'InitRefusal';
		this.file = file;
		this.byHand = byHand;
	}
}

/** The indentation of a file, so that code written into it looks like the code around it. */
export function codeFormat(text: string): { useTabs: boolean; tabWidth: number } {
	const indents = text.match(/^[ \t]+(?=\S)/gm) ?? [];
	if (indents.some((indent) => indent.startsWith('\t'))) return { useTabs: true, tabWidth: 4 };
	const widths = indents.map((indent) => indent.length).filter((width) => width > 0);
	return { useTabs: false, tabWidth: widths.length > 0 ? Math.min(...widths) : 2 };
}

/** The syntax tree of a file `init` edits; a file it cannot parse is refused. */
export function parseCode(file: string, text: string, byHand: string): ProxifiedModule {
	try {
		return parseModule(text);
	} catch (error) {
		throw new InitRefusal(file, `it could not be parsed (${(error as Error).message}).`, byHand);
	}
}
