import type { Element, Properties, Root as HtmlRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Definition, Image, Link, Parent, Root } from 'mdast';
import { SKIP, visitMdast } from '../tree/visit.ts';
import { placeInNode } from './place.ts';

/**
 * GitHub's rules for HTML in Markdown (hast-util-sanitize's default schema), with what GitHub
 * also drops together with its content, and ids kept as written so that links to them work.
 */
const GITHUB_SCHEMA: Schema = {
	...defaultSchema,
	strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'form', 'textarea', 'select', 'option', 'button', 'noscript', 'template', 'title', 'xmp', 'plaintext', 'math', 'svg'],
	clobberPrefix: '',
	// Tags are checked one at a time, out of their document: the browser's parser places them.
	ancestors: {},
};

/** Why each kind of element goes, in the author's terms. */
const REMOVED_ELEMENTS: Record<string, string> = {
	script: 'plans do not run scripts',
	noscript: 'plans do not run scripts',
	style: 'plans do not restyle the site',
	iframe: 'plans do not embed other pages',
	frame: 'plans do not embed other pages',
	frameset: 'plans do not embed other pages',
	object: 'plans do not embed other pages',
	embed: 'plans do not embed other pages',
	applet: 'plans do not embed other pages',
	form: 'plans do not hold forms',
	textarea: 'plans do not hold forms',
	select: 'plans do not hold forms',
	button: 'plans do not hold forms',
};

/** One thing the sanitiser took out of a plan, and where it was in the file. */
export interface Removal {
	line: number;
	column: number;
	message: string;
}

/** A tag, a comment or a declaration in a piece of raw HTML. */
const TAG = /<!--[\s\S]*?(?:-->|$)|<\/?[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|<![\s\S]*?>|<\?[\s\S]*?>/g;

/**
 * Sanitises the author's HTML and link URLs in a plan's tree, in place, before any of our own
 * markup is added to it, and returns what it removed. Raw HTML comes in pieces (a `<details>`
 * in one node, its `</details>` after some Markdown): each tag is checked on its own, against
 * GitHub's rules, so the pieces still fit together. Running it again changes nothing.
 */
export function sanitizeAuthorContent(tree: Root): Removal[] {
	const removals: Removal[] = [];
	// A script or style element opened in one piece of inline HTML runs until the piece that
	// closes it: what lies between is its content, and goes with it.
	const openElement = new Map<Parent, string>();
	visitMdast(tree, (node, index, parent) => {
		if (!parent || index === undefined) return undefined;
		const open = openElement.get(parent);
		if (node.type === 'html') {
			const { html, unclosed } = sanitizeHtml(node.value, (offset, message) => removals.push({ ...placeInNode(node, offset), message }), open);
			node.value = html;
			if (unclosed) openElement.set(parent, unclosed);
			else openElement.delete(parent);
			return undefined;
		}
		if (open) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !allowedUrl(node)) {
			removals.push({ ...placeInNode(node, 0), message: `${scheme(node.url)} ${node.type === 'image' ? 'image' : 'link'} removed: plans do not run scripts or load data URLs` });
			if (node.type === 'definition') node.url = '';
			else {
				parent.children.splice(index, 1, ...(node.type === 'link' ? node.children : [{ type: 'text' as const, value: node.alt ?? '' }]));
				return [SKIP, index];
			}
		}
		return undefined;
	});
	return removals;
}

