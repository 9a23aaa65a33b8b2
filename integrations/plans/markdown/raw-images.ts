import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'unified';
import { SKIP, visitHast } from '../parse/visit.ts';
import { rawLocalImages } from '../parse/images.ts';

/** What Astro's Markdown pipeline keeps in `file.data.astro`. */
interface AstroFileData {
	localImagePaths?: string[];
}

/**
 * Relative images in a plan's raw HTML (`<p align="center"><img src="images/x.png"></p>`)
 * go through Astro's image pipeline like Markdown images: each `<img>` tag becomes an element
 * between the raw HTML around it, and its path joins the images Astro collected. A missing
 * one becomes the same note as a missing Markdown image (the loader reports it with file:line).
 */
export const rehypeRawImages: Plugin<[], Root> = () => (tree, file) => {
	if (!file.path) return;
	const folder = dirname(file.path);
	const astro = ((file.data as { astro?: AstroFileData }).astro ??= {});
	visitHast(tree, 'raw', (node, index, parent) => {
		const images = rawLocalImages(node.value);
		if (images.length === 0 || !parent || index === undefined) return;
		const pieces: ElementContent[] = [];
		let rest = 0;
		for (const { tag, offset, element, path } of images) {
			if (offset > rest)
				pieces.push({ type: 'raw', value: node.value.slice(rest, offset) } as ElementContent);
			if (existsSync(join(folder, path))) {
				const src = String(element.properties.src);
				element.properties.src = src.startsWith('.') ? src : `./${src}`;
				(astro.localImagePaths ??= []).push(decodeURI(String(element.properties.src)));
				pieces.push(element);
			} else {
				const alt = element.properties.alt;
				pieces.push(
					h(
						'em',
						{ className: ['missing-image'], title: `Image not found: ${element.properties.src}` },
						`[image not found: ${alt || element.properties.src}]`,
					),
				);
			}
			rest = offset + tag.length;
		}
		if (rest < node.value.length)
			pieces.push({ type: 'raw', value: node.value.slice(rest) } as ElementContent);
		parent.children.splice(index, 1, ...pieces);
		return [SKIP, index + pieces.length];
	});
};
