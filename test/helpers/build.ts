import { type AstroInlineConfig, build } from 'astro';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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
 * files never share one. Logs stay quiet unless the build fails.
 */
export async function buildSite(root: URL, name: string, inline: AstroInlineConfig = {}, { keepCache = false } = {}): Promise<BuiltSite> {
	const outDir = fileURLToPath(new URL(`./dist-${name}/`, root));
	await rm(outDir, { recursive: true, force: true });
	// A cold build by default: Astro's content cache would otherwise keep plans parsed by older code.
	if (!keepCache) await rm(new URL('./node_modules/.astro/', root), { recursive: true, force: true });
	await build({ root: fileURLToPath(root), outDir, logLevel: 'error', ...inline });
	const file = (path: string) => readFileSync(`${outDir}/${path}`, 'utf8');
	return { outDir, file, page: (path) => new JSDOM(file(path)).window.document };
}

/** URL of a fixture folder under test/fixtures/. */
export function fixture(name: string): URL {
	return new URL(`../fixtures/${name}/`, import.meta.url);
}
