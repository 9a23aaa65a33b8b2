import { describe, expect, it } from 'vitest';
import { pageBudget } from '../../../bench/page-budget.ts';

describe('the byte budget of a page', () => {
	const html =
		'<!doctype html><html><head><style>p{}</style></head><body>' +
		'<nav class="sidebar">Plans</nav>' +
		'<figure class="diagram-mermaid"><svg></svg><table><tr><td>é</td></tr></table></figure>' +
		'<table data-x><tr><td>$1</td></tr></table>' +
		'<h2>A<a class="anchor-link" href="#a" data-pagefind-ignore>#</a></h2><p>text</p>' +
		'<article class="plan-content"><style>.t0{}</style><pre class="astro-code">x</pre></article>' +
		'<svg id="mermaid-0" aria-roledescription="flowchart-v2"></svg></body></html>';

	it('gives each part the bytes of its markup as written, each element once, the rest adding up', () => {
		const budget = pageBudget(html);
		expect(budget).toMatchObject({
			'style sheets': '<style>p{}</style>'.length,
			sidebar: '<nav class="sidebar">Plans</nav>'.length,
			// The table inside the figure stays with the figure; é is two bytes.
			'Mermaid drawings':
				'<figure class="diagram-mermaid"><svg></svg><table><tr><td>é</td></tr></table></figure>'
					.length +
				1 +
				'<svg id="mermaid-0" aria-roledescription="flowchart-v2"></svg>'.length,
			tables: '<table data-x><tr><td>$1</td></tr></table>'.length,
			'section and row links': '<a class="anchor-link" href="#a" data-pagefind-ignore>#</a>'.length,
			// The plan's token colours count with its code; rehype-mermaid's drawings with ours.
			'highlighted code': '<style>.t0{}</style>'.length + '<pre class="astro-code">x</pre>'.length,
		});
		const sum = Object.values(budget).reduce((total, bytes) => total + bytes, 0);
		expect(sum).toBe(Buffer.byteLength(html));
	});
});
