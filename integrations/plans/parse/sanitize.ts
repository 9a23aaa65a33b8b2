import type { Element, Properties, Root as HtmlRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import type { Definition, Html, Image, Link, Parent, Root } from 'mdast';
import type { Problem } from '../problems.ts';
import { type Action, SKIP, visitMdast } from './visit.ts';
import { placeInNode } from './place.ts';

/**
 * GitHub's rules for HTML in Markdown (hast-util-sanitize's default schema), with what GitHub
 * also drops together with its content, and ids kept as written so that links to them work.
 */
const GITHUB_SCHEMA: Schema = {
	...defaultSchema,
	strip: [
		'script',
		'style',
		'iframe',
		'frame',
		'frameset',
		'noframes',
		'object',
		'embed',
		'applet',
		'form',
		'textarea',
		'select',
		'option',
		'button',
		'noscript',
		'template',
		'title',
		'xmp',
		'plaintext',
		'math',
		'svg',
	],
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
const TAG =
	/<!--[\s\S]*?(?:-->|$)|<\/?[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|<![\s\S]*?>|<\?[\s\S]*?>/g;

/** Elements that have no content and no end tag: removing one removes its tag alone. */
const VOID_ELEMENTS = new Set(htmlVoidElements);

/** Parents whose children are inline content: raw HTML there is a tag among text, not an HTML block. */
const PHRASING_PARENTS = new Set([
	'paragraph',
	'heading',
	'tableCell',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
]);

/**
 * Sanitises the author's HTML and link URLs in a plan's tree, in place, before any of our own
 * markup is added to it, and returns what it removed. Raw HTML comes in pieces (a `<details>`
 * in one node, its `</details>` after some Markdown): each tag is checked on its own, against
 * GitHub's rules, so the pieces still fit together. An element removed with its content (a
 * `<script>`) ends at its end tag, or at the end of its HTML block: Markdown after the block is
 * never taken with it. Running it again changes nothing.
 */
export function sanitizeAuthorContent(tree: Root): Removal[] {
	const removals: Removal[] = [];
	visitMdast(tree, (node, index, parent) => {
		if (!parent || index === undefined) return undefined;
		if (node.type === 'html') return sanitizeHtmlNode(node, index, parent, removals);
		if (
			(node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
			!allowedUrl(node)
		) {
			removals.push({
				...placeInNode(node, 0),
				message: `${scheme(node.url)} ${node.type === 'image' ? 'image' : 'link'} removed: plans do not run scripts or load data URLs`,
			});
			if (node.type === 'definition') node.url = '';
			else {
				parent.children.splice(
					index,
					1,
					...(node.type === 'link'
						? node.children
						: [{ type: 'text' as const, value: node.alt ?? '' }]),
				);
				return [SKIP, index];
			}
		}
		return undefined;
	});
	return removals;
}

/** Sanitises the author's HTML and URLs in place: each removal is a warning at its place. */
export function sanitizeProblems(tree: Root, file: string): Problem[] {
	return sanitizeAuthorContent(tree).map(({ line, column, message }) => ({
		severity: 'warning' as const,
		message,
		file,
		line,
		column,
		hint: 'Plans show the HTML GitHub shows. Use Markdown, or set `sanitize: false` in plans() options if every author is trusted.',
	}));
}

/**
 * Sanitises one piece of raw HTML (inside an element a previous piece opened, when
 * `skipping` names it). An element it opens and does not close (`<script>`) ends with the
 * piece when the piece is an HTML block. Inline, among text, it ends at the piece of the same
 * paragraph that closes it, and what lies between goes with it (as on GitHub); when no piece
 * closes it, only its tag goes and the text after it stays.
 */
function sanitizeHtmlNode(
	node: Html,
	index: number,
	parent: Parent,
	removals: Removal[],
	skipping?: string,
): Action {
	const { html, unclosed } = sanitizeHtml(
		node.value,
		(offset, removal) => {
			const place = placeInNode(node, offset);
			removals.push({
				...place,
				message:
					typeof removal === 'string'
						? removal
						: contentRemoved(
								removal.name,
								'with its content',
								place.line,
								placeInNode(node, removal.end).line,
							),
			});
		},
		skipping,
	);
	const lastLine = (node.position?.start.line ?? 1) + node.value.trimEnd().split('\n').length - 1;
	node.value = html;
	if (!unclosed) return undefined;
	const start = placeInNode(node, unclosed.offset);
	const inline = PHRASING_PARENTS.has(parent.type);
	const closing = inline ? closingPiece(parent.children, index + 1, unclosed.name) : undefined;
	if (closing === undefined) {
		const message = inline
			? `<${unclosed.name}> removed, never closed: ${removalReason(unclosed.name)}`
			: contentRemoved(
					unclosed.name,
					'with the rest of its HTML block, as it is never closed',
					start.line,
					lastLine,
				);
		removals.push({ ...start, message });
		return undefined;
	}
	const end = parent.children[closing] as Html;
	parent.children.splice(index + 1, closing - index - 1);
	removals.push({
		...start,
		message: contentRemoved(
			unclosed.name,
			'with its content',
			start.line,
			end.position?.end.line ?? start.line,
		),
	});
	return sanitizeHtmlNode(end, index + 1, parent, removals, unclosed.name) ?? [SKIP, index + 2];
}

/** The index of the first sibling from `from` that is raw HTML with the end tag of `name`. */
function closingPiece(
	siblings: Parent['children'],
	from: number,
	name: string,
): number | undefined {
	const endTag = new RegExp(`</${name}[\\s>]`, 'i');
	const found = siblings.findIndex(
		(sibling, index) => index >= from && sibling.type === 'html' && endTag.test(sibling.value),
	);
	return found === -1 ? undefined : found;
}

/** `<script> removed with its content (lines 9–12): plans do not run scripts` */
function contentRemoved(name: string, how: string, first: number, last: number): string {
	const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
	return `<${name}> removed ${how} (${lines}): ${removalReason(name)}`;
}

/** A Markdown link or image whose URL GitHub would keep: relative, or an allowed protocol. */
function allowedUrl(node: Link | Image | Definition): boolean {
	// eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs: so does the check.
	const url = node.url.replace(/[\u0000-\u0020]/g, '');
	const protocol = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	if (protocol === undefined) return true;
	if (node.type === 'image' && /^data:image\//i.test(url)) return true;
	return (defaultSchema.protocols!.href as string[]).includes(protocol);
}

const scheme = (url: string) =>
	`${/^\s*([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? 'unsafe'}:`;

/** An element a piece of HTML opened and did not close, whose content goes with it. */
export interface UnclosedElement {
	name: string;
	/** Where its start tag is in the piece. */
	offset: number;
}

/** An element removed with its content, which ends at `end` in the piece. */
export interface RemovedContent {
	name: string;
	end: number;
}

/**
 * The HTML with every tag checked against GitHub's rules. `report` hears each removal: a
 * message, or the element and the end of its content when content went with the tag. Inside a removed element that a
 * previous piece opened (`skipping`), everything up to its end tag goes. `unclosed` is an
 * element this piece opened and did not close: everything after its start tag is gone.
 */
export function sanitizeHtml(
	html: string,
	report: (offset: number, removal: string | RemovedContent) => void = () => undefined,
	skipping?: string,
): { html: string; unclosed?: UnclosedElement } {
	if (!html.includes('<') && skipping === undefined) return { html };
	let result = '';
	let rest = 0;
	// `opened` is false for an element a previous piece opened: that piece reports it.
	let skip: { name: string; offset: number; opened: boolean } | undefined =
		skipping === undefined ? undefined : { name: skipping, offset: 0, opened: false };
	for (const match of html.matchAll(TAG)) {
		const tag = match[0];
		if (skip === undefined) result += html.slice(rest, match.index);
		rest = match.index + tag.length;
		const name = /^<\/?([a-zA-Z][^\s/>]*)/.exec(tag)?.[1]?.toLowerCase();
		if (skip !== undefined) {
			if (name === skip.name && tag.startsWith('</')) {
				if (skip.opened) report(skip.offset, { name, end: match.index });
				skip = undefined;
			}
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
		if (takesContent(name, tag)) {
			skip = { name, offset: match.index, opened: true };
			continue;
		}
		result += sanitizeStartTag(tag, name, (message) => report(match.index, message)) ?? '';
	}
	if (skip === undefined) return { html: result + html.slice(rest) };
	return {
		html: result,
		...(skip.opened && { unclosed: { name: skip.name, offset: skip.offset } }),
	};
}

/** GitHub removes these elements with their content; a void one (`<embed>`) has none, nor does `<x/>`. */
function takesContent(name: string, tag: string): boolean {
	return GITHUB_SCHEMA.strip!.includes(name) && !VOID_ELEMENTS.has(name) && !/\/>$/.test(tag);
}

function removalReason(name: string): string {
	return REMOVED_ELEMENTS[name] ?? 'plans allow the HTML GitHub allows';
}

/** A start tag as GitHub would keep it, or undefined when the element is not allowed. */
function sanitizeStartTag(
	tag: string,
	name: string,
	report: (message: string) => void,
): string | undefined {
	const element = parseStartTag(tag);
	if (!element || !GITHUB_SCHEMA.tagNames!.includes(name)) {
		report(
			REMOVED_ELEMENTS[name]
				? `<${name}> removed: ${REMOVED_ELEMENTS[name]}`
				: `<${name}> tag removed, its content kept: ${removalReason(name)}`,
		);
		return undefined;
	}
	const dataImage =
		name === 'img' &&
		typeof element.properties.src === 'string' &&
		/^\s*data:image\//i.test(element.properties.src)
			? element.properties.src
			: undefined;
	const sanitized = sanitize({ type: 'root', children: [element] }, GITHUB_SCHEMA) as HtmlRoot;
	const clean = sanitized.children[0];
	if (!clean || clean.type !== 'element') return undefined;
	if (dataImage) clean.properties.src = dataImage;
	for (const attribute of removedAttributes(element.properties, clean.properties))
		report(attributeMessage(attribute, name, element.properties[attribute]));
	return toHtml({ ...clean, children: [] }).replace(new RegExp(`</${name}>$`), '');
}

/** Parses one start tag, out of any context (inside a template, where every tag is accepted). */
function parseStartTag(tag: string): Element | undefined {
	const template = fromHtml(`<template>${tag}</template>`, { fragment: true }).children[0];
	const content =
		template?.type === 'element'
			? (template as Element & { content?: HtmlRoot }).content
			: undefined;
	const element = content?.children.find((child) => child.type === 'element');
	return element;
}

function removedAttributes(before: Properties, after: Properties): string[] {
	return Object.keys(before).filter(
		(name) =>
			!(name in after) ||
			(typeof before[name] === 'string' &&
				after[name] !== before[name] &&
				name !== 'id' &&
				name !== 'name'),
	);
}

function attributeMessage(property: string, tag: string, value: Properties[string]): string {
	const attribute = property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	if (/^on/i.test(property))
		return `${attribute.replace(/-/g, '')} attribute removed from <${tag}>: plans do not run scripts`;
	if (
		typeof value === 'string' &&
		/^\s*[a-z][a-z\d+.-]*:/i.test(value) &&
		['href', 'src', 'cite', 'longDesc', 'action'].includes(property)
	) {
		return `${scheme(value)} URL removed from <${tag} ${attribute}>: plans do not run scripts or load data URLs`;
	}
	return `${attribute === 'class-name' ? 'class' : attribute} attribute removed from <${tag}>: plans allow the HTML GitHub allows`;
}
