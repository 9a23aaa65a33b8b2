import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const BODY_MARK = 'data-pagefind-body';

/**
 * The pages of the built site that Pagefind indexes: those with an element marked
 * `data-pagefind-body` (the plan pages); Pagefind skips every other page of a site that has
 * such pages. Each is kept as the digest of its final HTML, seen as the build's last pass over
 * the pages writes it, so that telling whether the index changed reads no page again.
 */
export class SearchablePages {
	readonly #digests = new Map<string, string>();

	/** Every searchable page already in `outDir`, read from disk (one page in memory at a time). */
	static read(outDir: string): SearchablePages {
		const pages = new SearchablePages();
		for (const file of htmlFiles(outDir, join(outDir, 'pagefind')))
			pages.see(relative(outDir, file).split(sep).join('/'), readFileSync(file, 'utf8'));
		return pages;
	}

	/** Notes a page of the output by its path there (with `/`) and its final HTML. */
	see(path: string, html: string): void {
		if (html.includes(BODY_MARK))
			this.#digests.set(path, createHash('sha256').update(html).digest('hex'));
	}

	get count(): number {
		return this.#digests.size;
	}

	/** The searchable pages' paths, in order. */
	paths(): string[] {
		return [...this.#digests.keys()].sort();
	}

	/** Adds every searchable page, in path order, to `hash`. */
	addTo(hash: Hash): Hash {
		for (const path of this.paths()) hash.update(`${path}\n${this.#digests.get(path)}\n`);
		return hash;
	}
}

function htmlFiles(folder: string, skip: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return path === skip ? [] : htmlFiles(path, skip);
		return entry.isFile() && entry.name.endsWith('.html') ? [path] : [];
	});
}
