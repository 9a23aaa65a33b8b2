import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'meta', 'link', 'base']);
const URL_PROPERTIES = ['href', 'xLinkHref', 'src', 'action', 'formAction'];

/**
 * Prepares rendered SVG for inlining into a page:
 * - every element id becomes `idPrefix-1`, `idPrefix-2`, … in document order, with references to
 *   it (`url(#…)`, `href="#…"`, id lists, `#…` in the SVG's style) following. Mermaid's own ids
 *   are not fit to publish: some diagram types use bare ids (`root-1`) or draw a node twice with
 *   one id, the light and dark render of a diagram sit on the same page, and many ids hold a
 *   counter that runs across every diagram the page rendered before, so the same diagram would
 *   get other ids in another build.
 * - as defence in depth (mermaid already runs with `securityLevel: 'strict'`, but a diagram is
 *   author input), no script element, event handler or `javascript:` URL survives.
 */
export function sanitizeSvg(svg: string, idPrefix: string): string {
	const tree: Root = fromHtml(svg, { fragment: true });
	const renamed = new Map<string, string>();
	let idCount = 0;
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
		if (typeof id === 'string' && id !== idPrefix) {
			const numbered = `${idPrefix}-${++idCount}`;
			// A repeated id: references meant the first element that has it.
			if (!renamed.has(id)) renamed.set(id, numbered);
			node.properties.id = numbered;
		}
		return undefined;
	});
	if (renamed.size > 0) updateReferences(tree, renamed);
	return toHtml(tree, { space: 'svg' });
}

/** Points `url(#old)`, `#old` links, id lists (aria-labelledby) and style selectors at the new ids. */
function updateReferences(tree: Root, renamed: Map<string, string>): void {
	const rename = (id: string) => renamed.get(id);
	visit(tree, 'element', (node) => {
		for (const [name, value] of Object.entries(node.properties)) {
			if (name === 'id') continue;
			if (typeof value === 'string' && value.includes('#')) node.properties[name] = renameReferences(value, rename);
			else if (Array.isArray(value) && /^aria/.test(name)) node.properties[name] = value.map((token) => (typeof token === 'string' ? (rename(token) ?? token) : token));
		}
		if (node.tagName === 'style') {
			for (const child of node.children) if (child.type === 'text') child.value = child.value.replace(/#([\w-]+)/g, (match, id: string) => (rename(id) ? `#${rename(id)}` : match));
		}
	});
}

/** `url(#old)` anywhere in an attribute, or a whole `#old` link. */
function renameReferences(value: string, rename: (id: string) => string | undefined): string {
	const renamedUrls = value.replace(/url\(\s*(['"]?)#([^'")]+)\1\s*\)/g, (match, quote: string, id: string) => (rename(id) ? `url(${quote}#${rename(id)}${quote})` : match));
	const link = /^#(.+)$/.exec(renamedUrls);
	return link && rename(link[1]!) ? `#${rename(link[1]!)}` : renamedUrls;
}
