/** The smallest text, in CSS pixels, that a diagram is shrunk to before it scrolls sideways instead. */
const READABLE_TEXT_PX = 12;

/** The width of an SVG's viewBox: the units its text sizes are measured in. */
const VIEW_BOX_WIDTH = /^<svg\b[^>]*?\sviewBox="\s*[-+\d.e]+[\s,]+[-+\d.e]+[\s,]+([+\d.e]+)/i;

/**
 * The size of a drawing's text in its own units (those of its viewBox): the largest size that
 * at least four fifths of its characters reach. A diagram's body text decides, so that a few
 * small labels (a class diagram's multiplicities) do not make it scroll for nothing, while a
 * diagram whose text is mostly small (a Gantt chart's dates) keeps it readable.
 *
 * Runs in a browser, on an SVG in the document: sizes come from layout (computed styles and
 * transforms, HTML labels included), not from reading mermaid's CSS. It uses nothing outside
 * its own body, as the renderer sends its text to the page.
 */
export function measureTextSize(svg: SVGSVGElement): number | undefined {
	const toViewBox = svg.getScreenCTM()?.inverse();
	if (!toViewBox) return undefined;
	const charactersBySize = new Map<number, number>();
	let total = 0;
	const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const characters = (node.textContent ?? '').trim().length;
		const element = node.parentElement;
		// Style sheets, titles and hidden labels have no boxes: they are not drawn.
		if (characters === 0 || !element || element.getClientRects().length === 0) continue;
		// HTML labels sit in a foreignObject: its transform is theirs.
		const toScreen = (
			element instanceof SVGGraphicsElement ? element : element.closest('foreignObject')
		)?.getScreenCTM();
		if (!toScreen) continue;
		const { a, b, c, d } = toViewBox.multiply(toScreen);
		const size =
			Math.round(
				parseFloat(getComputedStyle(element).fontSize) * Math.sqrt(Math.abs(a * d - b * c)) * 100,
			) / 100;
		charactersBySize.set(size, (charactersBySize.get(size) ?? 0) + characters);
		total += characters;
	}
	let reached = 0;
	for (const size of [...charactersBySize.keys()].sort((first, second) => second - first)) {
		reached += charactersBySize.get(size)!;
		if (reached >= total * 0.8) return size;
	}
	return undefined;
}

/**
 * The narrowest a drawing `width` units wide (its viewBox) may be shown, in CSS pixels, for its
 * text (`textSize` in the same units) to stay {@link READABLE_TEXT_PX} tall; never wider than
 * the drawing itself, which is not enlarged. Undefined when either is unknown.
 */
export function readableWidth(
	width: number | undefined,
	textSize: number | undefined,
): number | undefined {
	if (width === undefined || !(width > 0) || textSize === undefined || !(textSize > 0))
		return undefined;
	return Math.ceil(Math.min(width, (width * READABLE_TEXT_PX) / textSize));
}

/** The width of an SVG's viewBox, from its markup; undefined without one. */
export function viewBoxWidth(svg: string): number | undefined {
	const width = VIEW_BOX_WIDTH.exec(svg)?.[1];
	return width === undefined ? undefined : Number(width);
}
