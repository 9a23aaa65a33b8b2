import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scratch = fileURLToPath(new URL('../../.tmp/', import.meta.url));

/**
 * A copy of a fixture site that a test may edit, inside the repository so that it resolves
 * the workspace's packages. `remove()` deletes it.
 */
export function copyFixture(fixture: URL): {
	root: URL;
	path(file: string): string;
	remove(): void;
} {
	mkdirSync(scratch, { recursive: true });
	const folder = mkdtempSync(join(scratch, 'site-'));
	cpSync(fixture, folder, {
		recursive: true,
		filter: (source) => !/[\\/](node_modules|dist[^\\/]*|\.astro)$/.test(source),
	});
	return {
		root: pathToFileURL(`${folder}/`),
		path: (file) => join(folder, file),
		remove: () => rmSync(folder, { recursive: true, force: true }),
	};
}
