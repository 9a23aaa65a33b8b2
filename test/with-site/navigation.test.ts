import build from 'virtual:plans/build';
import config from 'virtual:plans/config';
import { describe, expect, it } from 'vitest';
import { specUrl, urlOf, urlOfPlan } from '#plans/page-data/navigation.ts';

describe('page URLs of a site under a base path (base /handbook, trailingSlash always)', () => {
	it('serves the site settings and the integration options to the pages', () => {
		expect(config).toMatchObject({
			title: 'Handbook',
			base: '/handbook/',
			trailingSlash: 'always',
		});
		expect(config.completeness.required).toEqual(['Summary']);
	});

	it("gives a site's pages only the public settings; the build's own are in virtual:plans/build", () => {
		const buildOnly = Object.keys(build);
		expect(buildOnly).toEqual(
			expect.arrayContaining(['dev', 'mermaidCacheDir', 'renderedHtmlDir', 'root']),
		);
		expect(Object.keys(config).filter((key) => buildOnly.includes(key))).toEqual([]);
		expect(build.root).toBe(new URL('../fixtures/page-data/', import.meta.url).href);
	});

	it('puts the base in front of every page and a slash after it', () => {
		expect(urlOfPlan('payments/checkout')).toBe('/handbook/plans/payments/checkout/');
		expect(urlOf('')).toBe('/handbook/');
		expect(urlOf('costs')).toBe('/handbook/costs/');
	});

	it('turns a spec link to another plan into its page, keeping the anchor', () => {
		expect(specUrl('../specs/order-spec.md#scope', 'payments/checkout.md')).toBe(
			'/handbook/plans/specs/order-spec/#scope',
		);
		expect(specUrl('https://example.com/spec', 'payments/checkout.md')).toBe(
			'https://example.com/spec',
		);
		expect(specUrl('../../outside.md', 'payments/checkout.md')).toBeUndefined();
	});
});
