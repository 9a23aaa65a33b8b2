import { cp, readdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { longPlan } from '../helpers/long-plan.ts';
import {
	expectPlanPagesFor,
	metaFields,
	throwAwaySite,
	throwAwaySiteConfig,
	tocAndHeadings,
} from '../helpers/plan-site.ts';

// Small plans written here that reproduce what published plans do to a site (raw HTML tables,
// footnotes, Mermaid inside <details> in a list, `{#id}` headings, front matter, a 5,000-line
// plan), next to the template-shaped plan: the same checks `npm run test:corpus` runs on real ones.
const longPlanText = longPlan();
let site: BuiltSite;
let documents: string[];
beforeAll(async () => {
	const root = await throwAwaySite('real-shapes-site', async (plansDir) => {
		await cp(new URL('./plans/', fixture('real-shapes')), plansDir, { recursive: true });
		await cp(
			new URL('./technical-plan.md', fixture('template')),
			new URL('./technical-plan.md', plansDir),
		);
		await writeFile(new URL('./long-plan.md', plansDir), longPlanText);
		documents = (await readdir(plansDir)).filter((name) => /\.mdx?$/.test(name));
	});
	// `{#id}` heading ids are not GitHub's, so the roadmap's own contents links do not land.
	site = await buildSite(root, 'real-shapes', throwAwaySiteConfig(), {
		deadLinks: ['plans/roadmap/index.html#ga-phase', 'plans/roadmap/index.html#pilot-phase'],
	});
}, 600_000);

describe('plans shaped like real ones', () => {
	it('builds every document as a plan page with its headings and unique ids', () => {
		expect(documents).toHaveLength(15);
		expectPlanPagesFor(site, documents.length);
	});

	it('shows the bold-line metadata of the template plan in its header', () => {
		expect(metaFields(site.page('plans/technical-plan/index.html'))).toMatchObject({
			Version: '1.2',
			Date: '2026-02-03',
			Status: 'In Review',
		});
	});

	it('lists every section of a 5,000-line plan in its table of contents', () => {
		expect(longPlanText.split('\n').length).toBeGreaterThan(5_000);
		const sections = longPlanText.match(/^#{2,3} /gm)!.length;
		const { toc, headings } = tocAndHeadings(site.page('plans/long-plan/index.html'));
		expect(sections).toBeGreaterThan(500);
		expect([toc, headings]).toEqual([sections, sections]);
	});

	it('builds a plan whose frontmatter YAML cannot read, reads the entries around the broken one, and shows that one as written', () => {
		const page = site.page('plans/unquoted-author-rfc/index.html');
		expect(metaFields(page)).toMatchObject({ Status: 'Draft' });
		const notice = page.querySelector('.frontmatter-unread')!;
		expect(notice.querySelector('figcaption')!.textContent).toBe(
			'Line 4: Plain value cannot start with reserved character @',
		);
		expect(notice.querySelector('pre')!.textContent).toBe('Author: @flow-maintainer');
		// Its links to the ids of its raw HTML land.
		const content = page.querySelector('.plan-content')!;
		expect(content.querySelector('#defid')).not.toBeNull();
		expect(content.querySelector('a[name="depgraph"]')).not.toBeNull();
	});

	it('builds an MDX plan whose frontmatter YAML cannot read, which @astrojs/mdx alone would stop the build on', () => {
		const page = site.page('plans/unquoted-owner-adr/index.html');
		expect(page.querySelector('.plan-header h1')!.textContent).toBe('ADR 7: One queue per tenant');
		expect(metaFields(page)).toMatchObject({ Status: 'Approved' });
		expect(page.querySelector('.frontmatter-unread pre')!.textContent).toBe('owner: @queue-team');
		expect(page.querySelector('.plan-content strong')!.textContent).toBe('its own queue');
	});

	it('keeps a raw HTML cost table with rowspan cells and line breaks', () => {
		const table = site
			.page('plans/html-cost-table/index.html')
			.querySelector('.plan-content table')!;
		expect(
			[...table.querySelectorAll('td[rowspan="2"]')].map((cell) =>
				cell.textContent!.trim().slice(0, 12),
			),
		).toEqual(['Console', 'Static asset', 'Core']);
		expect(table.querySelectorAll('br')).toHaveLength(3);
	});

	it('renders a Mermaid diagram indented inside <details> in a list item', () => {
		const page = site.page('plans/encryption-kep/index.html');
		const figure = page.querySelector('details figure.diagram-mermaid')!;
		expect(figure.querySelector(':is(.mermaid-themed, .mermaid-light) > svg')).not.toBeNull();
		expect(figure.closest('li')).not.toBeNull();
		expect(page.querySelectorAll('pre.mermaid-source')).toHaveLength(0);
	});

	it('renders footnotes after the plan and links each reference to its note', () => {
		const page = site.page('plans/publishing-tokens/index.html');
		const references = [
			...page.querySelectorAll<HTMLAnchorElement>('.plan-content sup a[href^="#"]'),
		];
		expect(references).toHaveLength(3);
		for (const reference of references)
			expect(
				page.getElementById(reference.getAttribute('href')!.slice(1)),
				reference.href,
			).not.toBeNull();
	});
});
