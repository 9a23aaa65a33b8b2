import { describe, expect, it } from 'vitest';
import { codeOwnersOf, parseCodeOwners } from '#plans/history/codeowners.ts';

const rules = parseCodeOwners(`# Everyone reviews by default
*                       @acme/everyone

/docs/plans/            @acme/planners   # anchored to the root
docs/plans/payments/*   @acme/payments @ana
*.mdx                   @acme/web
/docs/plans/archive/
`);

describe('CODEOWNERS', () => {
	it('reads each rule, without comments', () => {
		expect(rules.map((rule) => [rule.pattern, rule.owners.length])).toEqual([
			['*', 1],
			['/docs/plans/', 1],
			['docs/plans/payments/*', 2],
			['*.mdx', 1],
			['/docs/plans/archive/', 0],
		]);
	});

	it('gives a file the owners of the last rule that matches, as GitHub does', () => {
		expect(codeOwnersOf(rules, 'README.md')).toEqual(['@acme/everyone']);
		expect(codeOwnersOf(rules, 'docs/plans/identity.md')).toEqual(['@acme/planners']);
		expect(codeOwnersOf(rules, 'docs/plans/payments/checkout.md')).toEqual([
			'@acme/payments',
			'@ana',
		]);
		// `*` in a folder matches its files, not the files of its subfolders.
		expect(codeOwnersOf(rules, 'docs/plans/payments/old/refunds.md')).toEqual(['@acme/planners']);
		expect(codeOwnersOf(rules, 'docs/plans/payments/widget.mdx')).toEqual(['@acme/web']);
		// A rule without owners leaves what it matches unowned.
		expect(codeOwnersOf(rules, 'docs/plans/archive/2019.md')).toEqual([]);
	});
});
