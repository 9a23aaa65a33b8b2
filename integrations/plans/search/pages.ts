import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const BODY_MARK = 'data-pagefind-body';

/**
 * Calls `visit` with each page of the built site that Pagefind indexes, in path order: those
 * with an element marked `data-pagefind-body` (the plan pages); Pagefind skips every other page
 * of a site that has such pages. One page is in memory at a time.
 */
export function forEachSearchablePage(
	outDir: string,
	visit: (sourcePath: string, content: string) => void,
): number {
	let count = 0;
	for (const file of htmlFiles(outDir, join(outDir, 'pagefind')).sort()) {
		const content = readFileSync(file, 'utf8');
		if (!content.includes(BODY_MARK)) continue;
		count++;
		visit(relative(outDir, file).split(sep).join('/'), content);
	}
	return count;
}

function htmlFiles(folder: string, skip: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return path === skip ? [] : htmlFiles(path, skip);
		return entry.isFile() && entry.name.endsWith('.html') ? [path] : [];
	});
}
