import { describe, expect, it } from 'vitest';
import { planIdFromPath } from '#plans/parse/paths.ts';
import { planIdFromPagePath, planUrl, sitePath } from '#plans/urls.ts';

describe('planIdFromPath', () => {
	it.each([
		['payments/checkout-service.md', 'payments/checkout-service'],
		['Checkout Service.md', 'checkout-service'],
		['Payments/Checkout Service.MDX', 'payments/checkout-service'],
		['équipe/Plan Général.md', 'équipe/plan-général'],
		// macOS writes decomposed accents (NFD); the URL is the same as for NFC.
		['e\u0301quipe/plan.md', 'équipe/plan'],
		['日本語/計画.md', '日本語/計画'],
		['ops/v2.0 plan.md', 'ops/v20-plan'],
		['guides/index.md', 'guides'],
	])('%s → %s', (path, id) => {
		expect(planIdFromPath(path)).toBe(id);
	});

	it('returns undefined when nothing URL-worthy is left', () => {
		expect(planIdFromPath('???.md')).toBeUndefined();
		expect(planIdFromPath('ok/!!!/plan.md')).toBeUndefined();
	});

	it('maps names that differ only in case and spacing to one id (a collision the loader reports)', () => {
		expect(planIdFromPath('Checkout Service.md')).toBe(planIdFromPath('checkout-service.md'));
	});
});

describe('sitePath / planUrl', () => {
	it.each([
		['/', 'ignore', 'plans/a', '/plans/a/'],
		['/', 'always', 'plans/a', '/plans/a/'],
		['/', 'never', 'plans/a', '/plans/a'],
		['/docs', 'ignore', 'plans/a', '/docs/plans/a/'],
		['/docs/', 'never', 'plans/a', '/docs/plans/a'],
		['/docs', 'never', '', '/docs'],
		['/docs', 'always', '', '/docs/'],
		['/', 'never', '', '/'],
	] as const)('base %s, trailingSlash %s: %s → %s', (base, trailingSlash, path, url) => {
		expect(sitePath(path, { base, trailingSlash })).toBe(url);
	});

	it('builds plan URLs under /plans/', () => {
		expect(planUrl('payments/checkout-service', { base: '/', trailingSlash: 'ignore' })).toBe(
			'/plans/payments/checkout-service/',
		);
	});
});

describe('planIdFromPagePath', () => {
	it.each([
		['/plans/payments/checkout-service/', '/', 'payments/checkout-service'],
		['/plans/payments/checkout-service', '/', 'payments/checkout-service'],
		['/plans/payments/checkout-service/index.html', '/', 'payments/checkout-service'],
		['/docs/plans/%C3%A9quipe/vue/', '/docs', 'équipe/vue'],
		['/docs/plans/%C3%A9quipe/vue/', '/docs/', 'équipe/vue'],
	])('%s under base %s → %s', (path, base, id) => {
		expect(planIdFromPagePath(path, base)).toBe(id);
	});

	it('is undefined for other pages and for paths it cannot decode', () => {
		for (const path of ['/', '/plans/', '/costs/', '/docs/plans/x/', '/plans/%E0%A4%A/'])
			expect(planIdFromPagePath(path, path.startsWith('/docs') ? '/' : '/'), path).toBeUndefined();
	});

	it('reverses planUrl', () => {
		for (const trailingSlash of ['always', 'never', 'ignore'] as const) {
			expect(
				planIdFromPagePath(
					planUrl('équipe/plan-général', { base: '/docs', trailingSlash }),
					'/docs',
				),
			).toBe('équipe/plan-général');
		}
	});
});
