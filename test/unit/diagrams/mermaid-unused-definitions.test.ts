import { describe, expect, it } from 'vitest';
import { withoutUnusedDefinitions } from '#plans/diagrams/mermaid/unused-definitions.ts';

const marker = (id: string) =>
	`<marker id="${id}" viewBox="0 0 10 10"><path d="M0 0L10 5"></path></marker>`;

describe('withoutUnusedDefinitions', () => {
	it('drops the markers, symbols and filters nothing names, and the defs they leave empty', () => {
		expect(
			withoutUnusedDefinitions(
				`<svg id="d"><defs><symbol id="d-db"><path d="M0 0"></path></symbol></defs>${marker('d-1')}${marker('d-10')}<filter id="d-f"><feFlood></feFlood></filter><path marker-end="url(#d-10)"></path></svg>`,
			),
		).toBe(`<svg id="d">${marker('d-10')}<path marker-end="url(#d-10)"></path></svg>`);
	});

	it('keeps what a use, a style attribute or the style sheet names', () => {
		const svg = `<svg id="d"><style>#d .a{fill:url(#d-g);}</style><defs><symbol id="d-s"></symbol><linearGradient id="d-g"><stop></stop></linearGradient><filter id="d-f"></filter></defs><use href="#d-s"></use><rect style="filter:url('#d-f')"></rect></svg>`;
		expect(withoutUnusedDefinitions(svg)).toBe(svg);
	});

	it('leaves alone an element that holds another of its kind, and elements of other kinds', () => {
		const svg = `<svg><pattern id="outer"><pattern id="inner"></pattern></pattern><g id="group"></g></svg>`;
		expect(withoutUnusedDefinitions(svg)).toBe(svg);
	});
});
