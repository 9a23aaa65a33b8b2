import type { Root } from 'mdast';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { localImagePath } from '../parse/plan.ts';

/**
 * A relative image that is not on disk makes Astro abort the whole build. The loader
 * reports it with file:line; here the image becomes a visible note with its alt text so the
 * rest of the plan still publishes.
 */
export const remarkMissingImages: Plugin<[], Root> = () => (tree, file) => {
	if (!file.path) return;
	const folder = dirname(file.path);
	visit(tree, 'image', (node, index, parent) => {
		const path = localImagePath(node.url);
		if (path === undefined || existsSync(join(folder, path)) || !parent || index === undefined) return;
		parent.children[index] = {
			type: 'emphasis',
			data: { hProperties: { className: ['missing-image'], title: `Image not found: ${node.url}` } },
			children: [{ type: 'text', value: `[image not found: ${node.alt || node.url}]` }],
		};
		return SKIP;
	});
};
