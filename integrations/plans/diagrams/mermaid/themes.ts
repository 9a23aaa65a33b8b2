import type { MermaidRender } from './cache.ts';
import { darkRulesThatDiffer } from './dark-rules.ts';
import { drawingId } from './key.ts';

/** A Mermaid drawing as the page shows it: one SVG for both themes, or one per theme. */
export type ThemedSvgs = { both: string } | { light: string; dark: string };

const STYLE = /<style>([\s\S]*?)<\/style>/;
const FILTER = /<filter id="([^"]+)"[^>]*>([\s\S]*?)<\/filter>/g;
const FLOOD_COLOR = /flood-color="([^"]*)"/g;
const DARK = ":root[data-theme='dark']";

/**
 * One SVG for both themes, where the light and dark renders differ only in their style sheets,
 * the colour of their drop shadows and gradients only the dark sheet uses (most diagram types:
 * Mermaid colours them through CSS). The dark sheet joins the light one, cut to what differs
 * (`darkRulesThatDiffer`), each rule scoped to the site's dark theme (being more specific, it
 * wins there), and so do the dark shadows'
 * colours, as CSS, which overrides the attribute. The page then carries the drawing once
 * instead of twice. Diagrams whose dark render differs in anything else (colours written on
 * elements) keep both SVGs.
 */
export function themedSvgs(render: MermaidRender, key: string): ThemedSvgs {
	const light = drawingId(key, 'light');
	const dark = drawingId(key, 'dark');
	const lightStyle = STYLE.exec(render.light);
	const darkStyle = STYLE.exec(render.dark);
	if (!lightStyle || !darkStyle) return render;
	const lightBody = render.light.replace(STYLE, '');
	const darkBody = render.dark.replace(STYLE, '').replaceAll(dark, light);
	const extra = darkOnlyGradients(lightBody, darkBody);
	if (extra === undefined) return render;
	const shadows = darkShadowRules(
		lightBody,
		darkBody.slice(0, darkBody.length - extra.length - '</svg>'.length) + '</svg>',
	);
	if (shadows === undefined) return render;
	// The dark sheet in the light drawing's ids, cut to what differs, then its selectors (not
	// its `url(#…)` references to gradients) scoped to the dark theme.
	const darkRules = darkRulesThatDiffer(
		lightStyle[1]!,
		darkStyle[1]!.replaceAll(dark, light),
	).replace(new RegExp(`(?<!url\\()#${light}`, 'g'), `${DARK} #${light}`);
	const both = render.light.replace(
		STYLE,
		() => `<style>${lightStyle[1]}${darkRules}${shadows}</style>`,
	);
	return { both: `${both.slice(0, -'</svg>'.length)}${extra}</svg>` };
}

/**
 * The gradients the dark render adds at its end (its sheet's neo-look strokes use them), when
 * that is all it adds and their ids are new; undefined otherwise.
 */
function darkOnlyGradients(lightBody: string, darkBody: string): string | undefined {
	if (!lightBody.endsWith('</svg>') || !darkBody.endsWith('</svg>')) return undefined;
	const lightOpen = withoutShadowColours(lightBody).slice(0, -'</svg>'.length);
	const dark = withoutShadowColours(darkBody);
	if (!dark.startsWith(lightOpen)) return undefined;
	const extra = dark.slice(lightOpen.length, -'</svg>'.length);
	if (!/^(?:<linearGradient id="[^"]+"[^>]*>[\s\S]*?<\/linearGradient>)*$/.test(extra))
		return undefined;
	const ids = [...extra.matchAll(/<linearGradient id="([^"]+)"/g)].map(([, id]) => id!);
	return ids.some((id) => lightBody.includes(`id="${id}"`)) ? undefined : extra;
}

/**
 * CSS for the dark theme's drop-shadow colours, when they are all that differs between the two
 * bodies (filters whose shadows share one colour); undefined when anything else differs.
 */
function darkShadowRules(lightBody: string, darkBody: string): string | undefined {
	if (withoutShadowColours(lightBody) !== withoutShadowColours(darkBody)) return undefined;
	const lightFilters = new Map(
		[...lightBody.matchAll(FILTER)].map(([, id, inner]) => [id!, floodColours(inner!)]),
	);
	let rules = '';
	for (const [, id, inner] of darkBody.matchAll(FILTER)) {
		const colours = floodColours(inner!);
		if (colours.join() === lightFilters.get(id!)?.join()) continue;
		if (new Set(colours).size !== 1) return undefined;
		rules += `${DARK} #${id} *{flood-color:${colours[0]}}`;
	}
	return rules;
}

function withoutShadowColours(body: string): string {
	return body.replace(FLOOD_COLOR, 'flood-color=""');
}

function floodColours(markup: string): string[] {
	return [...markup.matchAll(FLOOD_COLOR)].map(([, colour]) => colour!);
}
