import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../integrations/plans/diagrams/sanitize-svg.ts';

const parse = (svg: string) => new JSDOM(`<body>${svg}</body>`).window.document.body.firstElementChild!;

describe('sanitizeSvg', () => {
	it('prefixes bare ids, numbers repeats, and moves references along', () => {
		const svg = sanitizeSvg(
			'<svg id="m1-light"><style>#root-1{fill:red}#m1-light .x{}</style><defs><marker id="arrow"></marker></defs>' +
				'<g id="root-1"></g><g id="root-1"></g><path marker-end="url(#arrow)"></path><use href="#arrow"></use><g aria-labelledby="root-1"></g></svg>',
			'm1-light',
		);
		const root = parse(svg);
		expect([...root.querySelectorAll('[id]')].map((element) => element.id)).toEqual(['m1-light-arrow', 'm1-light-root-1', 'm1-light-root-1-2']);
		expect(root.id).toBe('m1-light');
		expect(root.querySelector('style')!.textContent).toBe('#m1-light-root-1{fill:red}#m1-light .x{}');
		expect(root.querySelector('path')!.getAttribute('marker-end')).toBe('url(#m1-light-arrow)');
		expect(root.querySelector('use')!.getAttribute('href')).toBe('#m1-light-arrow');
		expect(root.querySelector('g[aria-labelledby]')!.getAttribute('aria-labelledby')).toBe('m1-light-root-1');
	});

	it('removes scripts, event handlers and javascript: URLs', () => {
		const root = parse(
			sanitizeSvg(
				'<svg id="m"><script>alert(1)</script><a href="javascript:alert(2)" onclick="alert(3)"><text onmouseover="x()">hi</text></a>' +
					'<foreignObject><div><img src="x" onerror="alert(4)"><iframe src="y"></iframe></div></foreignObject></svg>',
				'm',
			),
		);
		expect(root.querySelectorAll('script, iframe')).toHaveLength(0);
		expect(root.outerHTML).not.toMatch(/on(click|mouseover|error)=|javascript:/);
		expect(root.querySelector('text')!.textContent).toBe('hi');
	});
});
