import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '#plans/diagrams/sanitize-svg.ts';

const parse = (svg: string) =>
	new JSDOM(`<body>${svg}</body>`).window.document.body.firstElementChild!;

describe('sanitizeSvg', () => {
	it('numbers every id after the root in document order, and moves references along', () => {
		const svg = sanitizeSvg(
			'<svg id="m1-light"><style>#root-1{fill:red}#m1-light .x{}#root-10{}</style><defs><marker id="arrow"></marker></defs>' +
				'<g id="root-1"></g><g id="root-1"></g><g id="m1-light-actor7"></g><path marker-end="url(#arrow)" fill="#ECECFF"></path><use href="#arrow"></use>' +
				'<g aria-labelledby="root-1"></g><text>Issue #arrow stays</text></svg>',
			'm1-light',
		);
		const root = parse(svg);
		expect([...root.querySelectorAll('[id]')].map((element) => element.id)).toEqual([
			'm1-light-1',
			'm1-light-2',
			'm1-light-3',
			'm1-light-4',
		]);
		expect(root.id).toBe('m1-light');
		expect(root.querySelector('style')!.textContent).toBe(
			'#m1-light-2{fill:red}#m1-light .x{}#root-10{}',
		);
		expect(root.querySelector('path')!.getAttribute('marker-end')).toBe('url(#m1-light-1)');
		expect(root.querySelector('path')!.getAttribute('fill')).toBe('#ECECFF');
		expect(root.querySelector('use')!.getAttribute('href')).toBe('#m1-light-1');
		expect(root.querySelector('g[aria-labelledby]')!.getAttribute('aria-labelledby')).toBe(
			'm1-light-2',
		);
		expect(root.querySelector('text')!.textContent).toBe('Issue #arrow stays');
	});

	it('gives the same SVG whatever counters mermaid had reached', () => {
		const render = (counter: number) =>
			sanitizeSvg(
				`<svg id="m1-dark"><line id="actor${counter}"></line><g id="m1-dark-classId-Order-${counter}"></g><use href="#actor${counter}"></use></svg>`,
				'm1-dark',
			);
		expect(render(21)).toBe(render(1));
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

	it('leaves nothing that makes the browser fetch a file: images, file URLs in styles, links outside <a>', () => {
		const root = parse(
			sanitizeSvg(
				'<svg id="m"><style>@import url(https://evil.example.com/a.css); .x{background:url("https://evil.example.com/b.png")} .y{marker-end:url(#m-1)}</style>' +
					'<marker id="m-1"></marker><g style="fill:red;background-image:url(//evil.example.com/c.png)"></g><use href="https://evil.example.com/d.svg#x"></use>' +
					'<image href="https://evil.example.com/e.png"></image><foreignObject><div><img src="x"> label</div></foreignObject>' +
					'<a href="https://docs.example.com/runbook">runbook</a><a href="../plan.md">plan</a></svg>',
				'm',
			),
		);
		expect(root.outerHTML).not.toContain('evil.example.com');
		expect(root.querySelectorAll('img, image')).toHaveLength(0);
		expect(root.querySelector('style')!.textContent).toBe(
			' .x{background:none} .y{marker-end:url(#m-1)}',
		);
		expect(root.querySelector('g')!.getAttribute('style')).toBe('fill:red;background-image:none');
		expect(root.querySelector('use')!.hasAttribute('href')).toBe(false);
		expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
			'https://docs.example.com/runbook',
			'../plan.md',
		]);
		expect(root.querySelector('foreignObject')!.textContent).toBe(' label');
	});
});
