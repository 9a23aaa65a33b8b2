import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { usedRulesOnly } from '#plans/diagrams/mermaid/used-rules.ts';

/** `usedRulesOnly` of a drawing whose sheet is `sheet`, given the drawing as a document holds it. */
function cut(sheet: string, body = '<g class="node"><rect class="box"></rect></g>'): string {
	const markup = `<svg id="d" xmlns="http://www.w3.org/2000/svg"><style>${sheet}</style>${body}</svg>`;
	const { document } = new JSDOM(`<!doctype html><body>${markup}</body>`).window;
	const svg = document.querySelector('svg') as unknown as SVGSVGElement;
	const result = usedRulesOnly(markup, svg);
	return /<style>([\s\S]*)<\/style>/.exec(result)![1]!;
}

describe('usedRulesOnly', () => {
	it('keeps the rules that match the drawing or an element in it, and drops the others', () => {
		expect(
			cut(
				'#d{fill:#333;}#d .box{stroke:red;}#d .error-icon{fill:#522;}#d .node rect,#d .cluster{x:1;}',
			),
		).toBe('#d{fill:#333;}#d .box{stroke:red;}#d .node rect,#d .cluster{x:1;}');
	});

	it('keeps a rule for a reader’s hover or focus, or a pseudo-element, of an element the drawing has', () => {
		expect(
			cut('#d .box:hover{fill:red;}#d .edge:hover{fill:blue;}#d .node::before{content:"";}'),
		).toBe('#d .box:hover{fill:red;}#d .node::before{content:"";}');
	});

	it('keeps keyframes a kept rule animates with, and drops the others', () => {
		expect(
			cut(
				'@keyframes dash{to{stroke-dashoffset:0;}}@keyframes dash-slow{to{x:1;}}#d .box{animation:dash 5s linear;}#d .edge{animation:dash-slow 5s;}',
			),
		).toBe('@keyframes dash{to{stroke-dashoffset:0;}}#d .box{animation:dash 5s linear;}');
	});

	it('keeps a rule whose selector the browser cannot read, and other at-rules', () => {
		expect(cut('#d .box:unknown-state{fill:red;}@media print{#d .edge{fill:none;}}')).toBe(
			'#d .box:unknown-state{fill:red;}@media print{#d .edge{fill:none;}}',
		);
	});

	it('reads a sheet escaped in the markup', () => {
		expect(cut('#d .node&gt;rect{fill:red;}#d .edge&gt;path{fill:blue;}')).toBe(
			'#d .node&gt;rect{fill:red;}',
		);
	});

	it('leaves a sheet it cannot split into rules whole', () => {
		expect(cut('#d .edge{fill:red;')).toBe('#d .edge{fill:red;');
		expect(cut('#d .edge{content:"}"')).toBe('#d .edge{content:"}"');
	});
});
