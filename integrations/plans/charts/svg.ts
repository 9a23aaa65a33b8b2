import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';

/**
 * Shared pieces of the build-time charts: number formatting that can never print `NaN`,
 * a rough text-width estimate (there is no font engine at build time), label truncation
 * and the accessible `<svg>` shell every chart uses.
 */

/** Font size of chart text, in SVG user units (the charts are drawn at 1 unit = 1 CSS px). */
export const FONT_SIZE = 12;

/** A value that is safe to scale: non-finite and negative inputs become 0, so no chart ever draws `NaN`. */
export function safe(value: number): number {
	return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * A coordinate as an attribute string: at most two decimals, no trailing zeros, no `-0`,
 * and `0` for anything non-finite (the last line of defence against `NaN` in the markup).
 */
export function num(value: number): string {
	if (!Number.isFinite(value)) return '0';
	const rounded = Math.round(value * 100) / 100;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Widths in em of character classes, measured against DejaVu Sans (the widest common fallback of
 * the site's system font stack), so estimated text does not overflow its box; narrower fonts just
 * get a little more room.
 */
function charEm(char: string): number {
	if (char === ' ') return 0.32;
	if (/[iljI.,:;'|!()[\]ft]/.test(char)) return 0.34;
	if (/[mwMW@%]/.test(char)) return 0.9;
	if (/[0-9$€£¥–—\-+~]/.test(char)) return 0.64;
	if (/[A-Z]/.test(char)) return 0.7;
	if (/[a-z]/.test(char)) return 0.6;
	// Wide scripts (CJK, emoji) take a full em.
	if ((char.codePointAt(0) ?? 0) > 0x2e80) return 1;
	return 0.62;
}

/** Estimated rendered width of `text` at `fontSize` in a system sans-serif. */
export function textWidth(text: string, fontSize: number = FONT_SIZE): number {
	let em = 0;
	for (const char of text) em += charEm(char);
	// 5% slack for glyphs wider than their class (C, O, e, o in DejaVu Sans).
	return em * fontSize * 1.05;
}

/** `value` limited to `[min, max]`. */
export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** The label cut to `max` characters (by code point) with an ellipsis, and whether it was cut. */
export function truncate(label: string, max: number): { text: string; truncated: boolean } {
	const chars = [...label.trim()];
	if (chars.length <= max) return { text: chars.join(''), truncated: false };
	return {
		text: `${chars
			.slice(0, max - 1)
			.join('')
			.trimEnd()}…`,
		truncated: true,
	};
}

/**
 * `<text>` at (x, y) where y is the vertical centre of the line: the baseline is moved down by
 * about a third of the font size instead of relying on `dominant-baseline`, which renders
 * differently across browsers and SVG-to-image tools.
 */
export function text(
	x: number,
	centreY: number,
	value: string,
	className: string,
	options: {
		anchor?: 'start' | 'middle' | 'end';
		fontSize?: number;
		transform?: string;
		fill?: string;
	} = {},
): Element {
	const fontSize = options.fontSize ?? FONT_SIZE;
	return s(
		'text',
		{
			className: [className],
			x: num(x),
			y: num(centreY + fontSize * 0.35),
			// `start` is the SVG default; left out to keep the markup short.
			textAnchor: options.anchor === 'start' ? undefined : options.anchor,
			fontSize: options.fontSize === undefined ? undefined : num(fontSize),
			transform: options.transform,
			// Fallback colour when the stylesheet is missing (feeds, copies); charts.css overrides it.
			fill: options.fill ?? 'currentColor',
		},
		value,
	);
}

/** A `<rect>` with rounded coordinates. */
export function rect(
	x: number,
	y: number,
	width: number,
	height: number,
	className: string,
	extra: Record<string, string | undefined> = {},
): Element {
	return s('rect', {
		className: [className],
		x: num(x),
		y: num(y),
		width: num(Math.max(0, width)),
		height: num(Math.max(0, height)),
		...extra,
	});
}

/**
 * Diagonal hatching for the uncertain part of a range (`$120–$150/mo`), so a range reads
 * differently from a value even without colour. Its id is prefixed with the chart id to stay
 * unique on the page.
 */
export function hatchPattern(id: string): Element {
	return s('defs', [
		s(
			'pattern',
			{
				id,
				width: '5',
				height: '5',
				patternUnits: 'userSpaceOnUse',
				patternTransform: 'rotate(45)',
			},
			[
				s('rect', { className: ['chart-hatch-bg'], width: '5', height: '5', fill: 'none' }),
				s('line', {
					className: ['chart-hatch-line'],
					x1: '0',
					y1: '0',
					x2: '0',
					y2: '5',
					stroke: 'currentColor',
					strokeWidth: '2',
				}),
			],
		),
	]);
}

/** Naming and description every chart takes; a chart with more to say extends it. */
export interface ChartOptions {
	/** Accessible name, goes in `<title>`. */
	title: string;
	/** Unique id prefix on the page; `<title>` gets `${id}-title`, `<desc>` `${id}-desc` (aria-labelledby). */
	id: string;
	/** Optional one-line description for `<desc>`. */
	description?: string | undefined;
}

/** What every chart's root element needs: its naming, its size and its kind. */
export interface SvgShell extends ChartOptions {
	width: number;
	height: number;
	/** Chart kind class next to `chart`, e.g. `chart-bars`. */
	kind: string;
}

/**
 * The `<svg>` root: `role="img"` named by its `<title>` (and described by `<desc>`), a viewBox
 * with width and height so the page reserves its space before CSS loads, and `height: auto`
 * so it scales down with `max-width: 100%` on narrow screens.
 */
export function svgRoot(shell: SvgShell, children: ElementContent[]): Element {
	const width = Math.ceil(shell.width);
	const height = Math.ceil(shell.height);
	const titleId = `${shell.id}-title`;
	const descId = `${shell.id}-desc`;
	const description = shell.description?.trim();
	return s(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			id: shell.id,
			className: ['chart', shell.kind],
			viewBox: `0 0 ${num(width)} ${num(height)}`,
			width: num(width),
			height: num(height),
			style: 'max-width:100%;height:auto',
			// A picture with links inside is a group: `img` would hide the links from screen readers.
			role: containsLink(children) ? 'group' : 'img',
			ariaLabelledBy: description ? `${titleId} ${descId}` : titleId,
			fontSize: num(FONT_SIZE),
		},
		[
			s('title', { id: titleId }, shell.title),
			...(description ? [s('desc', { id: descId }, description)] : []),
			...children,
		],
	);
}

function containsLink(nodes: ElementContent[]): boolean {
	return nodes.some(
		(node) => node.type === 'element' && (node.tagName === 'a' || containsLink(node.children)),
	);
}

/** Wraps a chart part in a link when there is somewhere to go; otherwise a plain group. */
export function linkOrGroup(
	href: string | undefined,
	className: string,
	children: ElementContent[],
): Element {
	return href
		? s('a', { href, className: [className] }, children)
		: s('g', { className: [className] }, children);
}
