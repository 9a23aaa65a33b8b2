import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

/** The folder of the diagrams' standalone SVGs, `${STANDALONE_FOLDER}/${key}.svg`. */
export const STANDALONE_FOLDER = '_diagrams';
/** The standalone SVG of a diagram in the dark theme is `${key}${DARK_SUFFIX}.svg`. */
export const DARK_SUFFIX = '-dark';

export interface FigureParts {
	kind: 'mermaid' | 'ascii';
	/** Unique on the page: `plans-diagram-3`. */
	id: string;
	label: string;
	source: string;
	/** The drawing: one or more SVG strings (Mermaid has a light and a dark one), or a fallback element. */
	canvas: ElementContent[];
	/** URL of the standalone SVG, when there is one. */
	fullSizeUrl?: string;
	/** URL of the standalone SVG in the dark theme: the link follows the page's theme. */
	fullSizeDarkUrl?: string;
}

/**
 * Raw (already safe) SVG markup as a hast node. `minWidth` (CSS pixels) is the narrowest the
 * drawing may be shown, its text still readable: a narrower column scrolls it sideways.
 */
export function rawSvg(svg: string, className: string, minWidth?: number): Element {
	const style = minWidth === undefined ? undefined : `--diagram-min-width:${minWidth}px`;
	return h('div', { className: [className], style }, [
		{ type: 'raw', value: svg } as unknown as ElementContent,
	]);
}

/**
 * The figure every diagram gets: an accessible name, the drawing, a link to the SVG at full
 * size, and the original source behind a disclosure (selectable, with a copy button that the
 * page script reveals).
 */
export function diagramFigure({
	kind,
	id,
	label,
	source,
	canvas,
	fullSizeUrl,
	fullSizeDarkUrl,
}: FigureParts): string {
	const captionId = `${id}-caption`;
	const figure = h(
		'figure',
		{ className: ['diagram', `diagram-${kind}`], id, ariaLabelledby: captionId },
		[
			h('div', { className: ['diagram-canvas'] }, canvas),
			h(
				'figcaption',
				{ className: ['diagram-caption'] },
				[
					h(
						'span',
						{ id: captionId, className: ['diagram-label'] },
						`${kind === 'mermaid' ? 'Mermaid diagram' : 'Diagram'}: ${label}`,
					),
					...openLinks(fullSizeUrl, fullSizeDarkUrl),
					h('details', { className: ['diagram-source'] }, [
						h('summary', 'Source'),
						h(
							'button',
							{ type: 'button', className: ['copy-source'], hidden: true },
							'Copy source',
						),
						h('pre', [h('code', source)]),
					]),
				].filter((child): child is Element => child !== undefined),
			),
		],
	);
	return toHtml(figure, { allowDangerousHtml: true });
}

/** "Open full size": one link, or one per theme, of which the page shows the current theme's. */
function openLinks(light: string | undefined, dark: string | undefined): Element[] {
	if (!light) return [];
	const link = (href: string, theme?: string) =>
		h(
			'a',
			{
				className: theme ? ['diagram-open', `diagram-open-${theme}`] : ['diagram-open'],
				href,
				target: '_blank',
			},
			'Open full size',
		);
	return dark ? [link(light, 'light'), link(dark, 'dark')] : [link(light)];
}
