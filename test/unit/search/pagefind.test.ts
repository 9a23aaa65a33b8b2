import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '#plans/search/pagefind.ts';
import { createHash } from 'node:crypto';
import { SearchablePages } from '#plans/search/pages.ts';
import { addContentSecurityPolicy, CSP_PLACEHOLDER } from '#plans/security/csp.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/search-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const page = (title: string, body: string) =>
	`<!DOCTYPE html><html lang="en" data-theme="light"><head><meta charset="utf-8"><title>${title}</title><style>.x{}</style></head><body><nav class="sidebar">All plans</nav><main id="plans-main" class="plan-main" data-pagefind-body data-pagefind-filter="status:Draft"><h1>${title}</h1>${body}</main><script>1</script></body></html>`;

function site(name: string, pages: Record<string, string>): string {
	const outDir = join(folder, name);
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(join(outDir, path, '..'), { recursive: true });
		writeFileSync(join(outDir, path), html);
	}
	return outDir;
}

/** A logger that keeps what it is told. */
function logger(): { lines: string[]; info(line: string): void } {
	const lines: string[] = [];
	return { lines, info: (line: string) => void lines.push(line) };
}

const files = (dir: string): Record<string, string> =>
	Object.fromEntries(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => [
				join(entry.parentPath, entry.name).slice(dir.length),
				readFileSync(join(entry.parentPath, entry.name), 'base64'),
			]),
	);

describe('the pages Pagefind indexes', () => {
	it('is every page with a searchable body, in path order, and no other page', () => {
		const outDir = site('pages', {
			'plans/b/index.html': page('B', ''),
			'plans/a/index.html': page('A', ''),
			'index.html': '<html><body>Index</body></html>',
		});
		const pages = SearchablePages.read(outDir);
		expect(pages.count).toBe(2);
		expect(pages.paths()).toEqual(['plans/a/index.html', 'plans/b/index.html']);
	});

	it('is seen by the content-security-policy pass as it leaves each page, so that nothing reads them again', async () => {
		const secured = (title: string) =>
			page(title, '').replace('<head>', `<head><meta content="${CSP_PLACEHOLDER}">`);
		const outDir = site('seen-by-csp', {
			'plans/a/index.html': secured('A'),
			'plans/b/index.html': page('B', ''),
			'index.html': '<html><body>Index</body></html>',
		});
		const seen = new SearchablePages();
		expect(await addContentSecurityPolicy(outDir, (path, html) => seen.see(path, html))).toBe(1);
		const digest = (pages: SearchablePages) => pages.addTo(createHash('sha256')).digest('hex');
		// The pages as written, policy included.
		expect(readFileSync(join(outDir, 'plans/a/index.html'), 'utf8')).not.toContain(CSP_PLACEHOLDER);
		expect(seen.paths()).toEqual(['plans/a/index.html', 'plans/b/index.html']);
		expect(digest(seen)).toBe(digest(SearchablePages.read(outDir)));
	});
});

describe('the search index', () => {
	it('is built once for the same pages, then linked; a changed page builds it again', async () => {
		const outDir = site('index', {
			'plans/a/index.html': page('Alpha', '<p>ledger reconciliation</p>'),
			'plans/b/index.html': page('Beta', '<p>token rotation</p>'),
		});
		const cacheDir = join(folder, 'cache');
		const first = logger();
		await writeSearchIndex(outDir, cacheDir, first as never);
		expect(first.lines.join('\n')).toMatch(/Search index written from 2 plan pages/);
		const built = files(join(outDir, 'pagefind'));
		expect(Object.keys(built).some((path) => path.endsWith('pagefind-ui.js'))).toBe(true);

		rmSync(join(outDir, 'pagefind'), { recursive: true });
		const second = logger();
		await writeSearchIndex(outDir, cacheDir, second as never);
		expect(second.lines.join('\n')).toMatch(/Search index of 2 plan pages unchanged: linked/);
		expect(files(join(outDir, 'pagefind'))).toEqual(built);

		writeFileSync(
			join(outDir, 'plans/b/index.html'),
			page('Beta', '<p>token rotation every hour</p>'),
		);
		rmSync(join(outDir, 'pagefind'), { recursive: true });
		const third = logger();
		await writeSearchIndex(outDir, cacheDir, third as never);
		expect(third.lines.join('\n')).toMatch(/Search index written from 2 plan pages/);
		expect(files(join(outDir, 'pagefind'))).not.toEqual(built);
	});

	it('is built again when a file of the kept index was rewritten in place through the built site', async () => {
		const outDir = site('rewritten', {
			'plans/a/index.html': page('Alpha', '<p>ledger reconciliation</p>'),
		});
		const cacheDir = join(folder, 'cache-rewritten');
		await writeSearchIndex(outDir, cacheDir, logger() as never);
		const built = files(join(outDir, 'pagefind'));
		// What a tool that minifies a built site in place does; the kept file is the same file.
		writeFileSync(join(outDir, 'pagefind/pagefind-ui.js'), 'minified');

		rmSync(join(outDir, 'pagefind'), { recursive: true });
		const told = logger();
		await writeSearchIndex(outDir, cacheDir, told as never);
		expect(told.lines.join('\n')).toMatch(/Search index written from 1 plan pages/);
		expect(files(join(outDir, 'pagefind'))).toEqual(built);
	});

	it('is built every time for a site without plan pages, whose pages the key does not cover', async () => {
		const outDir = site('no-plans', {
			'index.html': '<html lang="en"><body><h1>Home</h1><p>Welcome</p></body></html>',
		});
		const cacheDir = join(folder, 'cache-no-plans');
		for (let build = 0; build < 2; build++) {
			const told = logger();
			rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
			await writeSearchIndex(outDir, cacheDir, told as never);
			expect(told.lines.join('\n')).toMatch(/Search index written from 0 plan pages/);
		}
	});

	it('is the same bytes when built twice from the same pages', async () => {
		const pages = {
			'plans/a/index.html': page('Alpha', '<p>ledger</p>'),
			'plans/b/index.html': page('Beta', '<p>token</p>'),
		};
		const one = site('twice-1', pages);
		const two = site('twice-2', pages);
		await writeSearchIndex(one, join(folder, 'cache-1'), logger() as never);
		await writeSearchIndex(two, join(folder, 'cache-2'), logger() as never);
		expect(files(join(two, 'pagefind'))).toEqual(files(join(one, 'pagefind')));
	});
});
