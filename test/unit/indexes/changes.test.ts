import { describe, expect, it } from 'vitest';
import { changesMarkdown, changesText } from '#plans/indexes/change-wording.ts';
import { type ComparedPlan, planChanges } from '#plans/indexes/changes.ts';
import { parsePlan } from '#plans/parse/plan.ts';

/** A plan as plans.json has it, from Markdown. */
function plan(id: string, markdown: string): ComparedPlan {
	const { data } = parsePlan({ raw: markdown, file: `plans/${id}.md`, path: `${id}.md` });
	return { ...data, id, url: `/plans/${id}/` };
}

const checkout = (
	rows: {
		compute?: string;
		cache?: string;
		storage?: string;
		extraRisk?: string;
		beta?: string;
		status?: string;
		question?: string;
		approval?: string;
		currency?: string;
	} = {},
) =>
	plan(
		'checkout-service',
		[
			'# Checkout Service',
			'',
			`**Status**: ${rows.status ?? 'In Review'}`,
			'',
			'## Cost Estimation',
			'',
			'| Component | Monthly Cost |',
			'| --- | --- |',
			`| Compute | ${rows.compute ?? '$1,000'} |`,
			`| ${rows.cache ?? 'Cache'} | $200 |`,
			...(rows.storage ? [`| Storage | ${rows.storage} |`] : []),
			'',
			'## Risks & Mitigations',
			'',
			'| Risk | Likelihood | Impact | Mitigation |',
			'| --- | --- | --- | --- |',
			'| Provider outage | Low | High | Failover |',
			...(rows.extraRisk ? [`| ${rows.extraRisk} | Medium | High | Scope review |`] : []),
			'',
			'## Timeline & Milestones',
			'',
			'| Milestone | Target Date |',
			'| --- | --- |',
			'| Alpha | 2026-02-01 |',
			`| Beta | ${rows.beta ?? '2026-03-01'} |`,
			'',
			'## Open Questions',
			'',
			'| Question | Status |',
			'| --- | --- |',
			`| Which PSP for EU? | ${rows.question ?? 'Open'} |`,
			'',
			'## Review & Approval',
			'',
			'| Role | Name | Status |',
			'| --- | --- | --- |',
			`| Architect | Priya Nair | ${rows.approval ?? 'Pending'} |`,
		].join('\n'),
	);

