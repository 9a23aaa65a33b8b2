import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { type CostTableCase, cellWords, costTable } from '../../helpers/random-costs.ts';
import { lineEndings, withLineEndings } from '../../helpers/random-plans.ts';

/** Blocks between the tables that cannot swallow or split them. */
const filler = fc.oneof(
	cellWords.map((words) => `## ${words}`),
	cellWords.map((words) => `Text with [a link](#${words.replace(/\s/g, '-')}) and ${words}.`),
	cellWords.map((words) => `\`\`\`text\n┌──┐ ${words}\n└──┘\n\`\`\``),
	cellWords.map((words) => `- ${words}\n  - ${words}`),
);

/** A plan of cost tables between other blocks, with the line each table starts on. */
const costPlan = fc
	.record({
		blocks: fc.array(fc.oneof(costTable, filler), { minLength: 1, maxLength: 8 }),
		frontmatter: fc.boolean(),
		endings: lineEndings,
	})
	.map(({ blocks, frontmatter, endings }) => {
		const lines = frontmatter ? ['---', 'title: Costs', '---', ''] : [];
		const tables: Array<CostTableCase & { line: number }> = [];
		for (const block of blocks) {
			if (typeof block === 'string') lines.push(...block.split('\n'), '');
			else {
				tables.push({ ...block, line: lines.length + 1 });
				lines.push(...block.lines, '');
			}
		}
		return { raw: withLineEndings(lines.join('\n'), endings), tables };
	});

describe('cost tables of random plans', () => {
	it('sum each kind of money and currency to what the cells add up to, and report exactly the Total rows that do not match', () => {
		fc.assert(
			fc.property(costPlan, ({ raw, tables }) => {
				const { data } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
				expect(data.costs.map((table) => table.line)).toEqual(tables.map((table) => table.line));
				data.costs.forEach((read, index) => {
					const expected = tables[index]!;
					const inUnits = (kind: keyof CostTableCase['totals']) =>
						Object.fromEntries(
							Object.entries(expected.totals[kind]).map(([currency, cents]) => [
								currency,
								{
									low: cents.low / 100,
									high: cents.high / 100,
									atLeast: expected.incomplete[kind],
								},
							]),
						);
					expect(read.period).toBe(expected.period);
					expect(read.totals).toEqual({
						monthly: inUnits('monthly'),
						oneTime: inUnits('oneTime'),
						unstated: inUnits('unstated'),
					});
					expect(read.mismatch !== undefined).toBe(expected.mismatch);
				});
			}),
			{ numRuns: 2_000 },
		);
	});

	it('report every cell that cannot be read at its row, and nothing else', () => {
		fc.assert(
			fc.property(costPlan, ({ raw, tables }) => {
				const { problems } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
				const unreadable = problems
					.filter((problem) => problem.message.includes('cannot be read'))
					.map((problem) => problem.line);
				expect(unreadable).toEqual(
					tables.flatMap((table) => table.unreadableRows.map((row) => table.line + row)),
				);
			}),
			{ numRuns: 1_000 },
		);
	});
});
