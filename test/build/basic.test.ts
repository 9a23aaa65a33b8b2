import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import GithubSlugger from 'github-slugger';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('basic'), 'basic');
});

describe('basic fixture build', () => {
	it('builds one page per plan at its URL and ignores _ files', () => {
		const index = site.page('index.html');
		const links = [...index.querySelectorAll('.plans-table tbody a')].map((a) =>
			a.getAttribute('href'),
		);
		expect(links.sort()).toEqual(
			[
				'/plans/identity/',
				'/plans/notes/',
				'/plans/payments/checkout-service/',
				'/plans/équipe-données/plan-général/',
			].sort(),
		);
		expect(() => site.file('plans/draft/index.html')).toThrow();
		expect(site.page('plans/équipe-données/plan-général/index.html').title).toContain(
			'Plan général',
		);
	});

	it('gives headings exactly GitHub ids, duplicates numbered', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const ids = [...page.querySelectorAll('.plan-content :is(h2,h3,h4)')].map((h) => h.id);
		const slugger = new GithubSlugger();
		const expected = [
			'Executive Summary',
			'Architecture Overview',
			'Duplicate',
			'Duplicate',
			'Risks & Mitigations',
			'The fetch() API — "quoted" -- dashes',
			'Cost Estimation',
			'Content',
			'Rollout',
		].map((text) => slugger.slug(text));
		expect(ids).toEqual(expected);
		expect(ids).toContain('duplicate-1');
		expect(ids).toContain('the-fetch-api--quoted----dashes');
	});

	it('adds an accessible anchor link and a copy button after each heading', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const wrapper = page.getElementById('risks--mitigations')!.parentElement!;
		const anchor = wrapper.querySelector('a.anchor-link')!;
		expect(anchor.getAttribute('href')).toBe('#risks--mitigations');
		expect(anchor.getAttribute('aria-label')).toBe('Section titled “Risks & Mitigations”');
		// Copy-link buttons are made by the page script (test/browser): none is sent.
		expect(wrapper.querySelector('button')).toBeNull();
	});

	it('rewrites relative links between plans into site URLs', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const hrefs = [...page.querySelectorAll('.plan-content a:not(.anchor-link)')].map((a) =>
			a.getAttribute('href'),
		);
		expect(hrefs).toContain('/plans/identity/#token-lifecycle');
		expect(hrefs).toContain('/plans/identity/');
		expect(hrefs).toContain('#risks--mitigations');
		const mdx = site.page('plans/notes/index.html');
		expect(
			[...mdx.querySelectorAll('.plan-content a')].map((a) => a.getAttribute('href')),
		).toContain('/plans/identity/#token-lifecycle');
	});

	it('reads metadata from bold lines and from frontmatter (BOM, CRLF)', () => {
		const checkout = site.page('plans/payments/checkout-service/index.html');
		expect(metaOf(checkout)).toMatchObject({
			Status: 'Approved',
			Version: '2.1',
			Date: '2026-03-14',
			'Based on spec': 'Checkout spec v1.0',
		});
		expect(checkout.querySelector('.plan-meta a')!.getAttribute('href')).toBe(
			'https://example.com/spec',
		);
		// The bold lines and the h1 moved into the header; they are not repeated in the body.
		expect(checkout.querySelector('.plan-content')!.textContent).not.toContain('Version');
		const identity = site.page('plans/identity/index.html');
		expect(identity.querySelector('.plan-header h1')!.textContent).toBe('Identity Service');
		expect(metaOf(identity)).toMatchObject({
			Status: 'In Review',
			Version: '1.0',
			Date: '2026-02-01',
		});
	});

	it('shows a status of other words as written, coloured by its stage', () => {
		const page = site.page('plans/équipe-données/plan-général/index.html');
		expect(page.querySelector('.plan-meta .status-badge')!.textContent!.trim()).toBe('Superseded');
		// Its stage is closed: the badge is coloured and struck through as one.
		expect(page.querySelector('.plan-meta .status-badge')!.getAttribute('data-status')).toBe(
			'closed',
		);
	});

	it('renders MDX components', () => {
		const page = site.page('plans/notes/index.html');
		expect(page.querySelector('.plan-content strong')!.textContent).toBe('42');
	});

	it('replaces a missing image by a visible note instead of failing the build', () => {
		const page = site.page('plans/équipe-données/plan-général/index.html');
		expect(page.querySelector('.missing-image')!.textContent).toContain('diagramme');
	});

	it('builds the sidebar grouped by folder with the current plan marked, and prev/next links', () => {
		const page = site.page('plans/identity/index.html');
		expect([...page.querySelectorAll('.sidebar-folder')].map((p) => p.textContent)).toEqual([
			'Équipe Données',
			'payments',
		]);
		expect(page.querySelector('.sidebar a[aria-current="page"]')!.getAttribute('href')).toBe(
			'/plans/identity/',
		);
		expect(page.querySelector('.prev-next a[rel="next"]')!.getAttribute('href')).toBe(
			'/plans/notes/',
		);
	});

	it('lists h2–h3 headings in the table of contents', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const toc = [...page.querySelectorAll('.toc a')].map((a) => a.getAttribute('href'));
		expect(toc).toEqual([
			'#executive-summary',
			'#architecture-overview',
			'#duplicate',
			'#duplicate-1',
			'#risks--mitigations',
			'#the-fetch-api--quoted----dashes',
			'#cost-estimation',
			'#content',
			'#rollout',
		]);
	});

	it('keeps the page chrome ids apart from heading ids', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
		expect(page.querySelector('.skip-link')!.getAttribute('href')).toBe('#plans-main');
		expect(page.getElementById('plans-main')!.tagName).toBe('MAIN');
	});

	it('adds the computed total to a cost table and flags a written total that does not add up', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const table = page.querySelector('table.cost-table')!;
		const computed = table.querySelector('tr.cost-computed')!;
		expect(computed.querySelector('td')!.textContent).toBe('Computed total');
		// $120 + $180/mo, and "at least" because Backups is TBD.
		expect(computed.querySelector('td.cost-cell')!.textContent).toBe('at least $300/mo');
		expect(table.querySelectorAll('tbody td.cost-cell')).toHaveLength(5);
		const note = table.closest('.table-scroll')!.nextElementSibling!;
		expect(note.className).toBe('cost-mismatch');
		expect(note.textContent).toBe(
			'Total does not add up: written $250/mo, rows sum to at least $300/mo.',
		);
	});

	it('exports every plan to /plans.json, valid against /plans.schema.json', () => {
		const exported = JSON.parse(site.file('plans.json'));
		const schema = JSON.parse(site.file('plans.schema.json'));
		const validate = new Ajv2020({ strict: false }).compile(schema);
		expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
		expect(exported.plans.map((plan: { url: string }) => plan.url)).toEqual([
			'/plans/identity/',
			'/plans/notes/',
			'/plans/équipe-données/plan-général/',
			'/plans/payments/checkout-service/',
		]);
		const checkout = exported.plans.find(
			(plan: { id: string }) => plan.id === 'payments/checkout-service',
		);
		expect(checkout).toMatchObject({
			title: 'Technical Plan: Checkout Service',
			status: 'Approved',
			version: '2.1',
		});
		expect(checkout.costs[0].mismatch).toBe('written $250/mo, rows sum to at least $300/mo');
		expect(Object.keys(checkout).slice(0, 4)).toEqual(['id', 'url', 'title', 'status']);
	});

	it('shows risk levels as badges and gives each risk row a stable id', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		const row = page.getElementById('risk-outage')!;
		expect(row.tagName).toBe('TR');
		expect(
			[...row.querySelectorAll('.level-badge')].map((badge) => badge.getAttribute('data-level')),
		).toEqual(['low', 'high']);
		const exported = JSON.parse(site.file('plans.json'));
		const checkout = exported.plans.find(
			(plan: { id: string }) => plan.id === 'payments/checkout-service',
		);
		expect(checkout.risks).toEqual([
			{
				risk: 'Outage',
				likelihood: 'Low',
				impact: 'High',
				anchor: 'risk-outage',
				line: 27,
				section: 'risks--mitigations',
			},
		]);
	});

	it('wraps tables so wide ones scroll', () => {
		const page = site.page('plans/payments/checkout-service/index.html');
		expect(
			page.querySelector('.plan-content table')!.parentElement!.classList.contains('table-scroll'),
		).toBe(true);
	});

	it('links the favicon and shows the logo of each theme from public/, beside the title', () => {
		for (const path of ['index.html', 'plans/identity/index.html', '404.html']) {
			const page = site.page(path);
			const icon = page.querySelector('link[rel="icon"]')!;
			expect([icon.getAttribute('href'), icon.getAttribute('type')], path).toEqual([
				'/icon.png',
				'image/png',
			]);
			const title = page.querySelector('a.site-title')!;
			expect(
				[...title.querySelectorAll('img')].map((img) => [
					img.getAttribute('class'),
					img.getAttribute('src'),
					img.getAttribute('alt'),
				]),
			).toEqual([
				['site-logo site-logo-light', '/logo-light.svg', ''],
				['site-logo site-logo-dark', '/logo-dark.svg', ''],
			]);
			// The title stays visible next to the logo.
			expect(title.querySelector('.site-title-text')!.textContent).toBe('Fixture Plans');
			expect(title.querySelector('.sr-only')).toBeNull();
		}
		for (const file of ['icon.png', 'logo-light.svg', 'logo-dark.svg'])
			expect(() => site.file(file), file).not.toThrow();
		// The built-in icon is not served: the site named its own.
		expect(() => site.file('favicon.svg')).toThrow();
	});

	it('writes every page as one document: nothing after </html>', () => {
		const pages = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
			name.endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(10);
		const after = pages.filter((name) => !site.file(name).trimEnd().endsWith('</html>'));
		expect(after).toEqual([]);
	});

	it('leaves out what only astro dev uses to reload a stale plan page', () => {
		expect(site.page('plans/identity/index.html').querySelector('[data-plans-edition]')).toBeNull();
		const scripts = readdirSync(join(site.outDir, '_astro')).filter((name) => name.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		for (const name of scripts) expect(site.file(`_astro/${name}`)).not.toContain('plans:');
	});

	it("keeps the site's own robots.txt", () => {
		expect(site.file('robots.txt')).toBe('User-agent: *\nDisallow: /drafts/\n');
	});
});

/** The plan header's fields as `{ Status: 'Approved', … }`. */
function metaOf(page: Document): Record<string, string> {
	return Object.fromEntries(
		[...page.querySelectorAll('.plan-meta > div')].map((field) => [
			field.querySelector('dt')!.textContent!.trim(),
			field.querySelector('dd')!.textContent!.trim(),
		]),
	);
}
