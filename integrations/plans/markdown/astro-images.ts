import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visitHast } from '../parse/visit.ts';

/** What Astro's image collector keeps in `file.data.astro`. */
interface AstroImageData {
	localImagePaths?: string[];
	remoteImagePaths?: string[];
}

/** Properties an image placeholder keeps as attributes (hast `className` is HTML `class`). */
const KEPT_PROPERTIES = ['className', 'htmlFor'];

/**
 * Turns each image Astro collected (`remarkCollectImages`) into the placeholder that Astro's
 * `render()` swaps for the published image: an `__ASTRO_IMAGE_` attribute holding the image's
 * properties and its occurrence index. It is Astro's Markdown pipeline's own step, which
 * `@astrojs/markdown-remark` does not export; plans render through their own pipeline.
 */
export const rehypeAstroImages: Plugin<[], Root> = () => (tree, file) => {
	const { localImagePaths = [], remoteImagePaths = [] } = ((file.data as { astro?: AstroImageData })
		.astro ?? {}) as AstroImageData;
	if (localImagePaths.length === 0 && remoteImagePaths.length === 0) return;
	const occurrences = new Map<string, number>();
	visitHast(tree, 'element', (node) => {
		if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
		const written = node.properties.src;
		const src = decodeURI(written);
		const remote = remoteImagePaths.includes(src);
		if (!remote && !localImagePaths.includes(src)) return;
		// Markdown images carry no size: a remote one is measured unless a plugin set both.
		const inferSize =
			remote && !('width' in node.properties && 'height' in node.properties) ? true : undefined;
		const image: Record<string, unknown> = remote
			? { inferSize, ...node.properties, src }
			: { ...node.properties, src };
		const kept: Record<string, unknown> = {};
		for (const name of KEPT_PROPERTIES) {
			if (!(name in image)) continue;
			kept[name] = image[name];
			delete image[name];
		}
		const index = occurrences.get(written) ?? 0;
		occurrences.set(written, index + 1);
		node.properties = {
			...kept,
			__ASTRO_IMAGE_: JSON.stringify({ ...image, index }),
		} as typeof node.properties;
	});
};
