import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed version of one of our dependencies that may not export its package.json: the
 * nearest package.json named so above its entry point, as an import resolves it.
 */
export function packageVersion(name: string): string {
	let folder = dirname(fileURLToPath(import.meta.resolve(name)));
	for (;;) {
		const file = join(folder, 'package.json');
		if (existsSync(file)) {
			const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
				name?: string;
				version?: string;
			};
			if (manifest.name === name && manifest.version) return manifest.version;
		}
		const parent = dirname(folder);
		if (parent === folder) throw new Error(`No package.json of ${name} found.`);
		folder = parent;
	}
}
