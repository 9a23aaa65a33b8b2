import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

describe('a site on the default Sätteri processor', () => {
	it('fails with an AstroError whose hint is the one-line fix', async () => {
		const error = await buildSite(fixture('satteri'), 'satteri').catch((error: Error & { hint?: string }) => error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('needs the unified Markdown processor');
		expect((error as { hint?: string }).hint).toContain("markdown: { processor: unified() }");
	});
});
