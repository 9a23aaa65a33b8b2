import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'meta', 'link', 'base']);
const URL_PROPERTIES = ['href', 'xLinkHref', 'src', 'action', 'formAction'];

/**
 * Prepares rendered SVG for inlining into a page:
 * - every element id starts with `idPrefix` and is unique, with references to it (`url(#…)`,
 *   `href="#…"`, `#…` in the SVG's style) following. Mermaid prefixes most ids with the render
 *   id, but some diagram types use bare ids (`root-1`) or draw a node twice with one id, and
 *   the light and dark render of a diagram sit on the same page.
 * - as defence in depth (mermaid already runs with `securityLevel: 'strict'`, but a diagram is
 *   author input), no script element, event handler or `javascript:` URL survives.
 */
export function sanitizeSvg(svg: string, idPrefix: string): string {
	const tree: Root = fromHtml(svg, { fragment: true });
	const seenIds = new Set<string>();
	const renamed = new Map<string, string>();
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
		const id = node.properties.id;
		if (typeof id === 'string') {
			const prefixed = id.startsWith(idPrefix) ? id : `${idPrefix}-${id}`;
			let unique = prefixed;
			for (let n = 2; seenIds.has(unique); n++) unique = `${prefixed}-${n}`;
			if (unique !== id && !renamed.has(id)) renamed.set(id, unique);
			node.properties.id = unique;
			seenIds.add(unique);
		}
		return undefined;
	});
	if (renamed.size > 0) updateReferences(tree, renamed);
	return toHtml(tree, { space: 'svg' });
}

/** Points `url(#old)`, `#old` links, id lists (aria-labelledby) and style selectors at the new ids. */
function updateReferences(tree: Root, renamed: Map<string, string>): void {
	const escaped = [...renamed.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const hashReference = new RegExp(`#(${escaped.join('|')})(?![\\w-])`, 'g');
	const rewrite = (text: string) => text.replace(hashReference, (_match, id: string) => `#${renamed.get(id)}`);
	visit(tree, (node) => {
		if (node.type === 'text' && typeof node.value === 'string' && node.value.includes('#')) node.value = rewrite(node.value);
		if (node.type !== 'element') return;
		for (const [name, value] of Object.entries(node.properties)) {
			if (name === 'id') continue;
			if (typeof value === 'string' && value.includes('#')) node.properties[name] = rewrite(value);
			else if (Array.isArray(value) && /^aria/.test(name)) node.properties[name] = value.map((token) => (typeof token === 'string' ? (renamed.get(token) ?? token) : token));
		}
	});
}
