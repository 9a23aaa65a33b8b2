import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

describe('a site with plans() but no plans collection', () => {
	it('stops the build with an AstroError whose hint names init and shows the lines to add', async () => {
		const error = await buildSite(fixture('no-collection'), 'no-collection').catch(
			(error: Error & { hint?: string }) => error,
		);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('no plans collection loaded with plansLoader()');
		const { hint } = error as { hint?: string };
		expect(hint).toContain('Run `npx astro-technical-plans init`, which adds it');
		expect(hint).toContain("import { plansLoader } from 'astro-technical-plans/loader';");
		expect(hint).toContain('plans: defineCollection({ loader: plansLoader() })');
	});
});

describe('a plans collection that disagrees with plans()', () => {
	it('stops the build when plansLoader() is given another folder, and shows how to set it once', async () => {
		const error = (await buildSite(fixture('loader-folder'), 'loader-folder').catch(
			(caught: Error) => caught,
		)) as Error & { hint?: string };
		expect(error.message).toContain(
			"plansLoader({ directory: 'docs' }) reads another folder than plans() in astro.config, which reads 'plans'.",
		);
		expect(error.hint).toContain("plans({ directory: 'docs' })");
	});

	it('stops the build when the collection has another name than plans', async () => {
		const error = (await buildSite(fixture('collection-name'), 'collection-name').catch(
			(caught: Error) => caught,
		)) as Error & { hint?: string };
		expect(error.message).toContain(
			'The collection loaded with plansLoader() is named "docs"; the plan pages read the collection "plans".',
		);
		expect(error.hint).toContain('plans: defineCollection({ loader: plansLoader() })');
	});
});
