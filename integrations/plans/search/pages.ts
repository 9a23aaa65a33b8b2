import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A built page Pagefind indexes: its path in the output folder and its HTML. */
export interface SearchablePage {
	/** Relative to the output folder, with `/`. */
	sourcePath: string;
	content: string;
}

const BODY_MARK = 'data-pagefind-body';

/**
 * The pages of the built site that Pagefind indexes, in path order: those with an element
 * marked `data-pagefind-body` (the plan pages); Pagefind skips every other page of a site
 * that has such pages.
 */
export function searchablePages(outDir: string): SearchablePage[] {
	const pages: SearchablePage[] = [];
	for (const file of htmlFiles(outDir, join(outDir, 'pagefind'))) {
		const content = readFileSync(file, 'utf8');
		if (content.includes(BODY_MARK)) pages.push({ sourcePath: relative(outDir, file).split(sep).join('/'), content });
	}
	return pages.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
}

function* htmlFiles(folder: string, skip: string): Generator<string> {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory() && path !== skip) yield* htmlFiles(path, skip);
		else if (entry.isFile() && entry.name.endsWith('.html')) yield path;
	}
}
