import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

describe('a site with plans() but no plans collection', () => {
	it('stops the build with an AstroError whose hint shows the lines to add', async () => {
		const error = await buildSite(fixture('no-collection'), 'no-collection').catch((error: Error & { hint?: string }) => error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('no plans collection loaded with plansLoader()');
		const { hint } = error as { hint?: string };
		expect(hint).toContain("import { plansLoader } from 'astro-technical-plans/loader';");
		expect(hint).toContain("import { planSchema } from 'astro-technical-plans/schema';");
		expect(hint).toContain('plans: defineCollection({ loader: plansLoader(), schema: planSchema() })');
	});
});
