import type { Image, Root } from 'mdast';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'unified';
import { SKIP, visitMdast } from '../tree/visit.ts';
import { localImagePath } from '../parse/images.ts';

/**
 * Prepares a plan's relative images for Astro's image pipeline, which publishes them with
 * hashed names and their width and height when the page is built.
 *
 * - An image that is there gets a `./` path: GitHub reads `img/x.png` as relative to the
 *   plan, but Vite would look for a package called `img`.
 * - An image that is not there would make Astro abort the whole build. The loader reports
 *   it with file:line; here it becomes a visible note with its alt text, so the rest of the
 *   plan still publishes.
 */
export const remarkLocalImages: Plugin<[], Root> = () => (tree, file) => {
	if (!file.path) return;
	const folder = dirname(file.path);
	visitMdast(tree, 'image', (node, index, parent) => {
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
