import { describe, expect, it } from 'vitest';
import { publishedAnchors } from '#plans/indexes/anchors.ts';
import { collectHtmlAnchors } from '#plans/parse/html-anchors.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

describe('collectHtmlAnchors', () => {
	it('finds every id, and the name of an <a>, in raw HTML blocks and inline HTML', () => {
		const tree = parseMarkdown(
			'<a id="defid"></a>\n\nText with <span id="inline">x</span> and <a name="legacy"></a>.\n\n<div name="not-a-target"><p id="nested">y</p></div>\n\n<!-- <a id="commented-out"></a> -->\n\n`<a id="in-code">`\n',
		);
		expect(collectHtmlAnchors(tree)).toEqual(['defid', 'inline', 'legacy', 'nested']);
	});

	it('reads JSX elements with a written id in MDX plans', () => {
		const tree = parseMarkdown(
			'<a id="mdx-target" />\n\nText <span id="inline-jsx">x</span> and <a id={computed} />.\n',
			{ mdx: true },
		);
		expect(collectHtmlAnchors(tree)).toEqual(['inline-jsx', 'mdx-target']);
	});

	it('are part of the plan, and of the anchors its page publishes (anchors.json)', () => {
		const { data } = parsePlan({
			raw: '# P\n\n## Section\n\n<a id="defid"></a>\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(data.htmlAnchors).toEqual(['defid']);
		expect(publishedAnchors(data)).toEqual(['defid', 'section']);
	});
});
