import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/**
 * Parses a plan body (frontmatter already blanked out, see `splitFrontmatter`) into mdast,
 * with the same syntax the site renders with (CommonMark + GFM, MDX for `.mdx`).
 */
export function parseMarkdown(body: string, { mdx = false } = {}): Root {
	return (mdx ? mdxParser : markdownParser).parse(body) as Root;
}
