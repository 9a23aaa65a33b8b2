import type { Parents, Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { isFigurePlace } from './set-aside-figures.ts';

/**
 * Parses the raw HTML of a plan into the tree (what rehype-raw does), only when the plan holds
 * some: a plan written in Markdown alone needs no HTML parser pass over its whole tree, the
 * costliest step of a render. The places of set-aside figures become comments first.
 */
export const rehypeRawHtml: Plugin<[], Root> = () => (tree, file) => {
	const authorHtml = placesToComments(tree, file);
	return authorHtml ? (raw(tree, { file }) as Root) : undefined;
};

/** Turns figure places into comments; tells whether any other raw HTML is left. */
function placesToComments(parent: Parents, file: VFile): boolean {
	let found = false;
	parent.children.forEach((child, index) => {
		if (child.type === 'raw') {
			const comment = /^<!--([\s\S]*)-->$/.exec(child.value)?.[1];
			if (comment !== undefined && isFigurePlace(file, comment))
				parent.children[index] = { type: 'comment', value: comment };
			else found = true;
		} else if ('children' in child && placesToComments(child, file)) found = true;
	});
	return found;
}
