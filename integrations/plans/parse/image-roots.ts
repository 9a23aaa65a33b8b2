import { posix } from 'node:path';

/**
 * Where an image written from the root (`![flow](/keps/sig-x/123/flow.png)`) may be: the
 * site's `public/` folder (a site asset, served as written) or the root of the git repository
 * the plans are in, which is where GitHub looks for it. Both as paths from the plan's folder,
 * so this stays free of the file system.
 */
export interface ImageRoots {
	/** The site's `public/` folder, from the plan's folder. */
	public: string;
	/** The repository's root, from the plan's folder; absent when the plans are not in a git repository. */
	repository?: string;
}

/** Where a root image was found: in `public/` (keep its URL), in the repository (its path from the plan), or nowhere. */
export type RootImage = { in: 'public' } | { in: 'repository'; path: string } | { in: 'nowhere' };

/** True for `/path/x.png`: not `//host/x.png`, not a URL. */
export const isRootPath = (url: string): boolean => url.startsWith('/') && !url.startsWith('//');

export function findRootImage(
	url: string,
	roots: ImageRoots,
	fileExists: (pathFromPlan: string) => boolean,
): RootImage {
	const path = decodedPath(url);
	if (fileExists(posix.join(roots.public, path))) return { in: 'public' };
	if (roots.repository !== undefined) {
		const inRepository = posix.join(roots.repository, path);
		if (fileExists(inRepository))
			return {
				in: 'repository',
				path: inRepository.startsWith('.') ? inRepository : `./${inRepository}`,
			};
	}
	return { in: 'nowhere' };
}

function decodedPath(url: string): string {
	const path = url.replace(/[?#].*$/, '').replace(/^\/+/, '');
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}
