import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import plans from '../../integrations/plans/index.ts';
import { type BuiltSite, buildSite } from '../helpers/build.ts';

// The real documents stay in shared/; the test copies them into a throw-away site.
const corpus = new URL('../../../shared/corpus/real/', import.meta.url);
const root = new URL('../../.tmp/corpus-site/', import.meta.url);

let site: BuiltSite;
let documents: string[];
beforeAll(async () => {
	documents = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md');
	await rm(root, { recursive: true, force: true });
	await mkdir(new URL('./src/', root), { recursive: true });
	await cp(corpus, new URL('./plans/', root), { recursive: true, filter: (source) => !source.endsWith('SOURCES.md') });
	await writeFile(
		new URL('./src/content.config.ts', root),
		`import { defineCollection } from 'astro:content';
import { plansLoader } from '../../../integrations/plans/loader.ts';
import { planSchema } from '../../../integrations/plans/schema.ts';
export const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };
`,
	);
	// Real documents link to files that are not part of this corpus: report, don't fail.
	site = await buildSite(root, 'corpus', {
		configFile: false,
		markdown: { processor: unified() },
		integrations: [mdx(), plans({ brokenLinks: 'warn' })],
	});
}, 600_000);

describe('the real-document corpus', () => {
	it('has the 26 documents', () => {
		expect(documents).toHaveLength(26);
	});

	it('builds every document as a plan page with its headings', () => {
		const index = site.page('index.html');
		expect(index.querySelectorAll('.plans-table tbody tr')).toHaveLength(documents.length);
		for (const [name, page] of pages()) {
			expect(page.querySelector('.plan-header h1')!.textContent!.length, name).toBeGreaterThan(0);
			const tocCount = page.querySelectorAll('.toc a').length;
			const headingCount = page.querySelectorAll('.plan-content :is(h2, h3):not(#footnote-label)').length;
			expect(tocCount, name).toBe(headingCount);
		}
	});

	it('keeps every heading id unique within a page', () => {
		for (const [name, page] of pages()) {
			const ids = [...page.querySelectorAll('[id]')].map((el) => el.id);
			expect(new Set(ids).size, name).toBe(ids.length);
		}
	});

	it('reads the template metadata of the closest documents', () => {
		const page = site.page('plans/oaknational__dfe-curriculum-ontology__architecture/index.html');
		const fields = Object.fromEntries(
			[...page.querySelectorAll('.plan-meta > div')].map((div) => [div.querySelector('dt')!.textContent, div.querySelector('dd')!.textContent!.trim()]),
		);
		expect(Object.keys(fields)).toEqual(expect.arrayContaining(['Version', 'Date', 'Status']));
	});
});

/** Every plan page of the corpus site, found through the index's links. */
function pages(): Array<[string, Document]> {
	const links = [...site.page('index.html').querySelectorAll<HTMLAnchorElement>('.plans-table tbody a')];
	return links.map((link) => [link.textContent!, site.page(`${decodeURI(link.getAttribute('href')!)}index.html`)]);
}
