import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** An `<img>` tag in a plan's raw HTML whose `src` is a file beside the plan. */
export interface RawLocalImage {
	/** The tag as written. */
	tag: string;
	/** Where the tag starts in the HTML. */
	offset: number;
	/** The parsed tag. */
	element: Element;
	/** The image's path relative to the plan, decoded. */
	path: string;
}

/** An HTML start tag, with quoted attribute values that may hold `>`. */
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * The relative images of a piece of raw HTML (`<p align="center"><img src="images/x.png"></p>`
 * is common in real plans): GitHub shows them relative to the file, like Markdown images.
 */
export function rawLocalImages(html: string): RawLocalImage[] {
	if (!/<img\b/i.test(html)) return [];
	const images: RawLocalImage[] = [];
	for (const match of html.matchAll(IMG_TAG)) {
		const element = fromHtml(match[0], { fragment: true }).children[0];
		if (element?.type !== 'element' || typeof element.properties.src !== 'string') continue;
		const path = localImagePath(element.properties.src);
		if (path !== undefined) images.push({ tag: match[0], offset: match.index, element, path });
	}
	return images;
}

/** The file path of a relative image URL, or `undefined` for remote and absolute ones. */
export function localImagePath(url: string): string | undefined {
	if (!url || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/') || url.startsWith('#')) return undefined;
	const path = url.replace(/[?#].*$/, '');
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/**
 * The relative images Astro's image pipeline will publish for this tree, as the renderer lists
 * them (`localImagePaths`): Markdown images that exist, with the `./` that `remarkLocalImages`
 * gives them; image references, as Astro collects them; and raw HTML `<img>` tags that exist.
 * `astro dev` stores them with a plan before its HTML is rendered, so its images resolve.
 */
export function planImagePaths(tree: Root, fileExists: (path: string) => boolean): string[] {
	const definitions = new Map<string, string>();
	visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url));
	const markdown = new Set<string>();
	const raw: string[] = [];
	const relative = (url: string) => (url.startsWith('.') ? url : `./${url}`);
	visit(tree, (node) => {
		if (node.type === 'image') {
			const path = localImagePath(node.url);
			if (path !== undefined && fileExists(path)) markdown.add(safeDecodeUri(relative(node.url)));
		} else if (node.type === 'imageReference') {
			const url = definitions.get(node.identifier);
			if (url && !URL.canParse(url) && !url.startsWith('/')) markdown.add(safeDecodeUri(url));
		} else if (node.type === 'html') {
			for (const image of rawLocalImages(node.value)) if (fileExists(image.path)) raw.push(safeDecodeUri(relative(String(image.element.properties.src))));
		}
	});
	return [...markdown, ...raw];
}

function safeDecodeUri(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}
