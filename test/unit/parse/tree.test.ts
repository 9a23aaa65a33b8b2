import { readdirSync, readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '#plans/parse/frontmatter.ts';
import { normalizeSource } from '#plans/parse/source.ts';
import { parseMarkdown, parsePlanBody } from '#plans/parse/tree.ts';
import { longPlan } from '../../helpers/long-plan.ts';
import { mdastShape } from '../../helpers/mdast-shape.ts';

const remark = unified().use(remarkParse).use(remarkGfm);
const fixtures = new URL('../../fixtures/', import.meta.url);
const realShapes = new URL('real-shapes/plans/', fixtures);
// The template-shaped plan, the plans shaped like published ones and a 5,000-line plan;
// `npm run test:corpus` runs the same comparison on a folder of real documents.
const documents: Array<[string, string]> = [
	[
		'template/technical-plan.md',
		readFileSync(new URL('template/technical-plan.md', fixtures), 'utf8'),
	],
	...readdirSync(realShapes).map((name): [string, string] => [
		`real-shapes/${name}`,
		readFileSync(new URL(name, realShapes), 'utf8'),
	]),
	['generated long-plan.md', longPlan()],
];

describe('parseMarkdown (Sätteri)', () => {
	it.each(documents)('builds the tree remark-parse + remark-gfm builds for %s', (_name, source) => {
		const { body } = splitFrontmatter(normalizeSource(source));
		expect(mdastShape(parseMarkdown(body))).toEqual(mdastShape(remark.parse(body)));
	});

	it('reads a `*` after an escaped `\\*` as CommonMark does: text, not the start of emphasis', () => {
		for (const body of [
			'MAPPING_FREQUENCY is 2\\**10, 2\\**6 and 1.\n',
			'| Name | Value |\n|---|---|\n| FREQUENCY | [2\\**10, 2\\**6, 1] |\n',
		]) {
			expect(mdastShape(parseMarkdown(body))).toEqual(mdastShape(remark.parse(body)));
			expect(JSON.stringify(parseMarkdown(body))).not.toContain('emphasis');
		}
	});

	it('keeps GFM syntax the plans use: tables, task lists, strikethrough, footnotes, autolinks', () => {
		const body =
			'| a | b |\n|:-|-:|\n| 1 | 2 \\| 3 |\n\n- [x] done\n- [ ] open\n\n~~old~~[^1] see www.example.com\n\n[^1]: note\n\nPrice $5 and $6';
		expect(mdastShape(parseMarkdown(body))).toEqual(mdastShape(remark.parse(body)));
		const types = JSON.stringify(parseMarkdown(body));
		for (const type of [
			'"table"',
			'"delete"',
			'"footnoteReference"',
			'"footnoteDefinition"',
			'"checked":true',
			'"link"',
		])
			expect(types).toContain(type);
		expect(types).not.toContain('inlineMath');
	});
});

describe('parsePlanBody', () => {
	it('parses an MDX body with MDX, and a Markdown body without it', () => {
		const body = '# T\n\n<Note>hi</Note>\n';
		expect(parsePlanBody(body, 'mdx', 'plans/t.mdx')).toEqual({
			tree: parseMarkdown(body, { mdx: true }),
		});
		expect(parsePlanBody(body, 'md', 'plans/t.md')).toEqual({ tree: parseMarkdown(body) });
	});

	it('reports an MDX body that does not parse at its place and reads it as Markdown without its expressions', () => {
		const body = '# T\n\nA {broken\n\n<div\n';
		const { tree, problem } = parsePlanBody(body, 'mdx', 'plans/t.mdx');
		expect(problem).toMatchObject({
			severity: 'error',
			message: expect.stringMatching(/^Could not parse MDX: /),
			file: 'plans/t.mdx',
			line: 6,
			column: 1,
		});
		expect(tree).toEqual(parseMarkdown('# T\n\nA  broken\n\n div\n'));
	});
});
