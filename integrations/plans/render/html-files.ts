import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../cache/atomic-write.ts';

/**
 * Rendered plan HTML lives in files beside Astro's content cache, one per content digest,
 * not in the data store, which Astro bundles into the build as one module for Vite to
 * process and every build to hold in memory. The store keeps each plan's data and digest;
 * the plan page reads its HTML from here.
 */
export class RenderedHtmlFiles {
	readonly directory: string;

	constructor(directory: string) {
		this.directory = directory;
	}

	#file(digest: string): string {
		return join(this.directory, `${digest}.html`);
	}

	has(digest: string): boolean {
		return existsSync(this.#file(digest));
	}

	/** Written atomically: `astro dev` may serve the page while a plan is saved again. */
	write(digest: string, html: string): void {
		mkdirSync(this.directory, { recursive: true });
		writeFileAtomically(this.#file(digest), html);
	}

	read(digest: string): string {
		return readFileSync(this.#file(digest), 'utf8');
	}

	/** The HTML, or `undefined` when there is none (yet, or any more). */
	readIfPresent(digest: string): string | undefined {
		try {
			return this.read(digest);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	remove(digest: string): void {
		rmSync(this.#file(digest), { force: true });
	}

	/** Removes the HTML of plan versions no longer in the store (edited, renamed or deleted plans). */
	keepOnly(digests: Iterable<string>): void {
		if (!existsSync(this.directory)) return;
		const keep = new Set([...digests].map((digest) => `${digest}.html`));
		for (const name of readdirSync(this.directory))
			if (!keep.has(name)) rmSync(join(this.directory, name), { force: true });
	}
}

/** The folder of rendered plan HTML inside Astro's cache folder. */
export function renderedHtmlDir(cacheDir: URL): string {
	return fileURLToPath(new URL('plans-html/', cacheDir));
}
