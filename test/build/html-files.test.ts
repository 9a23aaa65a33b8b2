import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

const cacheDir = fileURLToPath(new URL('./node_modules/.astro-html-files/', fixture('indexes')));
const htmlDir = `${cacheDir}plans-html/`;
let first: BuiltSite;

beforeAll(async () => {
	first = await buildSite(fixture('indexes'), 'html-files', {}, { cache: 'html-files' });
});

const articleText = (site: BuiltSite) =>
	site.page('plans/alpha/index.html').querySelector('article.plan-content')!.innerHTML;

describe('rendered plan HTML', () => {
	it('is kept in one file per plan beside the content cache, not in the content store', () => {
		const files = readdirSync(htmlDir).filter((name) => name.endsWith('.html'));
		expect(files).toHaveLength(3);
		const store = readFileSync(`${cacheDir}data-store.json`, 'utf8');
		// A heading anchor of every page is in the HTML files, none in the store.
		expect(
			files.some((name) => readFileSync(htmlDir + name, 'utf8').includes('class="anchor-link"')),
		).toBe(true);
		expect(store).not.toContain('anchor-link');
		expect(articleText(first)).toContain('class="anchor-link"');
	});

	it('is rendered again on a warm build when its file is gone', async () => {
		rmSync(htmlDir, { recursive: true });
		const again = await buildSite(
			fixture('indexes'),
			'html-files-again',
			{},
			{ cache: 'html-files', keepCache: true },
		);
		expect(articleText(again)).toBe(articleText(first));
		expect(readdirSync(htmlDir).filter((name) => name.endsWith('.html'))).toHaveLength(3);
	});

	it('of plan versions no longer in the store is removed', async () => {
		const stale = `${htmlDir}0000stale.html`;
		writeFileSync(stale, '<p>old</p>');
		await buildSite(
			fixture('indexes'),
			'html-files-again',
			{},
			{ cache: 'html-files', keepCache: true },
		);
		expect(existsSync(stale)).toBe(false);
		expect(readdirSync(htmlDir)).toHaveLength(3);
	});
});
