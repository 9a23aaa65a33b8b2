import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '#plans/parse/nesting.ts';
import { parsePlan } from '#plans/parse/plan.ts';

const parse = (raw: string, path = 'p.md') => parsePlan({ raw, file: `plans/${path}`, path });
const nestingErrors = (raw: string, path?: string) =>
	parse(raw, path).problems.filter((problem) => problem.message.includes('levels deep'));
const deepList = (depth: number) =>
	Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');

describe('content nested too deep to read', () => {
	it('is reported at its place, naming the limit, and kept as its source instead of stopping the build', () => {
		const quotes = `${'>'.repeat(20_000)} deep`;
		const { problems, tree, data } = parse(`# Deep\n\n## Before\n\n${quotes}\n\n## After\n`);
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 5,
				column: MAX_NESTING + 1,
				message: expect.stringContaining('more than 1,000 levels deep'),
			}),
		]);
		expect(tree.children[2]).toMatchObject({
			type: 'code',
			lang: 'text',
			meta: 'no-diagram',
			value: quotes,
			position: { start: { line: 5 } },
		});
		expect(data.headings.map((heading) => heading.text)).toEqual(['Deep', 'Before', 'After']);
	});

	it('counts emphasis, and raw HTML elements left open by earlier blocks', () => {
		expect(nestingErrors(`${'*'.repeat(3_000)}deep${'*'.repeat(3_000)}\n`)).toHaveLength(1);
		expect(nestingErrors(`${'<div>\n\n'.repeat(MAX_NESTING + 1)}deep\n`)).toEqual([
			expect.objectContaining({ line: 2 * MAX_NESTING + 1, column: 1 }),
		]);
		expect(nestingErrors(`${'<section>'.repeat(5_000)}\n`, 'p.mdx')).toHaveLength(0);
	});

	it('leaves real plans alone: lists 200 deep, closed elements and elements that close themselves', () => {
		expect(nestingErrors(deepList(200))).toEqual([]);
		expect(nestingErrors('<div></div>\n\n'.repeat(5_000))).toEqual([]);
		expect(nestingErrors(`<table>${'<tr><td>$5'.repeat(5_000)}</table>\n`)).toEqual([]);
		expect(nestingErrors('<br>\n<img src="a.png">\n<p>text\n'.repeat(2_000))).toEqual([]);
	});

	it('is found in MDX plans too', () => {
		expect(nestingErrors(`${'>'.repeat(5_000)} deep\n`, 'p.mdx')).toHaveLength(1);
	});
});
