import { describe, expect, it } from 'vitest';
import { anchorListWith, type Deploy, keepLinks } from '#plans/redirects/keep-links.ts';
import { matchAnchors } from '#plans/redirects/match-anchors.ts';
import type { PlanOutline, RowGroup } from '#plans/redirects/outline.ts';

/** An outline from `depth text` lines (`2 Risks & Mitigations`), ids slugged as GitHub does. */
function outline(
	url: string,
	title: string,
	lines: string[],
	rowGroups: RowGroup[] = [],
): PlanOutline {
	const open: Array<{ id: string; depth: number }> = [];
	const headings = lines.map((line) => {
		const [depth, ...words] = line.split(' ');
		const text = words.join(' ');
		const id = text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s-]/gu, '')
			.replace(/\s/g, '-');
		while (open.length > 0 && open.at(-1)!.depth >= Number(depth)) open.pop();
		const heading = { id, text, depth: Number(depth), parent: open.at(-1)?.id };
		open.push(heading);
		return heading;
	});
	return {
		url,
		title,
		file: `plans${url.replace(/^\/plans/, '').replace(/\/$/, '')}.md`,
		headings,
		rowGroups,
		htmlAnchors: [],
	};
}

const anchorsOf = (plan: PlanOutline) =>
	[
		...plan.headings.map((heading) => heading.id),
		...plan.rowGroups.flatMap((group) => [...(group.anchor ? [group.anchor] : []), ...group.rows]),
	].sort();

const deploy = (...plans: PlanOutline[]): Deploy => ({
	plans,
	anchors: { pages: Object.fromEntries(plans.map((plan) => [plan.url, anchorsOf(plan)])) },
});

const costs = (anchor: string, rows: string[]): RowGroup => ({
	key: 'cost 0',
	anchor,
	section: 'cost-estimation',
	rows,
});

describe('matchAnchors', () => {
	const before = outline(
		'/plans/a/',
		'A',
		['2 Summary', '2 Risks & Mitigations', '3 Data loss', '2 Cost Estimation'],
		[costs('costs-infra', ['cost-aws-rds', 'cost-s3'])],
	);

	it('keeps a reworded heading on its section and a renamed row on its row', () => {
		const after = outline(
			'/plans/a/',
			'A',
			['2 Summary', '2 Risks and mitigations', '3 Data loss', '2 Cost Estimation'],
			[costs('costs-infra', ['cost-aurora', 'cost-s3'])],
		);
		const landings = matchAnchors(before, anchorsOf(before), after, anchorsOf(after));
		expect([...landings]).toEqual([
			['risks--mitigations', { kind: 'renamed', to: 'risks-and-mitigations' }],
			['cost-aws-rds', { kind: 'renamed', to: 'cost-aurora' }],
		]);
	});

	it('keeps a heading under a reworded parent, found by its words among its siblings', () => {
		const after = outline('/plans/a/', 'A', [
			'2 Summary',
			'2 Cost Estimation',
			'2 Risks and mitigations',
			'3 Loss of data',
		]);
		const landings = matchAnchors(before, anchorsOf(before), after, anchorsOf(after));
		expect(landings.get('risks--mitigations')).toEqual({
			kind: 'renamed',
			to: 'risks-and-mitigations',
		});
		expect(landings.get('data-loss')).toEqual({ kind: 'renamed', to: 'loss-of-data' });
	});

	it('lands a removed section on the section around it, and rows of a changed table on the table', () => {
		const after = outline(
			'/plans/a/',
			'A',
			['2 Summary', '2 Risks & Mitigations', '2 Cost Estimation'],
			[costs('costs-infra', ['cost-aurora'])],
		);
		const landings = matchAnchors(before, anchorsOf(before), after, anchorsOf(after));
		expect(landings.get('data-loss')).toEqual({ kind: 'parent', to: 'risks--mitigations' });
		expect(landings.get('cost-aws-rds')).toEqual({ kind: 'parent', to: 'costs-infra' });
		expect(landings.get('cost-s3')).toEqual({ kind: 'parent', to: 'costs-infra' });
	});

	it('never takes a new section with other words and other content for a removed one in its place', () => {
		const after = outline('/plans/a/', 'A', ['2 Summary', '2 Staffing', '2 Cost Estimation']);
		const landings = matchAnchors(before, anchorsOf(before), after, anchorsOf(after));
		expect(landings.get('risks--mitigations')).toEqual({ kind: 'top' });
		expect(landings.get('data-loss')).toEqual({ kind: 'top' });
	});

	it('takes a section in its place with other words for the same one when what is under it stayed', () => {
		const after = outline('/plans/a/', 'A', [
			'2 Summary',
			'2 Hazards',
			'3 Data loss',
			'2 Cost Estimation',
		]);
		const landings = matchAnchors(before, anchorsOf(before), after, anchorsOf(after));
		expect(landings.get('risks--mitigations')).toEqual({ kind: 'renamed', to: 'hazards' });
	});

	it('follows what the author says first', () => {
		const after = outline('/plans/a/', 'A', [
			'2 Summary',
			'2 Hazards',
			'3 Data loss',
			'2 Cost Estimation',
		]);
		const landings = matchAnchors(
			before,
			anchorsOf(before),
			after,
			anchorsOf(after),
			new Map([['risks--mitigations', 'hazards']]),
		);
		expect(landings.get('risks--mitigations')).toEqual({ kind: 'renamed', to: 'hazards' });
	});
});

