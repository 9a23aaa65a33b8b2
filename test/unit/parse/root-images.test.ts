import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';

// Images written from the root, as KEPs and RFCs write them: `![x](/keps/sig-x/123/flow.png)`.
// The plan is at plans/team/plan.md: public/ is ../../public, the repository root ../..

const files = new Set(['../../public/logo.png', '../../keps/sig-x/123/flow.png']);
const parse = (markdown: string, repository: string | null = '../..') =>
	parsePlan({
		raw: `# Plan\n\n${markdown}\n`,
		file: 'plans/team/plan.md',
		path: 'team/plan.md',
		fileExists: (path) => files.has(path),
		imageRoots:
			repository === null ? { public: '../../public' } : { public: '../../public', repository },
	});

describe('images written from the root', () => {
	it('are published from the repository root when public/ does not have them, and served as written when it does', () => {
		const { imagePaths, problems } = parse('![Logo](/logo.png) ![Flow](/keps/sig-x/123/flow.png)');
		expect(imagePaths).toEqual(['../../keps/sig-x/123/flow.png']);
		expect(problems).toEqual([]);
	});

	it('are reported at file:line:column when neither has them, saying where they were looked for', () => {
		expect(parse('Text.\n\n![Gone](/keps/gone.png)').problems).toEqual([
			expect.objectContaining({
				severity: 'warning',
				line: 5,
				column: 1,
				message: 'Image "/keps/gone.png" not found; the page shows its alt text instead.',
				hint: expect.stringContaining('or of the repository root, as on GitHub'),
			}),
		]);
		expect(parse('![Flow](/keps/sig-x/123/flow.png)', null).problems[0]!.hint).toContain(
			'the plans are in no git repository',
		);
	});
});
