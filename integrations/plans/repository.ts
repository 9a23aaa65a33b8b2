import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ImageRoots } from './parse/image-roots.ts';

/** The root of the git repository a folder is in (the nearest folder up with a `.git`), if any. */
export function repositoryRoot(folder: string): string | undefined {
	for (let current = folder; ; current = dirname(current)) {
		if (existsSync(join(current, '.git'))) return current;
		if (dirname(current) === current) return undefined;
	}
}

/** The image roots of a plan in `planFolder`, as paths from it (see `ImageRoots`). */
export function imageRootsOf(
	planFolder: string,
	publicDir: string,
	repository: string | undefined,
): ImageRoots {
	const from = (folder: string) => relative(planFolder, folder).split(sep).join('/') || '.';
	return repository === undefined
		? { public: from(publicDir) }
		: { public: from(publicDir), repository: from(repository) };
}
