import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

const previousEpoch = process.env.SOURCE_DATE_EPOCH;
const deployed = { site: 'https://acme.example', base: '/handbook' };
let first: BuiltSite;
let second: BuiltSite;

beforeAll(async () => {
	process.env.SOURCE_DATE_EPOCH = '1780272000';
	// Two cold builds of the same sources, each with its own cache: the first renders plans in
	// the build's thread, the second in two render threads.
	first = await buildSite(fixture('indexes'), 'deploy-a', deployed, { cache: 'deploy-a' });
	process.env.PLANS_FIXTURE_RENDER_THREADS = '2';
	try {
		second = await buildSite(fixture('indexes'), 'deploy-b', deployed, { cache: 'deploy-b' });
	} finally {
		delete process.env.PLANS_FIXTURE_RENDER_THREADS;
	}
});
afterAll(() => {
	if (previousEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
	else process.env.SOURCE_DATE_EPOCH = previousEpoch;
});

async function fingerprints(site: BuiltSite): Promise<Record<string, string>> {
	const files = (await glob('**/*', { cwd: site.outDir, dot: true })).sort();
	return Object.fromEntries(
		files.map((file) => [
			file,
			createHash('sha256')
				.update(readFileSync(`${site.outDir}/${file}`))
				.digest('hex'),
		]),
	);
}

describe('a deployable build', () => {
	it('is byte-identical when built twice from the same sources, in one thread or in render threads', async () => {
		const a = await fingerprints(first);
		const b = await fingerprints(second);
		expect(Object.keys(a).length).toBeGreaterThan(30);
		expect(b).toEqual(a);
	});

	it('has a sitemap of every page under the site and base', () => {
		const sitemap = first.file('sitemap-0.xml');
		const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
		expect(urls).toContain('https://acme.example/handbook/plans/alpha/');
		expect(urls).toContain('https://acme.example/handbook/risks/');
		expect(urls.every((url) => url!.startsWith('https://acme.example/handbook/'))).toBe(true);
	});

	it('gives each plan a canonical URL and OpenGraph and Twitter tags with its title, status and summary', () => {
		const page = first.page('plans/alpha/index.html');
		const meta = (selector: string) => page.querySelector(selector)?.getAttribute('content');
		expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
			'https://acme.example/handbook/plans/alpha/',
		);
		expect(meta('meta[property="og:title"]')).toBe('Technical Plan: Alpha Payments');
		expect(meta('meta[property="og:type"]')).toBe('article');
		expect(meta('meta[property="og:url"]')).toBe('https://acme.example/handbook/plans/alpha/');
		expect(meta('meta[property="og:description"]')).toBe(
			"Status: In Review. Alpha moves card payments to the new ledger. It depends on Beta's risks.",
		);
		expect(meta('meta[name="twitter:card"]')).toBe('summary');
		// X falls back to the Open Graph title and description: they are not written twice.
		expect(
			page.querySelectorAll('meta[name="twitter:title"], meta[name="twitter:description"]'),
		).toHaveLength(0);
	});

	it('has a 404 page that leads back to the plans and search', () => {
		const page = first.page('404.html');
		expect(page.querySelector('h1')!.textContent).toBe('Page not found');
		expect([...page.querySelectorAll('main a')].map((a) => a.getAttribute('href'))).toEqual([
			'/handbook/',
			'/handbook/search/',
		]);
	});

	it('writes a robots.txt that names the sitemap under the site and base', () => {
		expect(first.file('robots.txt')).toBe(
			'User-agent: *\nAllow: /\nSitemap: https://acme.example/handbook/sitemap-index.xml\n',
		);
		expect(() => first.file('sitemap-index.xml')).not.toThrow();
	});

	it('serves the built-in icon as favicon.svg when the site has no public/ folder', () => {
		expect(first.file('favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		const icon = first.page('plans/alpha/index.html').querySelector('link[rel="icon"]')!;
		expect([icon.getAttribute('href'), icon.getAttribute('type')]).toEqual([
			'/handbook/favicon.svg',
			'image/svg+xml',
		]);
		expect(first.page('index.html').querySelector('.site-logo')).toBeNull();
	});
});
