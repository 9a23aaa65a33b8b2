import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

// A plan with the raw HTML and URLs a careless or hostile author could write, and everything
// the plans pipeline adds around it: anchors, copy buttons, a cost table with its chart, a box
// drawing and a footnote.
let site: BuiltSite;
let content: Element;
beforeAll(async () => {
	site = await buildSite(fixture('hostile'), 'hostile');
	content = site.page('plans/xss/index.html').querySelector('.plan-content')!;
});

describe('a Markdown plan with hostile HTML', () => {
	it('is published without scripts, styles, frames, forms, handlers or script URLs', () => {
		expect(content.querySelectorAll('script, iframe, form, input, object, embed')).toHaveLength(0);
		// The only styles are those of our own diagrams.
		expect(
			[...content.querySelectorAll('style')].filter(
				(style) => !style.closest('figure.diagram-ascii'),
			),
		).toEqual([]);
		for (const element of content.querySelectorAll('*')) {
			for (const { name, value } of element.attributes) {
				expect(name, element.outerHTML.slice(0, 80)).not.toMatch(/^on/i);
				expect(value, name).not.toMatch(/^\s*(javascript|vbscript|data:text)/i);
			}
		}
		expect(content.innerHTML).not.toContain('evil.example.com');
		expect(content.innerHTML).not.toContain('position:fixed');
		expect(content.textContent).not.toContain("alert('raw-script')");
	});

	it('keeps the author’s text and the HTML GitHub keeps', () => {
		expect(content.textContent).toContain('click me');
		expect(content.textContent).toContain('raw anchor');
		// A void element removed alone: the blocks after it stay.
		expect(content.querySelector('p:has(> sup)')!.textContent).toBe(
			'Kept paragraph after the embed, with sup.',
		);
		expect(content.querySelector('details > summary')).not.toBeNull();
		expect(content.querySelector('details > summary')!.textContent).toBe('Rollout notes');
		expect(content.querySelectorAll('kbd')).toHaveLength(2);
		expect(content.querySelector('td[rowspan="2"][align="right"]')!.textContent).toBe('Region');
		expect(content.querySelector('img[src^="data:image/gif"]')).not.toBeNull();
	});

	it('keeps everything the plans pipeline adds: anchors, row ids, cost chart, drawing, footnotes', () => {
		expect(
			content.querySelector('.heading-wrapper a.anchor-link[href="#cost-estimation"]'),
		).not.toBeNull();
		expect(content.querySelector('tr#cost-compute')).not.toBeNull();
		expect(
			[...content.querySelector<HTMLTableRowElement>('tr.cost-computed')!.cells].map(
				(cell) => cell.textContent,
			),
		).toEqual(['Computed total', '$150/mo']);
		expect(content.querySelector('figure.cost-chart svg, .cost-chart svg')).not.toBeNull();
		expect(content.querySelector('figure.diagram-ascii svg')).not.toBeNull();
		const footnoteLink = content.querySelector<HTMLAnchorElement>('a[data-footnote-ref]')!;
		expect(content.querySelector(footnoteLink.getAttribute('href')!)!.textContent).toContain(
			'Card data stays in the vault.',
		);
	});
});