describe('keepLinks', () => {
	const checkout = outline('/plans/payments/checkout/', 'Checkout', [
		'2 Summary',
		'2 Risks & Mitigations',
		'2 Rollout',
	]);

	it('redirects a moved plan and keeps its reworded ids on the new page', () => {
		const moved = outline('/plans/commerce/checkout/', 'Checkout', [
			'2 Summary',
			'2 Risks and mitigations',
			'2 Rollout',
		]);
		const kept = keepLinks(deploy(checkout), deploy(moved));
		expect([...kept.redirects]).toEqual([
			['/plans/payments/checkout/', '/plans/commerce/checkout/'],
		]);
		expect([...kept.aliases.get('/plans/commerce/checkout/')!]).toEqual([
			['risks--mitigations', 'risks-and-mitigations'],
		]);
		expect(kept.notes.map((note) => note.message)).toEqual([
			'/plans/payments/checkout/ → /plans/commerce/checkout/',
			'plans/commerce/checkout.md: #risks--mitigations → #risks-and-mitigations',
		]);
	});

	it('finds a plan moved under a new title by its content, and one the author names in aliases', () => {
		const retitled = outline('/plans/commerce/pay/', 'Paying for orders', [
			'2 Summary',
			'2 Risks & Mitigations',
			'2 Rollout',
		]);
		expect([...keepLinks(deploy(checkout), deploy(retitled)).redirects]).toEqual([
			['/plans/payments/checkout/', '/plans/commerce/pay/'],
		]);
		const rewritten = outline('/plans/x/', 'Something else', ['2 Goals']);
		const claimed = keepLinks(deploy(checkout), deploy(rewritten), {
			pages: new Map([['/plans/payments/checkout/', '/plans/x/']]),
			anchors: new Map(),
		});
		expect([...claimed.redirects]).toEqual([['/plans/payments/checkout/', '/plans/x/']]);
	});

	it('says a removed plan is gone, and follows a move of an earlier deploy to where the plan is now', () => {
		const other = outline('/plans/b/', 'B', ['2 Goals']);
		const removed = keepLinks(deploy(checkout, other), deploy(other));
		expect([...removed.removed]).toEqual([['/plans/payments/checkout/', 'Checkout']]);
		expect(removed.notes[0]).toMatchObject({ severity: 'warning' });

		const first = outline('/plans/commerce/checkout/', 'Checkout', [
			'2 Summary',
			'2 Risks and mitigations',
			'2 Rollout',
		]);
		const once = keepLinks(deploy(checkout), deploy(first));
		const second = outline('/plans/shop/checkout/', 'Checkout', [
			'2 Summary',
			'2 Risks and mitigations',
			'2 Rollout',
		]);
		const previous = { plans: [first], anchors: anchorListWith(deploy(first).anchors, once) };
		const twice = keepLinks(previous, deploy(second));
		expect([...twice.redirects].sort()).toEqual([
			['/plans/commerce/checkout/', '/plans/shop/checkout/'],
			['/plans/payments/checkout/', '/plans/shop/checkout/'],
		]);
		// The id the first move kept is kept on the page the plan is on now.
		expect(twice.aliases.get('/plans/shop/checkout/')?.get('risks--mitigations')).toBe(
			'risks-and-mitigations',
		);
	});

	it('records what it keeps in anchors.json, the old ids among the page ids', () => {
		const reworded = outline('/plans/payments/checkout/', 'Checkout', [
			'2 Summary',
			'2 Risks and mitigations',
			'2 Rollout',
		]);
		const kept = keepLinks(deploy(checkout), deploy(reworded));
		expect(anchorListWith(deploy(reworded).anchors, kept)).toEqual({
			pages: {
				'/plans/payments/checkout/': [
					'risks--mitigations',
					'risks-and-mitigations',
					'rollout',
					'summary',
				],
			},
			aliases: { '/plans/payments/checkout/': { 'risks--mitigations': 'risks-and-mitigations' } },
		});
	});

	it('warns about ids of a page whose outline the previous deploy did not publish', () => {
		const kept = keepLinks(
			{ plans: [], anchors: { pages: { '/plans/payments/checkout/': ['old-id', 'summary'] } } },
			deploy(checkout),
		);
		expect(kept.notes).toEqual([
			{
				severity: 'warning',
				message:
					'plans/payments/checkout.md: #old-id is gone; its links land on the top of the page.',
			},
		]);
	});
});
