import type { Root } from 'mdast';
import { relative } from 'node:path';
import type { Plugin } from 'unified';
import { isFieldParagraph, readDocumentFields } from '../parse/metadata.ts';
import { RELATION_NAMES } from '../parse/relations.ts';
import { keyedFrontmatter } from '../parse/stated-metadata.ts';
import { titleHeadingShownInHeader } from '../parse/title.ts';

/** Fields that the plan page header shows; a paragraph of only these is redundant. */
const SHOWN_IN_HEADER = new Set([
	'version',
	'date',
	'status',
	'based on spec',
	'spec',
	'specification',
	'owner',
	'author',
	...RELATION_NAMES,
]);

/**
 * The plan page header shows the title, status, version, date and spec. In the body, drop
 * the heading that opens the plan when the header shows it as the title, and the paragraph
 * of bold metadata lines right below it, but only when that paragraph holds nothing else, so
 * no content is ever lost. A heading that is not the title (the frontmatter names the plan
 * otherwise, or the plan's sections are `#` headings) stays.
 */
export const remarkPlanPreamble: Plugin<[{ plansDir: string }], Root> =
	({ plansDir }) =>
	(tree, file) => {
		if (!file.path || relative(plansDir, file.path).startsWith('..')) return;
		const frontmatter =
			(file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
		const heading = titleHeadingShownInHeader(
			keyedFrontmatter(frontmatter, undefined).values.get('title'),
			tree,
		);
		if (!heading) return;
		const firstContent = tree.children.indexOf(heading);
		tree.children.splice(firstContent, 1);
		const next = tree.children[firstContent];
		if (next?.type !== 'paragraph') return;
		const fields = readDocumentFields({ type: 'root', children: [next] });
		if (
			isFieldParagraph(next.children) &&
			[...fields.keys()].every((key) => SHOWN_IN_HEADER.has(key))
		) {
			tree.children.splice(firstContent, 1);
			// The template puts a `---` under its metadata; without the metadata it would open the page.
			if (tree.children[firstContent]?.type === 'thematicBreak')
				tree.children.splice(firstContent, 1);
		}
	};
