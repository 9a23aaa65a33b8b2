import type { Heading, Root } from 'mdast';
import { posix } from 'node:path';
import { headingText } from './headings.ts';
import { displayText } from './stated-metadata.ts';

/**
 * Names that open a plan's first section rather than title it: a plan that writes its
 * sections as `#` headings (`# Summary`, `# Motivation`, …) has no title heading.
 */
const SECTION_NAMES =
	/^(executive summary|summary|abstract|overview|introduction|background|context|motivation|goals|proposal|design|details|problem|problem statement|tl;?dr)$/i;

/** A frontmatter title that is only a slug (`machine-config-node`): the plan's heading names it better. */
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;

/**
 * The heading that titles the plan, if any: its first `#` heading, unless that opens the
 * first of several `#` sections (`# Summary`); in a plan without any `#`, a `##` heading
 * that opens it.
 */
export function titleHeading(tree: Root): Heading | undefined {
	const headings = tree.children.filter(
		(node): node is Heading => node.type === 'heading' && node.depth === 1,
	);
	// A note written as a `#` heading (`# This provided the basis for …, it is good to …`) titles nothing.
	const topLevel =
		headings.length > 1
			? headings.filter((heading, index) => index > 0 || !isSentence(headingText(heading)))
			: headings;
	const [first] = topLevel;
	if (first)
		return topLevel.length > 1 && SECTION_NAMES.test(headingText(first)) ? undefined : first;
	const opening = openingBlock(tree);
	return opening?.type === 'heading' && opening.depth === 2 ? opening : undefined;
}

/** A sentence, not a name: it ends with a full stop, or runs past twenty words. */
function isSentence(text: string): boolean {
	return /[^.]\.$/.test(text.trim()) || text.trim().split(/\s+/).length > 20;
}

/** The plan's first block that a reader sees (not a comment, frontmatter or an MDX import). */
function openingBlock(tree: Root): Root['children'][number] | undefined {
	return tree.children.find(
		(node) => node.type !== 'html' && node.type !== 'yaml' && node.type !== 'mdxjsEsm',
	);
}

/**
 * The plan's title: its frontmatter `title`, unless that is only a slug and the plan has a
 * title heading; else its title heading; else its file name. An empty heading names nothing.
 */
export function planTitle(frontmatterTitle: unknown, tree: Root, path: string): string {
	const written = displayText(frontmatterTitle);
	const heading = titleHeading(tree);
	const headingTitle = heading ? headingText(heading) || undefined : undefined;
	if (written && !(headingTitle && SLUG.test(written))) return written;
	return headingTitle ?? titleFromPath(path);
}

/**
 * The heading the page header stands in for: the title heading, when it opens the plan and
 * the title is its text. The page leaves it out (the header shows it); a heading that
 * differs from the frontmatter title stays, so the author's heading never disappears.
 */
export function titleHeadingShownInHeader(
	frontmatterTitle: unknown,
	tree: Root,
): Heading | undefined {
	const heading = titleHeading(tree);
	if (!heading || heading !== openingBlock(tree)) return undefined;
	return planTitle(frontmatterTitle, tree, '') === headingText(heading) ? heading : undefined;
}

function titleFromPath(path: string): string {
	const name = posix.basename(path).replace(/\.(md|mdx)$/i, '');
	return name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}
