import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { MAX_PLAN_BYTES } from '#plans/parse/size.ts';

const parse = (raw: string) => parsePlan({ raw, file: 'plans/huge.md', path: 'huge.md' });

describe('a plan over the size limit', () => {
	it('is an error at its first line naming the limit, and its body is not read', () => {
		const { problems, data, tree } = parse(
			`---\ntitle: Huge\n---\n# Ignored\n\n${'| a | $5 |\n'.repeat(500_000)}`,
		);
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 1,
				column: 1,
				message: 'The plan is 5.6 MB, over the limit of 1 MB per plan; it is not rendered.',
			}),
		]);
		expect(data).toMatchObject({ title: 'Huge', headings: [], costs: [] });
		expect(tree.children).toEqual([]);
	});

	it('counts bytes, not characters', () => {
		const justUnder = `# Plan\n\n${'x'.repeat(MAX_PLAN_BYTES - 9)}\n`;
		expect(Buffer.byteLength(justUnder)).toBe(MAX_PLAN_BYTES);
		expect(parse(justUnder).problems).toEqual([]);
		expect(parse(`# Plan\n\n${'€'.repeat(MAX_PLAN_BYTES / 3)}\n`).problems).toEqual([
			expect.objectContaining({
				line: 1,
				message: expect.stringContaining('The plan is 1.1 MB, over the limit of 1 MB'),
			}),
		]);
	});
});
