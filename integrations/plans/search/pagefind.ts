import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkTree, treeDigest } from '../cache/linked-files.ts';
import { packageVersion } from '../cache/package-version.ts';
import { SearchablePages } from './pages.ts';

/** Settings of every index; part of the cache key. */
const INDEX_OPTIONS = { forceLanguage: 'en' } as const;

/**
 * Indexes the built site with Pagefind into `<outDir>/pagefind/`: its search index and its
 * UI bundle, which the search page loads. Only elements marked `data-pagefind-body` (the
 * plan pages' content) are indexed; elements marked `data-pagefind-ignore` are left out.
 * An index of the same pages is not built twice: it is kept in `cacheDir` and linked when
 * no page changed, which `pages` tells from the digests of the pages as the build wrote them
 * (read from `outDir` when not given). Pagefind reads the files itself, in parallel: handing it
 * pages through its Node API (even cut down to their searchable `<main>`, which is nine tenths
 * of a plan page) took twice as long.
 */
export async function writeSearchIndex(
	outDir: string,
	cacheDir: string,
	logger: AstroIntegrationLogger,
	pages: SearchablePages = SearchablePages.read(outDir),
): Promise<void> {
	const started = performance.now();
	const pageCount = pages.count;
	const key = indexKey(pages);
	const output = join(outDir, 'pagefind');
	const kept = new KeptIndex(cacheDir, key);
	// Without plan pages Pagefind indexes every page, which the key does not cover.
	if (pageCount > 0 && kept.copyTo(output)) {
		logger.info(
			`Search index of ${pageCount} plan pages unchanged: linked in ${Math.round(performance.now() - started)} ms.`,
		);
		return;
	}
	try {
		await buildIndex(outDir, output);
	} catch (error) {
		throw new AstroError(
			`Pagefind could not index the site: ${(error as Error).message}`,
			'Set `search: false` in the plans() options to build without search.',
		);
	}
	kept.keep(output);
	logger.info(
		`Search index written from ${pageCount} plan pages in ${Math.round(performance.now() - started)} ms.`,
	);
}

async function buildIndex(outDir: string, output: string): Promise<void> {
	const pagefind = await import('pagefind');
	try {
		const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
		if (!index) throw new Error(errors.join('; '));
		const added = await index.addDirectory({ path: outDir });
		if (added.errors.length > 0) throw new Error(added.errors.join('; '));
		const written = await index.writeFiles({ outputPath: output });
		if (written.errors.length > 0) throw new Error(written.errors.join('; '));
	} finally {
		await pagefind.close();
	}
}

/** What decides the index: Pagefind's version, its settings, and every page it reads. */
function indexKey(pages: SearchablePages): string {
	const hash = createHash('sha256').update(
		`${packageVersion('pagefind')}\n${JSON.stringify(INDEX_OPTIONS)}\n`,
	);
	return pages.addTo(hash).digest('hex');
}

/** The last index written, with the key of the pages it was built from. */
class KeptIndex {
	readonly #folder: string;
	readonly #key: string;

	constructor(cacheDir: string, key: string) {
		this.#folder = join(cacheDir, 'plans-search');
		this.#key = key;
	}

	/**
	 * Links the kept index into `output` (`linkTree`) if it was built from the same pages and
	 * its files are still the ones kept (a tool may have rewritten one in place through a link
	 * from a built site); tells whether it did.
	 */
	copyTo(output: string): boolean {
		const [key, digest] = [this.#read('key'), this.#read('digest')];
		if (key !== this.#key || digest !== treeDigest(join(this.#folder, 'pagefind'))) return false;
		linkTree(join(this.#folder, 'pagefind'), output);
		return true;
	}

	keep(output: string): void {
		rmSync(this.#folder, { recursive: true, force: true });
		linkTree(output, join(this.#folder, 'pagefind'));
		writeFileSync(join(this.#folder, 'digest'), treeDigest(output));
		// The key last: a build stopped while keeping leaves no key, and so no half index.
		writeFileSync(join(this.#folder, 'key'), this.#key);
	}

	#read(name: string): string | undefined {
		const file = join(this.#folder, name);
		return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
	}
}
