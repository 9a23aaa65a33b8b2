import { cp, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { processWide } from '../../process-wide.ts';

/** Where pages load mermaid from when they render it in the reader's browser (under the site's base). */
export const MERMAID_PATH = '_plans/mermaid/mermaid.esm.min.mjs';

/** mermaid's own ES module build: an entry and the chunks it imports on demand. */
export function mermaidDistDir(): string {
	return join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
}

/** Whether a page of the current build draws a Mermaid diagram in the reader's browser. */
function fallback(): { used: boolean } {
	return processWide('mermaid-fallback', () => ({ used: false }));
}

/** Called when a page gets a diagram to render in the browser: the build then ships mermaid. */
export function markMermaidFallbackUsed(): void {
	fallback().used = true;
}

/** A new build starts without the flag (several builds may run in one process). */
export function resetMermaidFallback(): void {
	fallback().used = false;
}

export function mermaidFallbackUsed(): boolean {
	return fallback().used;
}

/**
 * Copies mermaid's prebuilt ES modules into the site (no source maps), only for builds with a
 * page that needs them. Bundling mermaid with Vite instead would cost every build seconds.
 */
export async function copyMermaidIntoSite(outDir: string): Promise<void> {
	const dist = mermaidDistDir();
	const target = join(outDir, dirname(MERMAID_PATH));
	await cp(join(dist, 'mermaid.esm.min.mjs'), join(target, 'mermaid.esm.min.mjs'));
	const chunks = join(dist, 'chunks/mermaid.esm.min');
	for (const file of await readdir(chunks)) {
		if (file.endsWith('.mjs'))
			await cp(join(chunks, file), join(target, 'chunks/mermaid.esm.min', file));
	}
}
