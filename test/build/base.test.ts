import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('basic'), 'base', { base: '/docs', trailingSlash: 'never' });
});

describe('a site deployed under /docs with trailingSlash: "never"', () => {
	it('puts base in front of every plan, index and asset URL, without trailing slash', () => {
		const index = site.page('index.html');
		const links = [...index.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
		expect(links).toContain('/docs/plans/identity');
		expect(links).toContain('/docs');
		expect(links.filter((href) => href.startsWith('/') && !href.startsWith('/docs'))).toEqual([]);
		const page = site.page('plans/payments/checkout-service/index.html');
		const all = [...page.querySelectorAll('[href], [src]')].map(
			(el) => el.getAttribute('href') ?? el.getAttribute('src')!,
		);
		expect(
			all.filter((url) => url.startsWith('/') && !url.startsWith('/docs/') && url !== '/docs'),
		).toEqual([]);
		expect(all).toContain('/docs/plans/identity#token-lifecycle');
		expect(page.querySelector('.sidebar a[aria-current="page"]')!.getAttribute('href')).toBe(
			'/docs/plans/payments/checkout-service',
		);
	});

	it('links the favicon and logo from public/ under the base', () => {
		const page = site.page('plans/identity/index.html');
		expect(page.querySelector('link[rel="icon"]')!.getAttribute('href')).toBe('/docs/icon.png');
		expect([...page.querySelectorAll('.site-logo')].map((img) => img.getAttribute('src'))).toEqual([
			'/docs/logo-light.svg',
			'/docs/logo-dark.svg',
		]);
	});
});
