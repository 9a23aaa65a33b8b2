import { describe, expect, it } from 'vitest';
import { changeLines, changesText } from '#plans/indexes/change-wording.ts';
import type { PlanChanges } from '#plans/indexes/changes.ts';

const change: PlanChanges = {
	id: 'checkout-service',
	title: 'Checkout Service',
	url: '/plans/checkout-service/',
	kind: 'renamed',
	renamedFrom: 'checkout',
	status: { from: undefined, to: 'Approved' },
	costs: [
		{
			currency: 'USD',
			delta: 420,
			rows: [
				{ label: 'Compute', anchor: 'cost-compute', delta: 300 },
				{ label: 'Cache', delta: 120 },
			],
		},
	],
	risks: {
		added: [
			{ label: 'PCI scope creep', anchor: 'risk-pci-scope-creep' },
			{ label: 'Fraud', anchor: 'risk-fraud' },
		],
		removed: [],
		severity: [{ label: 'Outage', anchor: 'risk-outage', from: 'Low × High', to: 'High × High' }],
	},
	milestones: {
		added: [],
		removed: [],
		moved: [
			{ label: 'Beta', anchor: 'milestone-beta', from: '2026-03-01', to: '2026-02-26', days: -3 },
		],
	},
	questions: { opened: [], resolved: [] },
	approvals: {
		given: [{ label: 'Priya Nair (Architect)', anchor: 'approval-priya-nair' }],
		withdrawn: [],
	},
	sections: { added: ['Rollout'], removed: [] },
};

describe('changeLines', () => {
	it('words a change for a page: capitals, links to rows, stressed figures, lines per row first', () => {
		expect(changeLines(change, 'page')).toEqual([
			{ pieces: ['Renamed from ', { code: 'checkout' }] },
			{ pieces: ['Status: ', 'none → ', { strong: 'Approved' }] },
			{
				pieces: [
					'Cost ',
					{ strong: '+$420/mo' },
					': ',
					{ row: { label: 'Compute', anchor: 'cost-compute', delta: 300 } },
					' +$300',
					', ',
					{ row: { label: 'Cache', delta: 120 } },
					' +$120',
				],
				cost: 'up',
			},
			{
				pieces: [
					'Risk ',
					{ row: change.risks.severity[0] },
					': Low × High → ',
					{ strong: 'High × High' },
				],
			},
			{
				pieces: [
					'Milestone ',
					{ row: { label: 'Beta', anchor: 'milestone-beta' } },
					' moved ',
					{ strong: '−3 days' },
					' (2026-03-01 → 2026-02-26)',
				],
			},
			{
				pieces: [
					'Risk added: ',
					{ row: change.risks.added[0] },
					', ',
					{ row: change.risks.added[1] },
				],
			},
			{ pieces: ['Approved by: ', { row: change.approvals.given[0] }] },
			{ pieces: ['Sections added: ', 'Rollout'] },
		]);
	});

	it('words the same change as one line of text', () => {
		expect(changesText([change])).toBe(
			'checkout-service: renamed from checkout · status none → Approved · +$420/mo (Compute +$300, Cache +$120) · risks added: PCI scope creep, Fraud · risk Outage: Low × High → High × High · milestone Beta moved -3 days · approved by Priya Nair (Architect) · section added: Rollout',
		);
	});
});
