import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';
import plans from 'astro-technical-plans';
import { unified } from '@astrojs/markdown-remark';

describe('brokenLinks: "warn"', () => {
	it('publishes the plans and rewrites links even when their target is missing', async () => {
		const site = await buildSite(
			fixture('broken-link'),
			'broken-warn',
			{
				configFile: false,
				markdown: { processor: unified() },
				integrations: [plans({ brokenLinks: 'warn' })],
			},
			// The plan's own link to a heading it does not have is kept as written.
			{ deadLinks: ['plans/web/index.html#nowhere'] },
		);
		const page = site.page('plans/web/index.html');
		const hrefs = [...page.querySelectorAll('.plan-content p a')].map((a) =>
			a.getAttribute('href'),
		);
		expect(hrefs).toEqual([
			'/plans/api/#token-lifecycle',
			'/plans/api/#rate-limit',
			'/plans/apii/',
			'#nowhere',
		]);
	});
});
