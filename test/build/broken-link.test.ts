import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

describe('a plan with broken links', () => {
	it('fails the build naming file:line:column and the closest anchor', async () => {
		const error: Error = await buildSite(fixture('broken-link'), 'broken').then(
			() => {
				throw new Error('the build should have failed');
			},
			(error: Error) => error,
		);
		expect(error.message).toContain('3 problems in plans');
		expect(error.message).toContain(
			'plans/web.md:6:9 error Link "api.md#rate-limit" points to a heading "#rate-limit" that does not exist in plans/api.md.',
		);
		expect(error.message).toContain('The closest existing anchor is "#rate-limits".');
		expect(error.message).toContain(
			'plans/web.md:8:6 error Link "apii.md" points to a plan that does not exist (apii.md).',
		);
		expect(error.message).toContain('Did you mean "api.md"?');
		expect(error.message).toContain('plans/web.md:8:38 error Link "#nowhere"');
		// The good link is not reported.
		expect(error.message).not.toContain('#token-lifecycle"');
		expect((error as Error & { hint?: string }).hint).toContain('brokenLinks: "warn"');
	});
});
