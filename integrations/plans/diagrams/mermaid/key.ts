import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { PLANS_VERSION } from '../../version.ts';

/** What a cached render holds; a new value makes renders from before it draw again. */
const RENDER_FORMAT = 'light+dark+text-size+used-rules+used-definitions+short-ids';

const require = createRequire(import.meta.url);
const MERMAID_VERSION: string = require('mermaid/package.json').version;

/**
 * The font Mermaid draws with (its themes' own). Sequence diagrams size their boxes with
 * another one ("Open Sans") than they show, so a long participant name overran its box: every
 * text is measured in the font it is shown in.
 */
const MERMAID_FONT = '"trebuchet ms", verdana, arial, sans-serif';
const MEASURED_IN_SHOWN_FONT = {
	sequence: {
		actorFontFamily: MERMAID_FONT,
		noteFontFamily: MERMAID_FONT,
		messageFontFamily: MERMAID_FONT,
	},
};

/** Theme settings of both renders; part of every cache key. */
export const MERMAID_THEMES = {
	light: { theme: 'default', fontFamily: MERMAID_FONT, ...MEASURED_IN_SHOWN_FONT },
	dark: { theme: 'dark', fontFamily: MERMAID_FONT, ...MEASURED_IN_SHOWN_FONT },
} as const;

/**
 * Content key of a diagram: its source, the mermaid version, the theme settings, our version
 * (we post-process the SVG) and what a render holds.
 */
export function mermaidKey(source: string): string {
	return createHash('sha256')
		.update(
			`${MERMAID_VERSION}\n${PLANS_VERSION}\n${RENDER_FORMAT}\n${JSON.stringify(MERMAID_THEMES)}\n${source}`,
		)
		.digest('hex')
		.slice(0, 24);
}

/**
 * What every id in a diagram's drawings starts with. Mermaid derives the ids of a drawing's
 * markers, filters and style rules from it, dozens of times over, so it is short: 48 bits of
 * the key keep the drawings of one page apart.
 */
export function drawingIdPrefix(key: string): string {
	return `m${key.slice(0, 12)}-`;
}

/** The id of a diagram's drawing in one theme, which Mermaid gives its root. */
export function drawingId(key: string, theme: 'light' | 'dark'): string {
	return `${drawingIdPrefix(key)}${theme === 'light' ? 'l' : 'd'}`;
}
