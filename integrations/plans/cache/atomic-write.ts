import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file whole or not at all: to a temporary file, then renamed over it. Readers (other
 * threads, other builds, `astro dev` serving a page) never see half a file, and a file linked
 * from elsewhere is replaced, not changed. Threads of one process share its pid: the thread id
 * keeps their temporary files apart.
 */
export function writeFileAtomically(path: string, contents: string): void {
	const temporary = `${path}.${process.pid}-${threadId}.tmp`;
	writeFileSync(temporary, contents);
	renameSync(temporary, path);
}
