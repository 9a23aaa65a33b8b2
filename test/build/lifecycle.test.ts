import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('lifecycle'), 'lifecycle');
});

describe('the lifecycle of plans written in other teams’ words', () => {
	it('puts each plan on the board by its stage, shows its status as written, and folds the closed ones', () => {
		const page = site.page('index.html');
		const board = [...page.querySelectorAll('.status-column')].map((column) => [
			column.getAttribute('data-status'),
			column.tagName.toLowerCase(),
			[...column.querySelectorAll('li')].map((item) =>
				item.textContent!.replace(/\s+/g, ' ').trim(),
			),
		]);
		expect(board).toEqual([
			['draft', 'div', ['Sidecar containers provisional', 'Use Postgres proposed']],
			['accepted', 'div', ['Pod resources implementable', 'Search revamp Greenlit']],
			['done', 'div', ['Pattern matching Final']],
			['closed', 'details', ['Old string formatting Superseded', 'Use MongoDB deprecated']],
			['other', 'div', ['Odd one Sprinting']],
			['none', 'div', ['Loose idea']],
		]);
		expect(page.querySelector('details.status-column')!.hasAttribute('open')).toBe(false);
		// The filters are the stages the board shows, and filter the table's rows by them.
		expect(
			[...page.querySelectorAll('input[name="status-filter"]')].map((input) =>
				input.getAttribute('value'),
			),
		).toEqual(['all', 'draft', 'accepted', 'done', 'closed', 'other', 'none']);
		expect(page.querySelectorAll('.plans-table tbody tr[data-status="closed"]')).toHaveLength(2);
	});

	it('gives plans.json each plan’s stage', () => {
		const { plans } = JSON.parse(site.file('plans.json'));
		expect(
			Object.fromEntries(
				plans.map((plan: { id: string; stage?: string }) => [plan.id, plan.stage ?? null]),
			),
		).toEqual({
			'adr-1': 'draft',
			'adr-2': 'closed',
			idea: null,
			'kep-1': 'draft',
			'kep-2': 'accepted',
			odd: null,
			'pep-1': 'done',
			'pep-2': 'closed',
			team: 'accepted',
		});
	});

	it('names the successor at the top of a superseded plan, and what the successor supersedes', () => {
		const old = site.page('plans/pep-2/index.html');
		expect(old.querySelector('.plan-successor')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
			'This plan is superseded by Pattern matching.',
		);
		expect(old.querySelector('.plan-successor a')!.getAttribute('href')).toBe('/plans/pep-1/');
		const meta = (path: string) =>
			[...site.page(path).querySelectorAll('.plan-meta > div')].map((row) =>
				`${row.querySelector('dt')!.textContent} ${row.querySelector('dd')!.textContent}`
					.replace(/\s+/g, ' ')
					.trim(),
			);
		expect(meta('plans/pep-1/index.html')).toContain(
			'Supersedes Old string formatting (Superseded)',
		);
		expect(meta('plans/kep-2/index.html')).toContain('Requires Sidecar containers (provisional)');
		// Replaced by, from frontmatter; Use Postgres does not say it replaces it (a warning).
		expect(
			site.page('plans/adr-2/index.html').querySelector('.plan-successor')!.textContent,
		).toContain('replaced by Use Postgres');
		expect(site.page('plans/pep-1/index.html').querySelector('.plan-successor')).toBeNull();
	});

	it('shows the status of the plan a link in the text goes to, beside it when the plan is closed', () => {
		const link = site
			.page('plans/pep-1/index.html')
			.querySelector('.plan-content a[href="/plans/pep-2/"]')!;
		expect(link.getAttribute('title')).toBe('Status: Superseded');
		expect(link.getAttribute('data-plan-stage')).toBe('closed');
		const open = site
			.page('plans/kep-2/index.html')
			.querySelector('.plan-content a[href="/plans/kep-1/"]')!;
		expect(open.getAttribute('title')).toBe('Status: provisional');
		expect(open.getAttribute('data-plan-stage')).toBe('draft');
	});
});
