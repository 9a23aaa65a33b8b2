import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import plans from 'astro-technical-plans';
import { buildSite, fixture } from '../helpers/build.ts';

describe('a Mermaid syntax error', () => {
	it('fails the build at the file line and column of the fence content', async () => {
		const error = await buildSite(fixture('mermaid-broken'), 'broken').catch(
			(error: Error) => error,
		);
		expect(error).toBeInstanceOf(Error);
		// The diagram's third line is line 12 of the file; the fence is indented by two spaces.
		expect((error as Error).message).toMatch(
			/plans\/broken\.md:12:\d+ error Mermaid syntax error: Parse error on line 3/,
		);
		expect((error as Error).message).not.toContain('plans/broken.md:18');
	});

	it('becomes an error box in the page with onError: "show", and the rest still renders', async () => {
		const site = await buildSite(fixture('mermaid-broken'), 'broken-show', {
			configFile: false,
			markdown: { processor: unified() },
			integrations: [plans({ mermaid: { onError: 'show' } })],
		});
		const page = site.page('plans/broken/index.html');
		expect(page.querySelector('.diagram-error')!.textContent).toContain(
			'Line 3: Parse error on line 3',
		);
		expect(
			page.querySelectorAll('figure.diagram-mermaid :is(.mermaid-themed, .mermaid-light) > svg'),
		).toHaveLength(1);
	});
});
