import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

let site: BuiltSite;
const previousEpoch = process.env.SOURCE_DATE_EPOCH;
beforeAll(async () => {
	// 2026-06-01: the build date overdue milestones and questions are judged against.
	process.env.SOURCE_DATE_EPOCH = '1780272000';
	site = await buildSite(fixture('indexes'), 'indexes');
});
afterAll(() => {
	if (previousEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
	else process.env.SOURCE_DATE_EPOCH = previousEpoch;
});

/** Every `href` of the page that points into a plan page resolves to an element with that id. */
function expectAnchorsExist(page: Document): void {
	const links = [...page.querySelectorAll<HTMLAnchorElement>('main a[href*="#"]')].map((a) =>
		a.getAttribute('href')!,
	);
	expect(links.length).toBeGreaterThan(0);
	for (const href of links) {
		const [path, hash] = href.split('#') as [string, string];
		const target = path === '' ? page : site.page(`${path.replace(/^\//, '')}index.html`);
		expect(target.getElementById(decodeURIComponent(hash)), href).not.toBeNull();
	}
}

describe('top navigation', () => {
	it('links every index from every page and marks the current one', () => {
		for (const [path, current] of [
			['index.html', 'Plans'],
			['technologies/index.html', 'Technologies'],
			['costs/index.html', 'Costs'],
			['risks/index.html', 'Risks'],
			['milestones/index.html', 'Milestones'],
			['questions/index.html', 'Questions'],
			['glossary/index.html', 'Glossary'],
			['plans/alpha/index.html', undefined],
		] as const) {
			const page = site.page(path);
			const nav = [...page.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href'));
			expect(nav, path).toEqual([
				'/',
				'/technologies/',
				'/costs/',
				'/risks/',
				'/milestones/',
				'/questions/',
				'/glossary/',
			]);
			expect(
				page.querySelector('.site-nav a[aria-current="page"]')?.textContent?.trim(),
				path,
			).toBe(current);
			expect(page.querySelector('form.site-search')!.getAttribute('action'), path).toBe('/search/');
		}
	});
});

describe('plans index', () => {
	it('lists every plan with owner, its costs per kind of money and currency, open questions, and a status board', () => {
		const page = site.page('index.html');
		const headers = [...page.querySelectorAll('.plans-table thead th')].map((th) =>
			th.textContent!.trim(),
		);
		// Beta states no period for its euros; Gamma's roadmap budget is one-time money.
		expect(headers).toEqual([
			'Plan',
			'Status',
			'Version',
			'Date',
			'Owner',
			// The fixture's plans are in this repository: their last commit is their last change.
			'Last changed',
			'Monthly cost (USD)',
			'One-time cost (USD)',
			'Cost, no period stated (EUR)',
			'Open questions',
			'Completeness',
		]);
		const cells = (status: string) =>
			[
				...page
					.querySelector(`.plans-table tbody tr[data-status="${status}"]`)!
					.querySelectorAll('td'),
			].map((td) => td.textContent!.trim());
		expect(cells('review').slice(4, 10)).toEqual([
			'Ana',
			expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
			'$500/mo',
			'',
			'',
			'2',
		]);
		expect(cells('draft').slice(6, 9)).toEqual(['', '', '€160']);
		expect(cells('accepted').slice(6, 9)).toEqual(['', '$1,817,000 one-time', '']);
		const board = [...page.querySelectorAll('.status-column')].map((column) => [
			column.getAttribute('data-status'),
			column.querySelectorAll('li').length,
		]);
		expect(board).toEqual([
			['draft', 1],
			['review', 1],
			['accepted', 1],
		]);
		expect(
			[...page.querySelectorAll('input[name="folder-filter"]')].map((input) =>
				input.getAttribute('value'),
			),
		).toEqual(['all', 'folder-0', 'folder-1']);
	});
});

describe('technologies', () => {
	it('merges spellings, shows plans and layers, and marks version drift', () => {
		const page = site.page('technologies/index.html');
		const postgres = page.getElementById('tech-postgresql')!;
		expect(postgres.querySelector('th')!.textContent).toBe('PostgreSQL');
		expect(postgres.getAttribute('data-drift')).toBe('true');
		expect(postgres.textContent).toContain('15, 16');
		expect([...postgres.querySelectorAll('.uses a')].map((a) => a.getAttribute('href'))).toEqual([
			'/plans/alpha/#tech-postgresql',
			'/plans/team/beta/#tech-postgres',
			'/plans/team/gamma/#tech-postgres',
		]);
		expect(page.getElementById('tech-redis')!.hasAttribute('data-drift')).toBe(false);
		expect([...page.querySelectorAll('.drift-list a')].map((a) => a.textContent)).toEqual([
			'PostgreSQL',
		]);
		expectAnchorsExist(page);
	});
});

describe('costs', () => {
	it('rolls up per plan, category and provider, each kind of money and currency apart, and lists totals that do not add up', () => {
		const page = site.page('costs/index.html');
		const totals = [...page.querySelectorAll('.cost-totals div')].map((div) => [
			div.querySelector('dt')!.textContent,
			div.querySelector('dd')!.textContent,
		]);
		expect(totals).toEqual([
			['Per month (USD)', '$500/mo · $6,000/yr'],
			['One-time (USD)', '$1,817,000 one-time'],
			['No period stated (EUR)', '€160'],
		]);
		// Only the run-rate is charted.
		expect(
			[...page.querySelectorAll('figure.costs-chart svg > title')].map(
				(title) => title.textContent,
			),
		).toEqual(['Monthly cost per plan by category (USD)']);
		const byPlan = page.querySelector('#by-plan ~ .table-scroll table')!;
		expect([...byPlan.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
			'Plan',
			'Per month',
			'Per year',
			'One-time',
			'No period stated',
			'Cost tables',
		]);
		expect(
			[...byPlan.querySelectorAll('tbody tr')].map((tr) =>
				[...tr.querySelectorAll('td')].map((td) => td.textContent),
			),
		).toEqual([
			['$500/mo', '$6,000/yr', '—', '—', '1'],
			['—', '—', '—', '€160', '1'],
			['—', '—', '$1,817,000 one-time', '—', '1'],
		]);
		const categories = [...page.querySelectorAll('#by-category ~ .table-scroll')][0]!;
		expect([...categories.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
			'Compute',
			'Database',
			'CDN',
			'Monitoring',
			'Other',
		]);
		expect([...page.querySelectorAll('.mismatch-list li')].map((li) => li.textContent)).toEqual([
			'Alpha Payments: written $450/mo, rows sum to $500/mo (plans/alpha.md:33)',
		]);
		expectAnchorsExist(page);
	});
});

describe('risks', () => {
	it('counts risks in every cell of a 4×4 matrix and lists them most severe first', () => {
		const page = site.page('risks/index.html');
		const cells = [...page.querySelectorAll('.risk-grid tbody td')];
		expect(cells).toHaveLength(16);
		expect(cells.map((cell) => cell.getAttribute('data-count'))).toEqual(Array(16).fill('1'));
		const first = page.querySelector('.risk-grid tbody tr td')!;
		expect(first.querySelector('a')!.getAttribute('href')).toBe(
			'/plans/team/gamma/#risk-critical-likelihood-low-impact',
		);
		const severities = [
			...page.querySelectorAll('table[data-sortable] tbody tr td:nth-child(3)'),
		].map((td) => Number(td.getAttribute('data-sort')));
		expect(severities).toEqual([...severities].sort((a, b) => b - a));
		expect(severities[0]).toBe(16);
		expectAnchorsExist(page);
	});
});

describe('milestones and questions', () => {
	it('marks overdue milestones against the build date and lists the next ones', () => {
		const page = site.page('milestones/index.html');
		const states = Object.fromEntries(
			[...page.querySelectorAll('tbody tr')].map((tr) => [
				tr.querySelector('a')!.textContent,
				tr.getAttribute('data-state'),
			]),
		);
		expect(states).toEqual({
			'Design done': 'done',
			Pilot: 'overdue',
			Launch: 'upcoming',
			'Schema frozen': 'upcoming',
			GA: 'upcoming',
			MVP: 'undated',
			'V1.0': 'undated',
		});
		expect([...page.querySelectorAll('.next-up li a')].map((a) => a.textContent)).toEqual([
			'Schema frozen',
			'GA',
			'Launch',
		]);
		expect(page.querySelector('figure.timeline-chart svg')).not.toBeNull();
		expectAnchorsExist(page);
	});

	it('lists open questions overdue first', () => {
		const page = site.page('questions/index.html');
		const rows = [...page.querySelectorAll('tbody tr')].map((tr) => [
			tr.querySelector('a')!.textContent,
			tr.hasAttribute('data-overdue'),
		]);
		expect(rows).toEqual([
			['Which acquirer first?', true],
			['Keep the v1 API?', false],
		]);
		expectAnchorsExist(page);
	});
});

describe('glossary and backlinks', () => {
	it('merges terms and shows conflicting definitions', () => {
		const page = site.page('glossary/index.html');
		const slo = page.getElementById('term-slo')!;
		expect(slo.getAttribute('data-conflicting')).toBe('true');
		expect(slo.querySelectorAll('dd')).toHaveLength(2);
		expect(page.getElementById('term-psp')!.hasAttribute('data-conflicting')).toBe(false);
		expectAnchorsExist(page);
	});

	it('lists the plans that link to a plan, with the linking section', () => {
		const beta = site.page('plans/team/beta/index.html');
		expect(
			[...beta.querySelectorAll('.backlinks a')].map((a) => [
				a.getAttribute('href'),
				a.textContent,
			]),
		).toEqual([['/plans/alpha/#executive-summary', 'Alpha Payments › Executive Summary']]);
		const alpha = site.page('plans/alpha/index.html');
		expect([...alpha.querySelectorAll('.backlinks a')].map((a) => a.getAttribute('href'))).toEqual([
			'/plans/team/gamma/',
		]);
	});
});

describe('search', () => {
	it('indexes plan pages with Pagefind, with a status filter, leaving out navigation', () => {
		expect(site.file('pagefind/pagefind-ui.js').length).toBeGreaterThan(1000);
		expect(site.file('pagefind/pagefind-entry.json')).toContain('"page_count":3');
		const alpha = site.page('plans/alpha/index.html');
		expect(alpha.querySelector('main')!.getAttribute('data-pagefind-filter')).toBe(
			'status:In Review',
		);
		expect(alpha.querySelector('.toc')!.hasAttribute('data-pagefind-ignore')).toBe(true);
		expect(
			site.page('search/index.html').querySelector('#plans-search')!.getAttribute('data-bundle'),
		).toBe('/pagefind/');
	});
});
