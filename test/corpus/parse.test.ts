import type { Code } from 'mdast';
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { fenceDecision, renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { collectHeadings } from '#plans/parse/headings.ts';
import { extractPlanFacts } from '#plans/parse/facts.ts';
import { splitFrontmatter } from '#plans/parse/frontmatter.ts';
import { normalizeSource } from '#plans/parse/source.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { mdastShape } from '../helpers/mdast-shape.ts';
import { parseSvg, wordChars } from '../unit/diagrams/ascii/parse-svg.ts';
import { corpusDocuments } from './documents.ts';

const documents = corpusDocuments().map((document) => ({
	...document,
	body: splitFrontmatter(normalizeSource(readFileSync(document.file, 'utf8'))).body,
}));
const remark = unified().use(remarkParse).use(remarkGfm);

describe.each(documents)('$name', ({ name, body, mdx }) => {
	// Sätteri parses .md plans; MDX keeps remark-mdx, so there is nothing to compare.
	if (!mdx) {
		it('Sätteri builds the tree remark-parse + remark-gfm builds', () => {
			expect(mdastShape(parseMarkdown(body))).toEqual(mdastShape(remark.parse(body)));
		});
	}

	it('gives every fact row a unique anchor that no heading has', () => {
		const tree = parseMarkdown(body, { mdx });
		const headingIds = new Set(collectHeadings(tree).map((heading) => heading.id));
		const { nodes } = extractPlanFacts(tree);
		const anchors = [
			...nodes.rows.map((row) => row.anchor),
			...nodes.costTables.map(({ table }) => table.anchor!),
		];
		expect(anchors.filter((anchor, index) => anchors.indexOf(anchor) !== index)).toEqual([]);
		expect(anchors.filter((anchor) => headingIds.has(anchor))).toEqual([]);
	});

	it('draws every fence it takes for a drawing, keeping every letter and digit as text, or shows it as text and says where', () => {
		for (const [index, fence] of drawingFences(body, mdx).entries()) {
			const where = `${name}:${fence.position?.start.line}`;
			const result = renderAsciiDiagram(fence.value, { idPrefix: `diagram-${index}` });
			tally.total++;
			if (!result.ok) {
				// Refused by the check against its text: the page shows the text, the build the place.
				expect(result.place, `${where} ${result.reason}`).toBeDefined();
				continue;
			}
			tally.drawn++;
			const text = wordChars(
				parseSvg(result.svg)
					.texts.map((t) => t.text)
					.join(''),
			);
			// v and V may be arrowheads (| over v); no other letter or digit may go missing.
			expect(text.replace(/[vV]/g, ''), where).toBe(wordChars(fence.value).replace(/[vV]/g, ''));
		}
	});
});

/**
 * Drawings of the whole folder: the check against the text is for the few. Over the real
 * documents at hand more than nine in ten are drawn; a folder of a few dozen may hold more of
 * the few, so the floor for one folder is a little lower.
 */
const tally = { total: 0, drawn: 0 };
afterAll(() => {
	if (tally.total > 0)
		expect(
			tally.drawn / tally.total,
			`${tally.drawn} of ${tally.total} drawings drawn`,
		).toBeGreaterThanOrEqual(0.85);
});

function drawingFences(body: string, mdx: boolean): Code[] {
	const fences: Code[] = [];
	visit(parseMarkdown(body, { mdx }), 'code', (node: Code) => {
		if (fenceDecision(node.lang, node.meta, node.value) === 'diagram') fences.push(node);
	});
	return fences;
}
