import type { Code, Html, Parent, Root } from 'mdast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visitMdast } from '../parse/visit.ts';
import { renderAsciiDiagram } from '../diagrams/ascii/index.ts';
import { FONT_SIZE as ASCII_FONT_SIZE } from '../diagrams/ascii/svg/index.ts';
import { type DiagramFence, collectDiagramFences } from '../parse/fences.ts';
import { DARK_SUFFIX, diagramFigure, rawSvg, STANDALONE_FOLDER } from '../diagrams/figure.ts';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import { drawingIdPrefix } from '../diagrams/mermaid/key.ts';
import { markMermaidFallbackUsed } from '../diagrams/mermaid/self-hosted.ts';
import { readableWidth, viewBoxWidth } from '../diagrams/mermaid/text-size.ts';
import { themedSvgs } from '../diagrams/mermaid/themes.ts';
import { parseMermaid, pluginDiagram } from '../diagrams/mermaid/validate.ts';
import { sitePath, type UrlOptions } from '../urls.ts';
import { setFigureAside } from './set-aside-figures.ts';

export interface DiagramsOptions extends UrlOptions {
	/** Folder of the Mermaid render cache (filled by the loader before pages render). */
	mermaidCacheDir: string;
	/** Render an error box for a broken Mermaid diagram (the loader has reported it). */
	showErrors: boolean;
	/** Show a box drawing that fails its check as text (the loader has reported it). */
	verifyDrawings: boolean;
}

/**
 * Replaces diagram fences with figures at the mdast stage, before Shiki sees them:
 * ASCII / box-drawing fences become inline SVG drawn by our renderer, Mermaid fences the
 * light and dark SVG the loader rendered at build time. The plan renderer sets each figure
 * aside and leaves a comment in its place (`set-aside-figures.ts`); MDX renders put it in the
 * tree as raw HTML. Without a render (no browser), a Mermaid fence becomes its source in a
 * `pre.mermaid-source`, which the page then renders in the reader's browser.
 */
export const remarkDiagrams: Plugin<[DiagramsOptions], Root> = (options) => {
	const cache = new MermaidCache(options.mermaidCacheDir);
	return async (tree, file) => {
		const fences = new Map<Code, DiagramFence>(
			collectDiagramFences(tree).map((fence) => [fence.node, fence]),
		);
		if (fences.size === 0) return;
		// Collect first, then replace: figures are built asynchronously.
		const replacements: Array<{ siblings: Parent['children']; node: Code; html: Promise<string> }> =
			[];
		const seen = new Map<string, number>();
		visitMdast(tree, 'code', (node, _index, parent) => {
			const fence = fences.get(node);
			if (!fence || !parent) return;
			const id = `plans-diagram-${replacements.length + 1}`;
			const repeat = seen.get(fence.key) ?? 0;
			seen.set(fence.key, repeat + 1);
			replacements.push({
				siblings: parent.children,
				node,
				html: figureFor(fence, id, repeat, cache, options),
			});
		});
		for (const { siblings, node, html } of replacements) {
			const markup = await html;
			const place = setFigureAside(file, markup);
			const figure: Html = {
				type: 'html',
				value: place === undefined ? markup : `<!--${place}-->`,
				position: node.position,
			};
			siblings.splice(siblings.indexOf(node), 1, figure);
		}
	};
};

async function figureFor(
	fence: DiagramFence,
	id: string,
	repeat: number,
	cache: MermaidCache,
	options: DiagramsOptions,
): Promise<string> {
	const fullSizeUrl = sitePath(`${STANDALONE_FOLDER}/${fence.key}.svg`, {
		...options,
		trailingSlash: 'never',
	});
	const fullSizeDarkUrl = sitePath(`${STANDALONE_FOLDER}/${fence.key}${DARK_SUFFIX}.svg`, {
		...options,
		trailingSlash: 'never',
	});
	const common = { kind: fence.kind, id, label: fence.label, source: fence.source };
	if (fence.kind === 'ascii') {
		const drawing = renderAsciiDiagram(fence.source, {
			idPrefix: id,
			label: fence.label,
			verify: options.verifyDrawings,
		});
		// Never shrunk below readable text: a narrower column scrolls the drawing.
		if (drawing.ok) {
			const canvas = [
				rawSvg(
					drawing.svg,
					'diagram-svg',
					readableWidth(viewBoxWidth(drawing.svg), ASCII_FONT_SIZE),
				),
			];
			return diagramFigure({ ...common, canvas, fullSizeUrl, fullSizeDarkUrl });
		}
		// A drawing we cannot read, or that does not match its text, is shown as set, in a font with box glyphs.
		return diagramFigure({
			...common,
			canvas: [h('pre', { className: ['diagram-fallback'] }, fence.source)],
		});
	}

	const plugin = pluginDiagram(fence.source);
	if (plugin) {
		// Never drawn, here or in the reader's browser: shown as written, and said why.
		return diagramFigure({
			...common,
			canvas: [
				h('p', { className: ['diagram-note'], role: 'note' }, `Not drawn: ${plugin.message}.`),
				h('pre', { className: ['diagram-fallback'] }, fence.source),
			],
		});
	}
	const render = cache.get(fence.key);
	if (render) {
		// The same diagram twice on a page must not share element ids (markers, styles).
		const unique = (svg: string) =>
			repeat === 0
				? svg
				: svg.replaceAll(drawingIdPrefix(fence.key), `${drawingIdPrefix(fence.key)}${repeat}-`);
		// Never shrunk below readable text: a narrower column scrolls the drawing.
		const drawing = (svg: string, className: string) =>
			rawSvg(unique(svg), className, readableWidth(viewBoxWidth(svg), render.textSize));
		const svgs = themedSvgs(render, fence.key);
		const canvas =
			'both' in svgs
				? [drawing(svgs.both, 'mermaid-themed')]
				: [drawing(svgs.light, 'mermaid-light'), drawing(svgs.dark, 'mermaid-dark')];
		return diagramFigure({ ...common, canvas, fullSizeUrl, fullSizeDarkUrl });
	}
	const error = options.showErrors ? await parseMermaid(fence.source) : undefined;
	// A diagram the check could not check is left to the reader's browser, like a valid one.
	if (error?.kind === 'syntax' || error?.kind === 'size') {
		return diagramFigure({
			...common,
			canvas: [
				h('div', { className: ['diagram-error'], role: 'note' }, [
					h('strong', 'Mermaid could not read this diagram. '),
					`Line ${error.line}: ${error.message}`,
				]),
			],
		});
	}
	markMermaidFallbackUsed();
	return diagramFigure({
		...common,
		canvas: [h('pre', { className: ['mermaid-source'] }, fence.source)],
	});
}
