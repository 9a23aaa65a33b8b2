import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { collectHeadings } from '#plans/parse/headings.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const ids = (markdown: string) =>
	collectHeadings(parseMarkdown(markdown)).map((heading) => heading.id);

describe('heading ids', () => {
	it('are GitHub ids, numbered when repeated', () => {
		expect(ids('## Overview\n### Overview\n## Overview\n')).toEqual([
			'overview',
			'overview-1',
			'overview-2',
		]);
	});

	it('count inline code and link text, not HTML tags or image alt text', () => {
		expect(
			ids(
				'## The `fetch()` API\n## [Risks](x.md) & Mitigations\n## <a name="old"></a>Costs ![icon](i.png)\n',
			),
		).toEqual(['the-fetch-api', 'risks--mitigations', 'costs']);
	});

	it('keep emoji, accents and double hyphens as GitHub does', () => {
		const texts = ['✅ Phase 1 -- Setup', 'Résumé (v2.0)', '日本語の見出し', 'C++ / C# trade-offs'];
		const slugger = new GithubSlugger();
		expect(ids(texts.map((text) => `## ${text}`).join('\n'))).toEqual(
			texts.map((text) => slugger.slug(text)),
		);
	});
});
