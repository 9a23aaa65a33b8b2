import { describe, expect, it } from 'vitest';
import { RowAnchors } from '#plans/parse/anchors.ts';
import { costProblems } from '#plans/parse/cost-problems.ts';
import { collectCostTables } from '#plans/parse/costs.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const problemsOf = (markdown: string) =>
	costProblems(
		collectCostTables(parseMarkdown(markdown), new RowAnchors([])).map(({ table }) => table),
		'plans/p.md',
	);

describe('costProblems', () => {
	it('finds nothing wrong in a table whose rows add up to its Total', () => {
		expect(
			problemsOf(
				'| Component | Cost |\n|---|---|\n| API | $100/mo |\n| **Total** | **$100/mo** |\n',
			),
		).toEqual([]);
	});

	it('reports a Total the rows do not add up to at its line, then each unreadable cell at its row', () => {
		expect(
			problemsOf(
				'| Component | Cost |\n|---|---|\n| API | 12$ |\n| DB | $100/mo |\n| **Total** | **$5/mo** |\n',
			),
		).toEqual([
			expect.objectContaining({
				severity: 'warning',
				file: 'plans/p.md',
				line: 5,
				column: 1,
				message: 'Cost table total does not add up: written $5/mo, rows sum to at least $100/mo.',
			}),
			expect.objectContaining({
				severity: 'warning',
				file: 'plans/p.md',
				line: 3,
				column: 1,
				message: expect.stringContaining('Cost "12$" of "API" cannot be read'),
			}),
		]);
	});
});
