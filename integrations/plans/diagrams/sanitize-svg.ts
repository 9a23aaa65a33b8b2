import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visitHast } from '../parse/visit.ts';

/** Elements that run code, embed another page or load a file: a diagram needs none of them. */
const FORBIDDEN_ELEMENTS = new Set([
	'script',
	'iframe',
	'object',
	'embed',
	'frame',
	'frameset',
	'meta',
	'link',
	'base',
	'img',
	'image',
	'picture',
	'source',
	'video',
	'audio',
	'track',
	'form',
	'input',
	'button',
	'textarea',
	'select',
]);
const URL_PROPERTIES = ['href', 'xLinkHref', 'src', 'action', 'formAction', 'background', 'poster'];

/**
 * Prepares rendered SVG for inlining into a page:
 * - every element id becomes `idPrefix-1`, `idPrefix-2`, … in document order, with references to
 *   it (`url(#…)`, `href="#…"`, id lists, `#…` in the SVG's style) following. Mermaid's own ids
 *   are not fit to publish: some diagram types use bare ids (`root-1`) or draw a node twice with
 *   one id, the light and dark render of a diagram sit on the same page, and many ids hold a
 *   counter that runs across every diagram the page rendered before, so the same diagram would
 *   get other ids in another build.
 * - as defence in depth (mermaid already runs with `securityLevel: 'strict'`, but a diagram is
 *   author input), no script element, event handler or `javascript:` URL survives, and nothing
 *   in it makes the reader's browser fetch anything: no images (`<img src=x>` in a label), no
 *   `@import` or `url()` to a file in its styles, and links only in `<a href>`.
 */
export function sanitizeSvg(svg: string, idPrefix: string): string {
	const tree: Root = fromHtml(svg, { fragment: true });
	const renamed = new Map<string, string>();
	let idCount = 0;
	visitHast(tree, 'element', (node: Element, index, parent) => {
		if (FORBIDDEN_ELEMENTS.has(node.tagName.toLowerCase())) {
			if (parent && index !== undefined) parent.children.splice(index, 1);
			return [SKIP, index];
		}
		for (const name of Object.keys(node.properties)) {
			if (/^on/i.test(name)) delete node.properties[name];
		}
		for (const name of URL_PROPERTIES) {
			const value = node.properties[name];
			if (typeof value === 'string' && !allowedReference(node.tagName, name, value))
				delete node.properties[name];
		}
		if (typeof node.properties.style === 'string')
			node.properties.style = withoutExternalReferences(node.properties.style);
		if (node.tagName === 'style') {
			for (const child of node.children)
				if (child.type === 'text') child.value = withoutExternalReferences(child.value);
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

/**
 * Where a diagram may point: a link (`<a href>`) to a page, as Markdown links may; anything
 * else only inside the diagram itself (`#id`). Nothing makes the browser fetch a file.
 */
function allowedReference(tagName: string, property: string, value: string): boolean {
	// eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs: so does the check.
	const url = value.replace(/[\u0000-\u0020]/g, '');
	if (url.startsWith('#')) return true;
	if (tagName !== 'a' || (property !== 'href' && property !== 'xLinkHref')) return false;
	const protocol = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	return protocol === undefined || ['http', 'https', 'mailto'].includes(protocol);
}

/** CSS without `@import` rules, and with every `url()` that is not `#id` in the same SVG emptied. */
function withoutExternalReferences(css: string): string {
	return css
		.replace(/@import\b[^;]*;?/gi, '')
		.replace(/url\(\s*(['"]?)(?!#)[^)]*\1\s*\)/gi, 'none');
}

/** Points `url(#old)`, `#old` links, id lists (aria-labelledby) and style selectors at the new ids. */
function updateReferences(tree: Root, renamed: Map<string, string>): void {
	const rename = (id: string) => renamed.get(id);
	visitHast(tree, 'element', (node) => {
		for (const [name, value] of Object.entries(node.properties)) {
			if (name === 'id') continue;
			if (typeof value === 'string' && value.includes('#'))
				node.properties[name] = renameReferences(value, rename);
			else if (Array.isArray(value) && /^aria/.test(name))
				node.properties[name] = value.map((token) =>
					typeof token === 'string' ? (rename(token) ?? token) : token,
				);
		}
		if (node.tagName === 'style') {
			for (const child of node.children)
				if (child.type === 'text')
					child.value = child.value.replace(/#([\w-]+)/g, (match, id: string) =>
						rename(id) ? `#${rename(id)}` : match,
					);
		}
	});
}

/** `url(#old)` anywhere in an attribute, or a whole `#old` link. */
function renameReferences(value: string, rename: (id: string) => string | undefined): string {
	const renamedUrls = value.replace(
		/url\(\s*(['"]?)#([^'")]+)\1\s*\)/g,
		(match, quote: string, id: string) =>
			rename(id) ? `url(${quote}#${rename(id)}${quote})` : match,
	);
	const link = /^#(.+)$/.exec(renamedUrls);
	return link && rename(link[1]!) ? `#${rename(link[1]!)}` : renamedUrls;
}
