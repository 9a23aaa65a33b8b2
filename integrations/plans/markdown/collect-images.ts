import type { RendererOptions } from './types.ts';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visitMdast } from '../parse/visit.ts';

/** Tells whether a plan's tree holds an image or an image reference. */
function hasImages(tree: Root): boolean {
	let found = false;
	visitMdast(tree, (node) => {
		if (found) return SKIP;
		if (node.type === 'image' || node.type === 'imageReference') found = true;
	});
	return found;
}

/**
 * Astro's image collector (`remarkCollectImages`), run only on plans with an image. It walks
 * the whole tree twice with unist-util-visit (definitions, then images), a twentieth of a
 * render thread's time, and most plans have no image: they get its empty lists directly.
 */
export async function remarkCollectImagesWhereAny(): Promise<
	Plugin<[RendererOptions['image']], Root>
> {
	const { remarkCollectImages } = await import('@astrojs/markdown-remark');
	return (options) => {
		const collect = remarkCollectImages(options);
		return (tree, file) => {
			if (hasImages(tree)) return collect(tree, file);
			file.data.astro = { ...file.data.astro, localImagePaths: [], remoteImagePaths: [] };
		};
	};
}