describe('planChanges', () => {
	it('is empty when nothing changed', () => {
		expect(planChanges([checkout()], [checkout()])).toEqual([]);
	});

	it('reads a cost row, a milestone date and a status, and nothing else', () => {
		const [change] = planChanges(
			[checkout()],
			[checkout({ compute: '$1,300', beta: '2026-03-15', status: 'Approved' })],
		);
		expect(changesText([change!])).toBe(
			'checkout-service: status In Review → Approved · +$300/mo (Compute +$300) · milestone Beta moved +14 days',
		);
		expect(change!.costs[0]!.rows[0]).toEqual({
			label: 'Compute',
			anchor: 'cost-compute',
			delta: 300,
		});
		expect(change!.milestones.moved[0]).toMatchObject({
			label: 'Beta',
			anchor: 'milestone-beta',
			days: 14,
		});
	});

	it('adds and removes rows, risks, questions and approvals', () => {
		const [change] = planChanges(
			[checkout()],
			[
				checkout({
					storage: '$120',
					extraRisk: 'PCI scope creep',
					question: 'Resolved',
					approval: 'Approved',
				}),
			],
		);
		expect(changesText([change!])).toBe(
			'checkout-service: +$120/mo (Storage +$120) · risk added: PCI scope creep · question resolved: Which PSP for EU? · approved by Priya Nair (Architect)',
		);
		const [back] = planChanges(
			[checkout({ storage: '$120', extraRisk: 'PCI scope creep', approval: 'Approved' })],
			[checkout()],
		);
		expect(changesText([back!])).toBe(
			'checkout-service: −$120/mo (Storage −$120) · risk removed: PCI scope creep · approval withdrawn: Priya Nair (Architect)',
		);
	});

	it('reads a new version, a risk whose severity changed and a question opened again', () => {
		const before = plan(
			'ops',
			'# Ops\n\n**Version**: 1.0\n\n## Risks\n\n| Risk | Likelihood | Impact |\n| --- | --- | --- |\n| Outage | Low | High |\n\n## Open Questions\n\n| Question | Status |\n| --- | --- |\n| Region? | Resolved |\n',
		);
		const after = plan(
			'ops',
			'# Ops\n\n**Version**: 1.1\n\n## Risks\n\n| Risk | Likelihood | Impact |\n| --- | --- | --- |\n| Outage | High | High |\n\n## Open Questions\n\n| Question | Status |\n| --- | --- |\n| Region? | Open |\n',
		);
		expect(changesText(planChanges([before], [after]))).toBe(
			'ops: version 1.0 → 1.1 · risk Outage: Low × High → High × High · question opened: Region?',
		);
	});

	it('does not count a renamed row with the same amount as a cost change', () => {
		expect(planChanges([checkout()], [checkout({ cache: 'Redis cache' })])).toEqual([]);
	});

	it('keeps currencies apart, and a currency added counts from nothing', () => {
		const [change] = planChanges([checkout()], [checkout({ storage: '€80' })]);
		expect(change!.costs).toEqual([
			{
				currency: 'EUR',
				delta: 80,
				rows: [{ label: 'Storage', anchor: 'cost-storage', delta: 80 }],
			},
		]);
	});

	it('counts only the run-rate: one-time money, money of no stated period and alternatives are not a cost change', () => {
		const costs = (monthly: string, other: string) =>
			plan(
				'search',
				`# Search\n\n## Costs\n\n| Component | Cost |\n| --- | --- |\n| Cluster | ${monthly} |\n${other}\n`,
			);
		expect(
			planChanges(
				[costs('$100/mo', '| Setup | $5,000 one-time |')],
				[costs('$100/mo', '| Setup | $9,000 one-time |')],
			),
		).toEqual([]);
		expect(
			planChanges([costs('$100', '| Setup | $5,000 |')], [costs('$300', '| Setup | $9,000 |')]),
		).toEqual([]);
		expect(
			planChanges(
				[costs('$100/mo', '| Redis or Memcached | $40/mo |')],
				[costs('$100/mo', '| Redis or Memcached | $90/mo |')],
			),
		).toEqual([]);
	});

	it('reads a previous plans.json from before cost periods and alternatives: its rows were all monthly and all counted', () => {
		const now = plan(
			'search',
			'# Search\n\n| Component | Monthly Cost |\n| --- | --- |\n| Cluster | $300 |\n',
		);
		const before = structuredClone(now);
		const [row] = before.costs[0]!.items;
		before.costs[0]!.items = [
			{
				...row!,
				cost: {
					kind: 'amount',
					currency: 'USD',
					low: 100,
					high: 100,
					monthlyLow: 100,
					monthlyHigh: 100,
					approximate: false,
					free: false,
					text: '$100',
				},
			},
		];
		delete (before.costs[0]!.items[0] as { inTotal?: boolean }).inTotal;
		expect(planChanges([before], [now])[0]!.costs).toEqual([
			{
				currency: 'USD',
				delta: 200,
				rows: [{ label: 'Cluster', anchor: 'cost-cluster', delta: 200 }],
			},
		]);
	});

	it('finds plans added, removed and renamed (a new id with the title of a removed one), sections too', () => {
		const identity = plan('identity', '# Identity\n\n## Overview\n');
		const moved = plan('platform/identity', '# Identity\n\n## Overview\n\n## Token Lifecycle\n');
		const changes = planChanges(
			[checkout(), identity, plan('legacy', '# Legacy\n')],
			[checkout(), moved, plan('search', '# Search\n')],
		);
		expect(changesText(changes).split('\n')).toEqual([
			'legacy: plan removed',
			'platform/identity: renamed from identity · section added: Token Lifecycle',
			'search: new plan',
		]);
	});

	it('lists every plan as new against an empty previous list', () => {
		expect(planChanges([], [checkout()]).map((change) => change.kind)).toEqual(['added']);
		expect(changesText([])).toBe('No plan changed since the previous deploy.');
	});

	it('puts the largest cost change first, and writes Markdown for a job summary', () => {
		const search = (cost: string) =>
			plan(
				'search',
				`# Search\n\n| Component | Monthly Cost |\n| --- | --- |\n| Cluster | ${cost} |\n`,
			);
		const changes = planChanges(
			[checkout(), search('$100')],
			[checkout({ compute: '$1,050' }), search('$900')],
		);
		expect(changesMarkdown(changes, 'https://acme.github.io/docs/')).toBe(
			[
				'### Plan changes since the last deploy',
				'',
				'- **[search](https://acme.github.io/plans/search/)**: +$800/mo (Cluster +$800)',
				'- **[checkout-service](https://acme.github.io/plans/checkout-service/)**: +$50/mo (Compute +$50)',
				'',
			].join('\n'),
		);
	});
});
