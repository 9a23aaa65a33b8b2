import type { Image, Root } from 'mdast';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'unified';
import { SKIP, visitMdast } from '../parse/visit.ts';
import { findRootImage, isRootPath } from '../parse/image-roots.ts';
import { localImagePath } from '../parse/images.ts';
import { imageRootsOf } from '../repository.ts';

export interface LocalImagesOptions {
	/** The site's `public/` folder: an image written from the root that is there is a site asset. */
	publicDir: string;
	/** The git repository's root: an image written from the root that is there is published like a relative one. */
	repositoryRoot?: string;
}

/**
 * Prepares a plan's relative images for Astro's image pipeline, which publishes them with
 * hashed names and their width and height when the page is built.
 *
 * - An image that is there gets a `./` path: GitHub reads `img/x.png` as relative to the
 *   plan, but Vite would look for a package called `img`.
 * - An image written from the root (`/keps/x/flow.png`) is a site asset when `public/` has it;
 *   else GitHub reads it from the repository's root, and so does this: it gets its path from
 *   the plan.
 * - An image that is not there would make Astro abort the whole build. The loader reports
 *   it with file:line; here it becomes a visible note with its alt text, so the rest of the
 *   plan still publishes.
 */
export const remarkLocalImages: Plugin<[LocalImagesOptions?], Root> = (options) => (tree, file) => {
	if (!file.path) return;
	const folder = dirname(file.path);
	const roots = options && imageRootsOf(folder, options.publicDir, options.repositoryRoot);
	visitMdast(tree, 'image', (node, index, parent) => {
		if (roots && isRootPath(node.url)) {
			const found = findRootImage(node.url, roots, (path) => existsSync(join(folder, path)));
			if (found.in === 'public') return;
			if (found.in === 'repository') {
				node.url = found.path;
				return;
			}
			if (!parent || index === undefined) return;
			parent.children[index] = missingImageNote(node);
			return SKIP;
		}
		const path = localImagePath(node.url);
		if (path === undefined) return;
		if (existsSync(join(folder, path))) {
			if (!node.url.startsWith('.')) node.url = `./${node.url}`;
			return;
		}
		if (!parent || index === undefined) return;
		parent.children[index] = missingImageNote(node);
		return SKIP;
	});
};

function missingImageNote(image: Image) {
	return {
		type: 'emphasis' as const,
		data: { hProperties: { className: ['missing-image'], title: `Image not found: ${image.url}` } },
		children: [{ type: 'text' as const, value: `[image not found: ${image.alt || image.url}]` }],
	};
}
