import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import type { Problem } from '../problems.ts';
import { limitNesting } from './nesting.ts';

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Sätteri takes a `*` right after an escaped `\*` for one that can close emphasis, where
 * CommonMark (and GitHub) do not: `[2\**10, 2\**6]` came out with `10, 2*` in italics. A body
 * with one is parsed by remark-parse, the reference.
 */
const SATTERI_MISREADS = /\\\*\*/;

/**
 * Parses a plan body (frontmatter already blanked out, see `splitFrontmatter`) into mdast,
 * with the same syntax the site renders with (CommonMark + GFM, MDX for `.mdx`).
 *
 * Markdown goes through Sätteri, the native parser Astro 7 ships: it builds the same mdast
 * as remark-parse with remark-gfm (positions and offsets included) about 30 times faster,
 * and parsing was the largest single cost of a build. MDX keeps remark-mdx, whose tree
 * @astrojs/mdx renders. Blocks nested too deep to walk are cut (see `limitNesting`).
 */
export function parseMarkdown(body: string, { mdx = false } = {}): Root {
	const tree = mdx
		? (mdxParser.parse(body) as Root)
		: SATTERI_MISREADS.test(body)
			? (markdownParser.parse(body) as Root)
			: // The body's frontmatter is already blank lines; math stays off so `$` prices stay text.
				(markdownToMdast(body, {
					features: { gfm: true, frontmatter: false, math: false },
				}) as Root);
	limitNesting(tree, body);
	return tree;
}

/**
 * Parses a plan's body as its format says. An MDX body that does not parse is reported, and
 * read again as Markdown without its expressions, so the rest of the plan can still be read.
 */
export function parsePlanBody(
	body: string,
	format: 'md' | 'mdx',
	file: string,
): { tree: Root; problem?: Problem } {
	try {
		return { tree: parseMarkdown(body, { mdx: format === 'mdx' }) };
	} catch (error) {
		const place = (
			error as {
				place?: { line?: number; column?: number; start?: { line: number; column: number } };
			}
		).place;
		const start = place && 'start' in place && place.start ? place.start : place;
		return {
			tree: parseMarkdown(body.replace(/[{}<]/g, ' ')),
			problem: {
				severity: 'error',
				message: `Could not parse MDX: ${(error as Error).message}`,
				file,
				line: start?.line ?? 1,
				column: start?.column ?? 1,
				hint: 'In .mdx files `{`, `}` and `<` start expressions and components; escape them as `\\{` or `&lt;`, or rename the file to .md.',
			},
		};
	}
}
