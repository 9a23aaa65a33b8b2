import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'meta', 'link', 'base']);
const URL_PROPERTIES = ['href', 'xLinkHref', 'src', 'action', 'formAction'];

/**
 * Defence in depth for SVG we inline into pages: mermaid runs with `securityLevel: 'strict'`
 * already, but a diagram is author input, so no script element, event handler or
 * `javascript:` URL may survive whatever a future renderer lets through.
 */
export function sanitizeSvg(svg: string): string {
	const tree: Root = fromHtml(svg, { fragment: true });
	visit(tree, 'element', (node: Element, index, parent) => {
		if (FORBIDDEN_ELEMENTS.has(node.tagName.toLowerCase())) {
			if (parent && index !== undefined) parent.children.splice(index, 1);
			return [SKIP, index];
		}
		for (const name of Object.keys(node.properties)) {
			if (/^on/i.test(name)) delete node.properties[name];
		}
		for (const name of URL_PROPERTIES) {
			const value = node.properties[name];
			if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u001f]/g, ''))) delete node.properties[name];
		}
		return undefined;
	});
	return toHtml(tree, { space: 'svg' });
}
