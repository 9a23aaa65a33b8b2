import { describe, expect, it } from 'vitest';
import { mermaidSyntaxProblem } from '#plans/diagrams/mermaid/prepare.ts';
import { parseMermaid } from '#plans/diagrams/mermaid/validate.ts';
import { parsePlan } from '#plans/parse/plan.ts';

describe('Mermaid syntax errors', () => {
	it('name the line as written, counting the comment and blank lines mermaid leaves out', async () => {
		expect(await parseMermaid('flowchart TD\n%% a\n%% b\nA --> --> B\nC --> D')).toMatchObject({
			line: 4,
			column: 7,
			message: expect.stringMatching(/^Parse error on line 4:/),
		});
		expect(await parseMermaid('\n\nflowchart TD\nA --> --> B')).toMatchObject({
			line: 4,
			column: 7,
		});
		expect(await parseMermaid('sequenceDiagram\n%% who talks\nA->>B: hi\nA-xxB')).toMatchObject({
			line: 4,
			column: 6,
		});
		expect(
			await parseMermaid('%%{init: {"theme": "dark"}}%%\ngraph TD\nA --> --> B'),
		).toMatchObject({ line: 3, column: 7 });
	});

	it('place an unexpected end at the end of the last written line, not past the diagram', async () => {
		expect(await parseMermaid('flowchart TD\n  A --> B\n  B -->\n\n')).toMatchObject({
			line: 3,
			column: 8,
			message: expect.stringMatching(/^Parse error on line 3:/),
		});
	});

	it("include a diagram over mermaid's text size limit, which it would draw as an error picture", async () => {
		const nodes = Array.from({ length: 3_000 }, (_, index) => `  n${index}[Service ${index}]`);
		expect(await parseMermaid(['flowchart TD', ...nodes].join('\n'))).toEqual({
			kind: 'size',
			message:
				"the diagram is 63,792 characters long, over mermaid's limit of 50,000 (maxTextSize)",
			line: 1,
			column: 1,
		});
		expect(
			await parseMermaid(['flowchart TD', ...nodes.slice(0, 2_000)].join('\n')),
		).toBeUndefined();
	});

	it('stay inside a file whose last diagram is never closed, or is empty', async () => {
		const problemsOf = async (raw: string) => {
			const { data } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
			return Promise.all(
				data.diagrams.map((diagram) => mermaidSyntaxProblem(data, diagram, 'error')),
			);
		};
		expect(await problemsOf('# P\n\n- ```mermaid\n  flowchart TD\n  A -->')).toEqual([
			expect.objectContaining({ line: 5, column: 8 }),
		]);
		expect(await problemsOf('# P\n\n  ```mermaid')).toEqual([
			expect.objectContaining({
				line: 3,
				column: 3,
				message: expect.stringContaining('No diagram type detected'),
			}),
		]);
	});
});
