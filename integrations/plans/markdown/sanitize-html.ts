import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { sanitizeAuthorContent } from '../parse/sanitize.ts';

/**
 * Takes out of a Markdown plan the raw HTML and link URLs GitHub would take out, before any
 * plugin adds its own markup. The loader has usually done it already, on the tree it parsed
 * (and reported each removal with its line); on a tree parsed again, this does it the same way.
 */
export const remarkSanitizeHtml: Plugin<[], Root> = () => (tree) => {
	sanitizeAuthorContent(tree);
};
