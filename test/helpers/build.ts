import { type AstroInlineConfig, build } from 'astro';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deadAnchors } from './dead-anchors.ts';
import { lockFixture } from './fixture-lock.ts';

export interface BuiltSite {
	/** Absolute path of the output folder. */
	outDir: string;
	/** The built HTML of a page, parsed: `page('plans/identity/index.html')`. */
	page(path: string): Document;
	/** A built file as text. */
	file(path: string): string;
}

/**
 * Builds a fixture site with Astro's public `build()`, into its own output folder so test
 * files never share one, and alone on its fixture (`lockFixture`). Logs stay quiet unless the build fails.
 *
 * Every build is then checked for links into a page at an id that page does not have, so each
 * fixture, with each configuration a test builds it in, proves our links land. A site whose
 * plans keep broken links of their own (`brokenLinks: 'warn'`) names them in `deadLinks`, or
 * leaves its authors' links unchecked with `authoredLinks: false`.
 */
export async function buildSite(
	root: URL,
	name: string,
	inline: AstroInlineConfig = {},
	{
		cache = name,
		keepCache = false,
		deadLinks = [],
		authoredLinks = true,
	}: { cache?: string; keepCache?: boolean; deadLinks?: string[]; authoredLinks?: boolean } = {},
): Promise<BuiltSite> {
	const outDir = fileURLToPath(new URL(`./dist-${name}/`, root));
	await rm(outDir, { recursive: true, force: true });
	// Each build has its own cache folder (a failed build may still be writing its own), and
	// starts cold unless asked: the content cache would keep plans parsed by older code.
	const cacheDir = new URL(`./node_modules/.astro-${cache}/`, root);
	if (!keepCache) await rm(cacheDir, { recursive: true, force: true });
	const release = await lockFixture(root);
	try {
		await build({
			root: fileURLToPath(root),
			outDir,
			cacheDir: fileURLToPath(cacheDir),
			logLevel: 'error',
			...inline,
		});
	} finally {
		release();
	}
	const dead = deadAnchors(outDir, { base: inline.base, authored: authoredLinks });
	if (dead.join('\n') !== [...deadLinks].sort().join('\n')) {
		throw new Error(
			`${name}: links to ids their page does not have:\n${dead.join('\n')}\nexpected only:\n${deadLinks.join('\n')}`,
		);
	}
	const file = (path: string) => readFileSync(`${outDir}/${path}`, 'utf8');
	return { outDir, file, page: (path) => new JSDOM(file(path)).window.document };
}

/** URL of a fixture folder under test/fixtures/. */
export function fixture(name: string): URL {
	return new URL(`../fixtures/${name}/`, import.meta.url);
}
