import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'meta', 'link', 'base']);
const URL_PROPERTIES = ['href', 'xLinkHref', 'src', 'action', 'formAction'];

/**
 * Prepares rendered SVG for inlining into a page: element ids become unique within it, and,
 * as defence in depth (mermaid already runs with `securityLevel: 'strict'`, but a diagram is
 * author input), no script element, event handler or `javascript:` URL survives.
 */
export function sanitizeSvg(svg: string): string {
	const tree: Root = fromHtml(svg, { fragment: true });
	const seenIds = new Set<string>();
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
		// Some diagram types (mindmap) draw a node twice with one id; ids must be unique per page.
		const id = node.properties.id;
		if (typeof id === 'string') {
			let unique = id;
			for (let n = 2; seenIds.has(unique); n++) unique = `${id}-${n}`;
			node.properties.id = unique;
			seenIds.add(unique);
		}
		return undefined;
	});
	return toHtml(tree, { space: 'svg' });
}
