import { describe, expect, it } from 'vitest';
import { collectPlanLinks, resolvePlanLink } from '#plans/parse/links.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { checkLinks } from '#plans/validate/links.ts';

describe('resolvePlanLink', () => {
	it.each([
		[
			'../identity.mdx#token-lifecycle',
			'payments/checkout.md',
			{ targetPath: 'identity.mdx', anchor: 'token-lifecycle' },
		],
		[
			'./refunds.md',
			'payments/checkout.md',
			{ targetPath: 'payments/refunds.md', anchor: undefined },
		],
		['Other%20Plan.md#r%C3%A9sum%C3%A9', 'a.md', { targetPath: 'Other Plan.md', anchor: 'résumé' }],
		['#risks--mitigations', 'a.md', { href: '#risks--mitigations', anchor: 'risks--mitigations' }],
	])('%s from %s', (href, from, expected) => {
		expect(resolvePlanLink(href, from)).toMatchObject(expected);
	});

	it.each([
		'https://example.com/a.md',
		'mailto:a@b.c',
		'/plans/x/',
		'//cdn/x.md',
		'diagram.png',
		'folder/',
		'#',
	])('ignores %s', (href) => {
		expect(resolvePlanLink(href, 'a.md')).toBeUndefined();
	});
});

describe('collectPlanLinks', () => {
	it('finds inline and reference links with their positions', () => {
		const tree = parseMarkdown('See [a](b.md#x).\n\nAnd [ref][r].\n\n[r]: ../c.md\n');
		expect(collectPlanLinks(tree, 'sub/a.md')).toEqual([
			{ href: 'b.md#x', targetPath: 'sub/b.md', anchor: 'x', line: 1, column: 5 },
			{ href: '../c.md', targetPath: 'c.md', anchor: undefined, line: 5, column: 1 },
		]);
	});
});

describe('checkLinks', () => {
	const plan = (path: string, raw: string) => parsePlan({ raw, path, file: `plans/${path}` }).data;
	const plans = [
		plan('api.md', '# API\n\n## Token Lifecycle\n\n## Rate limits\n'),
		plan(
			'web.md',
			'# Web\n\n[ok](api.md#token-lifecycle) [bad](api.md#rate-limit)\n\n[gone](apii.md) [self](#web) [none](#zzz-qqq-www-eee)\n',
		),
	];

	it('reports missing plans and anchors at file:line:column with the closest match', () => {
		const problems = checkLinks(plans);
		expect(problems).toEqual([
			expect.objectContaining({
				file: 'plans/web.md',
				line: 3,
				column: 30,
				severity: 'error',
				hint: 'The closest existing anchor is "#rate-limits".',
			}),
			expect.objectContaining({
				file: 'plans/web.md',
				line: 5,
				column: 1,
				hint: expect.stringContaining('Did you mean "api.md"?'),
			}),
			expect.objectContaining({
				file: 'plans/web.md',
				line: 5,
				column: 30,
				hint: 'Anchors in plans/web.md: #web.',
			}),
		]);
	});

	it('accepts links to the table rows a plan page gives ids', () => {
		const withRisks = plan(
			'ops.md',
			'# Ops\n\n## Risks\n\n| Risk | Likelihood | Impact |\n|---|---|---|\n| Outage | Low | High |\n',
		);
		const linking = plan(
			'team.md',
			'# Team\n\n[outage](ops.md#risk-outage) [typo](ops.md#risk-outages)\n',
		);
		expect(checkLinks([withRisks, linking]).map((problem) => problem.hint)).toEqual([
			'The closest existing anchor is "#risk-outage".',
		]);
	});

	it('accepts links to the ids and `<a name>`s of raw HTML, in the plan and from another plan', () => {
		const rfc = plan(
			'rfc.md',
			'# RFC\n\nThe [definition](#defid) and the [graph](#depgraph).\n\n<a id="defid"></a>\n**Definition.**\n\n<a name="depgraph"></a>\n',
		);
		const linking = plan(
			'other.md',
			'# Other\n\n[def](rfc.md#defid) [graph](rfc.md#depgraph) [not a target](rfc.md#nameless)\n',
		);
		expect(
			checkLinks([rfc, linking]).map(
				(problem) => `${problem.file}:${problem.line}:${problem.column}`,
			),
		).toEqual(['plans/other.md:3:46']);
	});

	it('names the anchor a link differs from only in case', () => {
		const target = plan(
			'svc.md',
			'# Service\n\n#### ServiceDiscovery\n\n<span id="Registry"></span>\n',
		);
		const linking = plan('x.md', '# X\n\n[sd](svc.md#ServiceDiscovery) [reg](svc.md#registry)\n');
		expect(checkLinks([target, linking]).map((problem) => problem.hint)).toEqual([
			'Anchors are case-sensitive: the heading "ServiceDiscovery" has the id "#servicediscovery". Heading ids are lower case, as on GitHub.',
			'Anchors are case-sensitive: "#Registry" is there. Heading ids are lower case, as on GitHub.',
		]);
	});

	it('uses the severity it is given', () => {
		expect(checkLinks(plans, 'warning').every((problem) => problem.severity === 'warning')).toBe(
			true,
		);
	});

	it('checks the links of some plans against all of them (one page in astro dev)', () => {
		const web = plans[1]!;
		expect(checkLinks([web], 'error', plans)).toEqual(checkLinks(plans));
		// Without the other plans as targets, api.md is missing too.
		expect(checkLinks([web]).map((problem) => problem.line)).toEqual([3, 3, 5, 5]);
	});
});
