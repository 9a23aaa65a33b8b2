import { JSDOM } from 'jsdom';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * Every link of a built site that points into its own page at an id (or `<a name>`) the page does not have,
 * as `page#id` (`plans/web/index.html#nowhere`). A link is into its own page when it is a bare
 * `#id` or names the page's own path (with the site's `base`). `#` and `#top` need no id.
 * With `authored: false`, the links a plan's author wrote are left out: a site built with
 * `brokenLinks: 'warn'` keeps them as written, and the build has reported them.
 */
export function deadAnchors(
	outDir: string,
	{ base = '/', authored = true }: { base?: string; authored?: boolean } = {},
): string[] {
	const dead: string[] = [];
	for (const file of htmlFiles(outDir)) {
		const page = relative(outDir, file).split(sep).join('/');
		const document = new JSDOM(readFileSync(file, 'utf8')).window.document;
		// What a browser scrolls to for `#x`: an element with that id, or else an <a name="x">.
		const ids = new Set([
			...[...document.querySelectorAll('[id]')].map((element) => element.id),
			...[...document.querySelectorAll('a[name]')].map((anchor) => anchor.getAttribute('name')!),
		]);
		const own = ownPaths(page, base);
		for (const link of document.querySelectorAll('a')) {
			if (!authored && writtenByAuthor(link)) continue;
			const fragment = ownFragment(
				link.getAttribute('href') ?? link.getAttributeNS(XLINK, 'href'),
				own,
			);
			if (fragment !== undefined && fragment !== '' && fragment !== 'top' && !ids.has(fragment))
				dead.push(`${page}#${fragment}`);
		}
	}
	return dead.sort();
}

/**
 * A link in a plan's text as its author wrote it: every link the pipeline adds there has a
 * class (heading and row anchors, chart bars), is a footnote link or sits in a drawn SVG.
 */
function writtenByAuthor(link: Element): boolean {
	return (
		Boolean(link.closest('.plan-content')) &&
		!link.closest('svg') &&
		!link.hasAttribute('class') &&
		!link.hasAttribute('data-footnote-ref')
	);
}

function htmlFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** The paths a page is reached by: `plans/web/index.html` → `/plans/web/`, `/plans/web`. */
function ownPaths(page: string, base: string): Set<string> {
	const prefix = base.replace(/\/?$/, '/');
	const path = `${prefix}${page}`;
	const pretty = path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
	return new Set([path, pretty, pretty.replace(/(.)\/$/, '$1'), pretty.replace(/([^/])$/, '$1/')]);
}

/** The decoded fragment of a link into the page reached by `own`, or `undefined` for a link elsewhere. */
function ownFragment(href: string | null, own: Set<string>): string | undefined {
	if (href === null) return undefined;
	const hash = href.indexOf('#');
	if (hash === -1) return undefined;
	const path = href.slice(0, hash).replace(/\?.*$/, '');
	if (path !== '' && !own.has(decoded(path, decodeURI))) return undefined;
	return decoded(href.slice(hash + 1), decodeURIComponent);
}

/** A malformed escape is left as written: such a link names no id of ours. */
function decoded(text: string, decode: (text: string) => string): string {
	try {
		return decode(text);
	} catch {
		return text;
	}
}
