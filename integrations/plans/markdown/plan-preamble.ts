import type { Root } from 'mdast';
import { relative } from 'node:path';
import type { Plugin } from 'unified';
import { isFieldParagraph, readBoldLineFields } from '../parse/metadata.ts';

/** Bold-line fields that the plan page header shows; a paragraph of only these is redundant. */
const SHOWN_IN_HEADER = new Set(['version', 'date', 'status', 'based on spec', 'spec', 'specification', 'owner', 'author']);

/**
 * The plan page header shows the title, status, version, date and spec. In the body, drop
 * the leading `# Title` and the paragraph of bold metadata lines right below it, but only
 * when that paragraph holds nothing else, so no content is ever lost.
 */
export const remarkPlanPreamble: Plugin<[{ plansDir: string }], Root> = ({ plansDir }) => (tree, file) => {
	if (!file.path || relative(plansDir, file.path).startsWith('..')) return;
	const firstContent = tree.children.findIndex((node) => node.type !== 'yaml' && node.type !== 'html' && node.type !== 'mdxjsEsm');
	const first = tree.children[firstContent];
	if (first?.type !== 'heading' || first.depth !== 1) return;
	tree.children.splice(firstContent, 1);
	const next = tree.children[firstContent];
	if (next?.type !== 'paragraph') return;
	const fields = readBoldLineFields({ type: 'root', children: [next] });
	if (isFieldParagraph(next.children) && [...fields.keys()].every((key) => SHOWN_IN_HEADER.has(key))) {
		tree.children.splice(firstContent, 1);
		// The template puts a `---` under its metadata; without the metadata it would open the page.
		if (tree.children[firstContent]?.type === 'thematicBreak') tree.children.splice(firstContent, 1);
	}
};