/** A Markdown link or image whose URL GitHub would keep: relative, or an allowed protocol. */
function allowedUrl(node: Link | Image | Definition): boolean {
	const url = node.url.replace(/[\u0000-\u0020]/g, '');
	const protocol = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	if (protocol === undefined) return true;
	if (node.type === 'image' && /^data:image\//i.test(url)) return true;
	return (defaultSchema.protocols!.href as string[]).includes(protocol);
}

const scheme = (url: string) => `${/^\s*([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? 'unsafe'}:`;

/**
 * The HTML with every tag checked against GitHub's rules; `report` hears each removal. Inside
 * a removed element that a previous piece opened (`skipping`), everything up to its end tag
 * goes; `unclosed` names an element this piece opened and did not close.
 */
export function sanitizeHtml(html: string, report: (offset: number, message: string) => void = () => undefined, skipping?: string): { html: string; unclosed?: string } {
	if (!html.includes('<') && skipping === undefined) return { html };
	let result = '';
	let rest = 0;
	let skipUntil = skipping;
	for (const match of html.matchAll(TAG)) {
		const tag = match[0];
		if (skipUntil === undefined) result += html.slice(rest, match.index);
		rest = match.index + tag.length;
		const name = /^<\/?([a-zA-Z][^\s/>]*)/.exec(tag)?.[1]?.toLowerCase();
		if (skipUntil !== undefined) {
			if (name === skipUntil && tag.startsWith('</')) skipUntil = undefined;
			continue;
		}
		if (name === undefined) {
			// Comments stay: the browser shows nothing of them. Declarations go.
			if (tag.startsWith('<!--')) result += tag;
			continue;
		}
		if (tag.startsWith('</')) {
			if (GITHUB_SCHEMA.tagNames!.includes(name)) result += `</${name}>`;
			continue;
		}
		const kept = sanitizeStartTag(tag, name, (message) => report(match.index, message));
		if (kept === undefined && GITHUB_SCHEMA.strip!.includes(name) && !/\/>$/.test(tag)) skipUntil = name;
		result += kept ?? '';
	}
	return skipUntil === undefined ? { html: result + html.slice(rest) } : { html: result, unclosed: skipUntil };
}

/** A start tag as GitHub would keep it, or undefined when the element is not allowed. */
function sanitizeStartTag(tag: string, name: string, report: (message: string) => void): string | undefined {
	const element = parseStartTag(tag);
	if (!element || !GITHUB_SCHEMA.tagNames!.includes(name)) {
		report(REMOVED_ELEMENTS[name] ? `<${name}> removed: ${REMOVED_ELEMENTS[name]}` : `<${name}> tag removed, its content kept: plans allow the HTML GitHub allows`);
		return undefined;
	}
	const dataImage = name === 'img' && typeof element.properties.src === 'string' && /^\s*data:image\//i.test(element.properties.src) ? element.properties.src : undefined;
	const sanitized = sanitize({ type: 'root', children: [element] }, GITHUB_SCHEMA) as HtmlRoot;
	const clean = sanitized.children[0];
	if (!clean || clean.type !== 'element') return undefined;
	if (dataImage) clean.properties.src = dataImage;
	for (const attribute of removedAttributes(element.properties, clean.properties)) report(attributeMessage(attribute, name, element.properties[attribute]));
	return toHtml({ ...clean, children: [] }).replace(new RegExp(`</${name}>$`), '');
}

/** Parses one start tag, out of any context (inside a template, where every tag is accepted). */
function parseStartTag(tag: string): Element | undefined {
	const template = fromHtml(`<template>${tag}</template>`, { fragment: true }).children[0];
	const content = template?.type === 'element' ? (template as Element & { content?: HtmlRoot }).content : undefined;
	const element = content?.children.find((child) => child.type === 'element');
	return element;
}

function removedAttributes(before: Properties, after: Properties): string[] {
	return Object.keys(before).filter((name) => !(name in after) || (typeof before[name] === 'string' && after[name] !== before[name] && name !== 'id' && name !== 'name'));
}

function attributeMessage(property: string, tag: string, value: Properties[string]): string {
	const attribute = property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	if (/^on/i.test(property)) return `${attribute.replace(/-/g, '')} attribute removed from <${tag}>: plans do not run scripts`;
	if (typeof value === 'string' && /^\s*[a-z][a-z\d+.-]*:/i.test(value) && ['href', 'src', 'cite', 'longDesc', 'action'].includes(property)) {
		return `${scheme(value)} URL removed from <${tag} ${attribute}>: plans do not run scripts or load data URLs`;
	}
	return `${attribute === 'class-name' ? 'class' : attribute} attribute removed from <${tag}>: plans allow the HTML GitHub allows`;
}
