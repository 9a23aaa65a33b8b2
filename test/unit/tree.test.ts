import type { Root } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../integrations/plans/parse/plan.ts';
import { normalizeSource } from '../../integrations/plans/parse/source.ts';
import { parseMarkdown } from '../../integrations/plans/parse/tree.ts';

const remark = unified().use(remarkParse).use(remarkGfm);
const corpus = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const documents = [
	fileURLToPath(new URL('../../../shared/seed/technical-plan-template.md', import.meta.url)),
	...readdirSync(corpus)
		.filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
		.map((name) => corpus + name),
];

/** Node types, values, attributes and start/end lines; `data` is parser bookkeeping. */
function shape(node: Root | Root['children'][number]): unknown {
	const { position, data: _data, children, ...fields } = node as Root & { data?: unknown };
	const sorted = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null).sort(([a], [b]) => a.localeCompare(b)));
	return { ...sorted, lines: [position?.start.line, position?.end.line], children: children?.map(shape) };
}

describe('parseMarkdown (Sätteri)', () => {
	it.each(documents.map((file) => [file.split('/').pop()!, file]))('builds the tree remark-parse + remark-gfm builds for %s', (_name, file) => {
		const { body } = splitFrontmatter(normalizeSource(readFileSync(file, 'utf8')));
		expect(shape(parseMarkdown(body))).toEqual(shape(remark.parse(body)));
	});

	it('keeps GFM syntax the plans use: tables, task lists, strikethrough, footnotes, autolinks', () => {
		const body = '| a | b |\n|:-|-:|\n| 1 | 2 \\| 3 |\n\n- [x] done\n- [ ] open\n\n~~old~~[^1] see www.example.com\n\n[^1]: note\n\nPrice $5 and $6';
		expect(shape(parseMarkdown(body))).toEqual(shape(remark.parse(body)));
		const types = JSON.stringify(parseMarkdown(body));
		for (const type of ['"table"', '"delete"', '"footnoteReference"', '"footnoteDefinition"', '"checked":true', '"link"']) expect(types).toContain(type);
		expect(types).not.toContain('inlineMath');
	});
});
