import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

describe('two plans with one URL', () => {
	it('fails the build naming both files', async () => {
		await expect(buildSite(fixture('collision'), 'collision')).rejects.toThrow(
			'Two plans map to the same URL /plans/checkout-service/: plans/Checkout Service.md and plans/checkout-service.md.',
		);
	});
});
