import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonFiles } from '../../cache/json-files.ts';
import { PLANS_VERSION } from '../../version.ts';

/** The light and dark renders of one diagram. */
export interface MermaidRender {
	light: string;
	dark: string;
	/** Size of most of its text, in the drawing's own units (see `measureTextSize`); none when it has no text. */
	textSize?: number;
}

/** What a cached render holds; a new value makes renders from before it draw again. */
const RENDER_FORMAT = 'light+dark+text-size';

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

/** Rendered diagrams on disk, by content key: an unchanged diagram is never rendered twice, and a warm build needs no browser. */
export class MermaidCache extends JsonFiles<MermaidRender> {
	/** The Mermaid diagrams among `diagrams` that have no render yet. */
	undrawn<Diagram extends { kind: string; key: string }>(diagrams: readonly Diagram[]): Diagram[] {
		return diagrams.filter((diagram) => diagram.kind === 'mermaid' && !this.has(diagram.key));
	}
}

/** The render cache lives in Astro's cache folder (`node_modules/.astro` by default). */
export function mermaidCacheDir(astroCacheDir: URL): string {
	return join(fileURLToPath(astroCacheDir), 'plans-mermaid');
}
