import { describe, expect, it } from 'vitest';
import { darkRulesThatDiffer } from '#plans/diagrams/mermaid/dark-rules.ts';
import { themedSvgs } from '#plans/diagrams/mermaid/themes.ts';

const KEY = 'abc123';
/** A render shaped like Mermaid's: a style sheet scoped to the SVG's id, then the drawing. */
const svg = (theme: 'light' | 'dark', { sheet, body }: { sheet: string; body: string }) =>
	`<svg id="m${KEY}-${theme[0]}" class="flowchart"><style>#m${KEY}-${theme[0]}{fill:${sheet};}#m${KEY}-${theme[0]} .node rect{stroke:url(#m${KEY}-${theme[0]}-9);}</style><g>${body.replaceAll('THEME', theme[0]!)}</g></svg>`;

describe('one Mermaid drawing for both themes', () => {
	it('is made when only the style sheets differ: the dark rules that differ, scoped to the dark theme', () => {
		const light = svg('light', { sheet: '#333', body: '<rect id="mabc123-THEME-1" fill="none"/>' });
		const dark = svg('dark', { sheet: '#ccc', body: '<rect id="mabc123-THEME-1" fill="none"/>' });
		const result = themedSvgs({ light, dark }, KEY);
		expect(result).toEqual({
			both:
				`<svg id="m${KEY}-l" class="flowchart"><style>#m${KEY}-l{fill:#333;}#m${KEY}-l .node rect{stroke:url(#m${KEY}-l-9);}` +
				`:root[data-theme='dark'] #m${KEY}-l{fill:#ccc;}</style>` +
				`<g><rect id="m${KEY}-l-1" fill="none"/></g></svg>`,
		});
	});

	it('carries the dark drop-shadow colour as a dark-theme rule, and the gradients only the dark sheet uses', () => {
		const filter = (colour: string) =>
			`<filter id="mabc123-THEME-2"><feDropShadow dx="2" flood-color="${colour}"></feDropShadow></filter>`;
		const light = svg('light', { sheet: '#333', body: filter('#000000') });
		const gradient = `<linearGradient id="m${KEY}-d-9"><stop stop-color="#ccc"></stop></linearGradient>`;
		const dark = svg('dark', { sheet: '#ccc', body: filter('#FFFFFF') }).replace(
			'</svg>',
			`${gradient}</svg>`,
		);
		const result = themedSvgs({ light, dark }, KEY);
		expect('both' in result).toBe(true);
		const both = (result as { both: string }).both;
		expect(both).toContain(`:root[data-theme='dark'] #m${KEY}-l-2 *{flood-color:#FFFFFF}`);
		expect(both).toContain('flood-color="#000000"');
		expect(
			both.endsWith(
				`<linearGradient id="m${KEY}-l-9"><stop stop-color="#ccc"></stop></linearGradient></svg>`,
			),
		).toBe(true);
	});

	it('is not made when the dark drawing differs in its markup: both renders are kept', () => {
		const light = svg('light', { sheet: '#333', body: '<path fill="#ECECFF"/>' });
		const dark = svg('dark', { sheet: '#ccc', body: '<path fill="#1f2020"/>' });
		expect(themedSvgs({ light, dark }, KEY)).toEqual({ light, dark });
	});

	it('is not made when a dark-only gradient would reuse an id of the light drawing', () => {
		const light = svg('light', { sheet: '#333', body: `<g id="m${KEY}-l-9"></g>` });
		const dark = svg('dark', { sheet: '#ccc', body: `<g id="m${KEY}-d-9"></g>` }).replace(
			'</svg>',
			`<linearGradient id="m${KEY}-d-9"></linearGradient></svg>`,
		);
		expect(themedSvgs({ light, dark }, KEY)).toEqual({ light, dark });
	});
});

describe('the dark rules of a drawing for both themes', () => {
	const light =
		'#m{font-family:"a;b",sans-serif;font-size:16px;fill:#333;}@keyframes dash{to{stroke-dashoffset:0;}}#m .edge{stroke:#000;stroke-width:1px;}#m .label{stroke:#000;color:#333;}#m .cluster{font-size:12px;}';

	it('keep only the property families that differ anywhere, every declaration of them', () => {
		const dark =
			'#m{font-family:"a;b",sans-serif;font-size:16px;fill:#ccc;}@keyframes dash{to{stroke-dashoffset:0;}}#m .edge{stroke:#fff;stroke-width:1px;}#m .label{stroke:#000;color:#ccc;}#m .cluster{font-size:12px;}';
		// fill, stroke (with stroke-width: one family) and color differ; font and keyframes do not.
		expect(darkRulesThatDiffer(light, dark)).toBe(
			'#m{fill:#ccc;}#m .edge{stroke:#fff;stroke-width:1px;}#m .label{stroke:#000;color:#ccc;}',
		);
	});

	it('keep a longhand whose shorthand changed, and at-rules that differ', () => {
		const dark =
			'#m{font-family:"a;b",sans-serif;font-size:16px;fill:#333;}@keyframes dash{to{stroke-dashoffset:5;}}#m .edge{stroke:#000;stroke-width:1px;}#m .label{stroke:#000;color:#333;}#m .cluster{font:12px serif;}';
		expect(darkRulesThatDiffer(light, dark)).toBe(
			'#m{font-family:"a;b",sans-serif;font-size:16px;}@keyframes dash{to{stroke-dashoffset:5;}}#m .cluster{font:12px serif;}',
		);
	});

	it('are the whole dark sheet when the sheets do not line up rule for rule', () => {
		const dark = '#m{fill:#ccc;}#m .other{stroke:#fff;}';
		expect(darkRulesThatDiffer(light, dark)).toBe(dark);
		const unreadable = '#m{fill:#ccc;';
		expect(darkRulesThatDiffer(light, unreadable)).toBe(unreadable);
	});
});
