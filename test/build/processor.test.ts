import mdx from '@astrojs/mdx';
import { type AstroInlineConfig } from 'astro';
import plans from 'astro-technical-plans';
import { cp, mkdir, rm } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

/** The same site without the integration: its own pages only, built with `config`. */
async function buildWithoutPlans(
	name: string,
	from: URL,
	config: AstroInlineConfig,
): Promise<BuiltSite> {
	const root = new URL(`../../.tmp/${name}/`, import.meta.url);
	await rm(root, { recursive: true, force: true });
	await mkdir(new URL('src/', root), { recursive: true });
	await cp(new URL('src/pages/', from), new URL('src/pages/', root), { recursive: true });
	return buildSite(root, name, { configFile: false, ...config });
}

/** The cells of a page's computed cost total row. */
const computedTotal = (page: Document) =>
	[...page.querySelector<HTMLTableRowElement>('tr.cost-computed')!.cells].map(
		(cell) => cell.textContent,
	);

describe('a site on Astro 7’s default processor (Sätteri)', () => {
	let site: BuiltSite;
	let without: BuiltSite;
	beforeAll(async () => {
		site = await buildSite(fixture('satteri'), 'satteri');
		without = await buildWithoutPlans('satteri-without-plans', fixture('satteri'), {});
	});

	it('publishes Markdown plans with everything the plans pipeline adds', () => {
		const page = site.page('plans/a/index.html');
		expect(page.querySelector('.plan-header h1')!.textContent).toBe('Payments Gateway');
		expect(
			page.querySelector('.heading-wrapper a.anchor-link[href="#cost-estimation"]'),
		).not.toBeNull();
		expect(page.querySelector('figure.diagram-ascii svg')).not.toBeNull();
		expect(computedTotal(page)).toEqual(['Computed total', '$200/mo']);
		expect(page.querySelector('pre.astro-code.astro-code-themes')!.className).toContain(
			'github-light-default',
		);
		// Straight quotes and dashes, as GitHub shows the same file.
		expect(
			page.querySelector('#architecture-overview')!.closest('.heading-wrapper')!.nextElementSibling!
				.textContent,
		).toBe('"Quoted" words -- and dashes -- stay as written, as on GitHub.');
	});

	it('leaves the site’s own Markdown pages exactly as they are without the integration', () => {
		expect(site.file('about/index.html')).toBe(without.file('about/index.html'));
		// The site's smart punctuation is its own: the plans' straight quotes do not leak.
		expect(site.page('about/index.html').querySelector('p')!.textContent).toContain('“handbook”');
	});

	it('stops at an MDX plan that mdx() compiles with a processor of its own', async () => {
		const error = await buildSite(fixture('satteri'), 'satteri-mdx', {
			configFile: false,
			integrations: [mdx({ extendMarkdownConfig: false }), plans({ directory: 'mdx-plans' })],
		}).catch((error: Error) => error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain(
			'mdx-plans/notes.mdx is an MDX plan, and @astrojs/mdx compiled it with a Markdown processor of its own',
		);
		expect((error as Error).message).toContain(
			'Remove the `processor` option (or `extendMarkdownConfig: false`) from mdx()',
		);
	});
});

/** What the plans pipeline adds to the ledger MDX plan, on any processor. */
function expectPlanPipeline(page: Document) {
	expect(page.querySelector('.plan-content p')!.textContent).toBe('Owned by Payments.');
	expect(
		page.querySelector('.heading-wrapper a.anchor-link[href="#cost-estimation"]'),
	).not.toBeNull();
	expect(page.querySelector('figure.diagram-ascii svg')).not.toBeNull();
	expect(computedTotal(page)).toEqual(['Computed total', '$345/mo']);
	expect(page.querySelector('tr#cost-compute a.row-anchor')).not.toBeNull();
	// Straight quotes and dashes, as GitHub shows the same file, whatever the site's punctuation.
	expect(page.querySelectorAll('.plan-content p')[1]!.textContent).toBe(
		'The "ledger" -- written as on GitHub.',
	);
}

/** The site's own pages are what a build without the integration makes of them. */
function expectOwnPagesUnchanged(site: BuiltSite, without: BuiltSite) {
	for (const page of ['about/index.html', 'notes/index.html'])
		expect(site.file(page), page).toBe(without.file(page));
	const notes = site.page('notes/index.html');
	expect(notes.querySelector('h1')!.textContent).toBe('Notes for 2026');
	expect(notes.querySelector('.anchor-link, figure, .table-scroll')).toBeNull();
	expect(notes.querySelector('p')!.textContent).toContain('“notes”');
}

describe('a site on the default processor (Sätteri) with MDX plans and MDX pages', () => {
	let site: BuiltSite;
	let without: BuiltSite;
	beforeAll(async () => {
		site = await buildSite(fixture('mdx-pages'), 'mdx-pages-satteri', {
			configFile: false,
			integrations: [mdx(), plans({ title: 'MDX Plans' })],
		});
		without = await buildWithoutPlans('mdx-pages-satteri-without-plans', fixture('mdx-pages'), {
			integrations: [mdx()],
		});
	});

	it('gives MDX plans the plans plugins', () => {
		expectPlanPipeline(site.page('plans/ledger/index.html'));
	});

	it('leaves the site’s own Markdown and MDX pages exactly as they are without the integration', () => {
		expectOwnPagesUnchanged(site, without);
	});
});

describe('a site on the unified processor with MDX plans and MDX pages', () => {
	let site: BuiltSite;
	let without: BuiltSite;
	beforeAll(async () => {
		const { unified } = await import('@astrojs/markdown-remark');
		site = await buildSite(fixture('mdx-pages'), 'mdx-pages');
		without = await buildWithoutPlans('mdx-pages-without-plans', fixture('mdx-pages'), {
			markdown: { processor: unified() },
			integrations: [mdx()],
		});
	});

	it('gives MDX plans the plans plugins, and none of the site’s smart punctuation', () => {
		expectPlanPipeline(site.page('plans/ledger/index.html'));
	});

	it('leaves the site’s own Markdown and MDX pages exactly as they are without the integration', () => {
		expectOwnPagesUnchanged(site, without);
	});
});
