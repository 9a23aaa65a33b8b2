import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import type { AstroInlineConfig } from 'astro';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import plans from 'astro-technical-plans';
import { expect } from 'vitest';
import type { BuiltSite } from './build.ts';

/**
 * A throw-away site in `.tmp/<name>/` for plans that are assembled at test time (copied from
 * elsewhere, or generated), with the plans collection set up. `fill` writes the plans into
 * the folder it is given.
 */
export async function throwAwaySite(
	name: string,
	fill: (plansDir: URL) => Promise<void>,
): Promise<URL> {
	const root = new URL(`../../.tmp/${name}/`, import.meta.url);
	await rm(root, { recursive: true, force: true });
	await mkdir(new URL('./src/', root), { recursive: true });
	await mkdir(new URL('./plans/', root), { recursive: true });
	await writeFile(
		new URL('./src/content.config.ts', root),
		`import { defineCollection } from 'astro:content';
import { plansLoader } from 'astro-technical-plans/loader';
import { planSchema } from 'astro-technical-plans/schema';
export const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };
`,
	);
	await fill(new URL('./plans/', root));
	return root;
}

/** Astro config for such a site. Real plans link to files that are not there: report, don't fail. */
export function throwAwaySiteConfig(): AstroInlineConfig {
	return {
		configFile: false,
		markdown: { processor: unified() },
		integrations: [mdx(), plans({ brokenLinks: 'warn' })],
	};
}

/** Every plan page of a built site, found through the index's links, with the link text. */
export function planPages(site: BuiltSite): Array<[string, Document]> {
	const links = [
		...site.page('index.html').querySelectorAll<HTMLAnchorElement>('.plans-table tbody a'),
	];
	return links.map((link) => [
		link.textContent!,
		site.page(`${decodeURI(link.getAttribute('href')!)}index.html`),
	]);
}

/** Table of contents entries, and the headings of the plan at the levels its outline lists (the footnotes label is not a section). */
export function tocAndHeadings(page: Document): { toc: number; headings: number } {
	// The outline's levels: the highest heading level of the plan's sections and the one below
	// (h2 and h3 in the template); a lone h1 that is not the title is not a section level.
	const levels = [
		...page.querySelectorAll('.plan-content :is(h1, h2, h3, h4, h5, h6):not(#footnote-label)'),
	].map((heading) => Number(heading.tagName[1]));
	const outline = levels.filter(
		(level) => level > 1 || levels.filter((other) => other === 1).length > 1,
	);
	const top = Math.min(...outline);
	return {
		toc: page.querySelectorAll('.toc a').length,
		headings: outline.filter((level) => level <= top + 1).length,
	};
}

/** Ids that occur more than once on a page. */
export function repeatedIds(page: Document): string[] {
	const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
	return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** The plan header's metadata fields (`Version`, `Date`, `Status` …) by name. */
export function metaFields(page: Document): Record<string, string> {
	return Object.fromEntries(
		[...page.querySelectorAll('.plan-meta > div')].map((div) => [
			div.querySelector('dt')!.textContent,
			div.querySelector('dd')!.textContent!.trim(),
		]),
	);
}

/** Every document is a plan page with a title, one table-of-contents entry per heading, and unique ids. */
export function expectPlanPagesFor(site: BuiltSite, documents: number): void {
	const pages = planPages(site);
	expect(pages).toHaveLength(documents);
	for (const [name, page] of pages) {
		expect(page.querySelector('.plan-header h1')!.textContent!.length, name).toBeGreaterThan(0);
		const { toc, headings } = tocAndHeadings(page);
		expect(toc, name).toBe(headings);
		expect(repeatedIds(page), name).toEqual([]);
	}
}
