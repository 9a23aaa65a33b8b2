import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidSyntaxProblem } from '#plans/diagrams/mermaid/prepare.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { hostileText, lineEndings, withLineEndings } from '../../helpers/random-plans.ts';

const MERMAID_LINES = [
	'graph TD',
	'flowchart LR',
	'sequenceDiagram',
	'A-->B',
	'B --> C{Ok?}',
	'A->>B: hi',
	'end',
	'subgraph S',
	'---',
	'title: x',
	'%%{init: {"theme": "dark"}}%%',
	'%% comment',
	'',
];

/**
 * A plan with Mermaid fences of random lines, some valid, most not, some never closed. Content
 * lines are indented like their fence, as CommonMark expects: the data keeps the fence's
 * column, not how far each of its lines was indented.
 */
const mermaidPlan = fc
	.record({
		before: fc.array(fc.oneof(hostileText, fc.constant('')), { maxLength: 4 }),
		indent: fc.constantFrom('', '  ', '- ', '> '),
		diagrams: fc.array(
			fc.record({
				lines: fc.array(fc.oneof(fc.constantFrom(...MERMAID_LINES), hostileText), {
					minLength: 1,
					maxLength: 8,
				}),
				closed: fc.boolean(),
			}),
			{
				minLength: 1,
				maxLength: 3,
			},
		),
		endings: lineEndings,
	})
	.map(({ before, indent, diagrams, endings }) => {
		const pad = indent === '- ' ? '  ' : indent;
		const fences = diagrams.map(({ lines, closed }) =>
			[
				`${indent}\`\`\`mermaid`,
				...lines.map((line) => `${pad}${line.replace(/[\r\n]/g, ' ')}`),
				...(closed ? [`${pad}\`\`\``] : []),
			].join('\n'),
		);
		return withLineEndings([...before, ...fences].join('\n\n'), endings);
	});

describe('Mermaid syntax errors of random diagrams', () => {
	it('sit inside their file', async () => {
		await fc.assert(
			fc.asyncProperty(mermaidPlan, async (raw) => {
				const { data, source } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
				const lines = source.split('\n');
				for (const diagram of data.diagrams) {
					const problem = await mermaidSyntaxProblem(data, diagram, 'error');
					if (!problem) continue;
					expect(problem.line).toBeGreaterThanOrEqual(1);
					expect(problem.line).toBeLessThanOrEqual(lines.length);
					expect(problem.column).toBeGreaterThanOrEqual(1);
					expect(problem.column).toBeLessThanOrEqual(lines[problem.line - 1]!.length + 1);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
