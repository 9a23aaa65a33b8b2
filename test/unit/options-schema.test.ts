import { describe, expect, it } from 'vitest';
import { TEMPLATE_SECTIONS } from '#plans/options-schema.ts';
import plans from 'astro-technical-plans';
import { deprecatedOptions, parseOptions } from '#plans/options-schema.ts';

describe('plans() options', () => {
	it('fills in defaults', () => {
		expect(parseOptions(undefined)).toEqual({
			title: 'Technical Plans',
			favicon: '/favicon.svg',
			directory: 'plans',
			brokenLinks: 'error',
			search: true,
			sanitize: 'github',
			completeness: TEMPLATE_SECTIONS,
			drawings: { verify: true },
			mermaid: {},
			history: true,
			staleStages: ['accepted'],
			statuses: {},
		});
	});

	it('takes the previous deploy once, as a URL or a folder holding plans.json and anchors.json', () => {
		expect(parseOptions({ previousDeploy: 'https://acme.github.io/plans' })).toMatchObject({
			previousPlans: 'https://acme.github.io/plans/plans.json',
			previousAnchors: 'https://acme.github.io/plans/anchors.json',
		});
		expect(parseOptions({ previousDeploy: 'previous/' })).toMatchObject({
			previousPlans: 'previous/plans.json',
			previousAnchors: 'previous/anchors.json',
		});
		// A file given on its own still wins, and is said to be deprecated.
		expect(
			parseOptions({ previousDeploy: 'previous', previousPlans: 'old.json' }).previousPlans,
		).toBe('old.json');
		expect(deprecatedOptions({ previousPlans: 'old.json' })).toEqual(['previousPlans']);
		expect(deprecatedOptions({ previousDeploy: 'previous' })).toEqual([]);
	});

	it('checks box drawings against their text unless told not to', () => {
		expect(parseOptions({ drawings: { verify: false } }).drawings).toEqual({ verify: false });
		expect(parseOptions({ drawings: {} }).drawings).toEqual({ verify: true });
		expect(() => parseOptions({ drawings: { verify: 'no' as unknown as boolean } })).toThrow(
			/`drawings\.verify`/,
		);
		expect(() => parseOptions({ drawings: { check: true } as never })).toThrow(/drawings/);
	});

	it("expects the template's sections unless the site lists its own, and adds the site's aliases to the template's", () => {
		const { completeness } = parseOptions({
			completeness: {
				required: ['Summary', 'Design'],
				aliases: { Design: ['Detailed Design'], 'Cost Estimation': ['Spend'] },
			},
		});
		expect(completeness.required).toEqual(['Summary', 'Design']);
		expect(completeness.optional).toEqual(TEMPLATE_SECTIONS.optional);
		expect(completeness.aliases.Design).toEqual(['Detailed Design']);
		expect(completeness.aliases['Cost Estimation']).toEqual(['Costs', 'Cost', 'Budget', 'Spend']);
		expect(() => parseOptions({ completeness: { required: [''] } })).toThrow(
			/`completeness\.required\.0`/,
		);
	});

	it('sanitises like GitHub unless told that every author is trusted', () => {
		expect(parseOptions({ sanitize: false }).sanitize).toBe(false);
		expect(() => parseOptions({ sanitize: 'none' as 'github' })).toThrow(/`sanitize`/);
	});

	it('rejects a wrong value with an AstroError naming the option and a hint', () => {
		let error: (Error & { hint?: string }) | undefined;
		try {
			plans({ brokenLinks: 'ignore' as 'warn' });
		} catch (caught) {
			error = caught as Error & { hint?: string };
		}
		expect(error?.name).toBe('AstroUserError');
		expect(error?.message).toContain('`brokenLinks`');
		expect(error?.hint).toContain('brokenLinks: "warn"');
	});

	it('takes a time limit per Mermaid diagram in whole milliseconds', () => {
		expect(parseOptions({ mermaid: { timeout: 5_000 } }).mermaid).toEqual({ timeout: 5_000 });
		for (const timeout of [0, -1, 2.5])
			expect(() => parseOptions({ mermaid: { timeout } }), String(timeout)).toThrow(
				/`mermaid.timeout`/,
			);
	});

	it('rejects unknown keys (a typo must not be silently ignored)', () => {
		expect(() => parseOptions({ titel: 'x' })).toThrow(
			/Invalid options passed to the plans\(\) integration/,
		);
	});

	it('rejects an edit URL that is not a URL', () => {
		expect(() => parseOptions({ editUrl: 'github/acme' })).toThrow(/`editUrl`/);
	});

	it('takes a logo as one image or a light and a dark one, with alt text and replacesTitle defaulting to off', () => {
		expect(parseOptions({ logo: { src: '/logo.svg' } }).logo).toEqual({
			src: '/logo.svg',
			alt: '',
			replacesTitle: false,
		});
		expect(
			parseOptions({
				logo: {
					light: '/light.svg',
					dark: 'https://cdn.example/dark.svg',
					alt: 'Acme',
					replacesTitle: true,
				},
			}).logo,
		).toEqual({
			light: '/light.svg',
			dark: 'https://cdn.example/dark.svg',
			alt: 'Acme',
			replacesTitle: true,
		});
		expect(parseOptions({}).logo).toBeUndefined();
	});

	it('rejects a logo without an image, with both kinds, or with only one theme', () => {
		for (const logo of [
			{},
			{ src: '/a.svg', light: '/b.svg' },
			{ light: '/b.svg' },
			{ dark: '/b.svg', alt: 'x' },
		]) {
			expect(() => parseOptions({ logo }), JSON.stringify(logo)).toThrow(
				/`logo`: give `src`, or both `light` and `dark`/,
			);
		}
		expect(() => parseOptions({ logo: { src: '/a.svg', width: 40 } })).toThrow(/`logo`/);
	});

	it('takes a favicon of a type browsers show, and nothing else', () => {
		for (const favicon of [
			'/favicon.svg',
			'icon.png',
			'/icons/favicon.ico',
			'/a.GIF',
			'/b.jpeg',
			'https://cdn.example/icon.png',
		]) {
			expect(parseOptions({ favicon }).favicon).toBe(favicon);
		}
		for (const favicon of ['/favicon.bmp', '/favicon', ''])
			expect(() => parseOptions({ favicon }), favicon).toThrow(/`favicon`/);
	});
});
