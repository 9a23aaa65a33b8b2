// Where the bytes of a plan page go, part by part, for the bench's output.
import { JSDOM } from 'jsdom';

/** The parts of a plan page, by selector, the first that holds an element winning. */
export const PAGE_PARTS: ReadonlyArray<readonly [name: string, selector: string]> = [
	['style sheets', 'head style, body > style'],
	['scripts', 'script'],
	// Ours, and rehype-mermaid's (an SVG with the diagram type as its role description).
	['Mermaid drawings', 'figure.diagram-mermaid, svg[id^="mermaid-"][aria-roledescription]'],
	['box drawings', 'figure.diagram-ascii'],
	// Code blocks, with the sheet of their token colours that opens a plan's content.
	['highlighted code', 'pre.astro-code, .expressive-code, .plan-content > style:first-child'],
	['tables', 'table'],
	['section and row links', '.anchor-link, .row-anchor'],
	['sidebar', 'nav.sidebar'],
	['table of contents', 'nav.toc'],
	['plan header', 'header.plan-header'],
];

/**
 * The bytes (UTF-8) of each part of a page's HTML as written, and of the rest. An element
 * counts for the first part whose selector it matches, and only once: an element inside one
 * already counted (a table in a Mermaid figure) stays with it. The parts and the rest add up
 * to the page.
 */
export function pageBudget(html: string): Record<string, number> {
	const dom = new JSDOM(html, { includeNodeLocations: true });
	const counted = new Set<Element>();
	const budget: Record<string, number> = {};
	const inCounted = (element: Element) => {
		for (let parent = element.parentElement; parent; parent = parent.parentElement)
			if (counted.has(parent)) return true;
		return false;
	};
	for (const [name, selector] of PAGE_PARTS) {
		let bytes = 0;
		for (const element of dom.window.document.querySelectorAll(selector)) {
			const place = dom.nodeLocation(element);
			if (!place || counted.has(element) || inCounted(element)) continue;
			counted.add(element);
			bytes += Buffer.byteLength(html.slice(place.startOffset, place.endOffset));
		}
		budget[name] = bytes;
	}
	const parts = Object.values(budget).reduce((sum, bytes) => sum + bytes, 0);
	budget['everything else'] = Buffer.byteLength(html) - parts;
	return budget;
}
