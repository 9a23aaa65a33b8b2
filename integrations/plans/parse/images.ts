import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';

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
	// A commented-out image is not on the page: it is neither published nor checked.
	const comments = [...html.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((comment) => [
		comment.index,
		comment.index + comment[0].length,
	]);
	const commentedOut = (offset: number): boolean =>
		comments.some(([start, end]) => offset >= start! && offset < end!);
	for (const match of html.matchAll(IMG_TAG)) {
		if (commentedOut(match.index)) continue;
		const element = fromHtml(match[0], { fragment: true }).children[0];
		if (element?.type !== 'element' || typeof element.properties.src !== 'string') continue;
		const path = localImagePath(element.properties.src);
		if (path !== undefined) images.push({ tag: match[0], offset: match.index, element, path });
	}
	return images;
}

/** The file path of a relative image URL, or `undefined` for remote and absolute ones. */
export function localImagePath(url: string): string | undefined {
	if (
		!url ||
		/^[a-z][a-z\d+.-]*:/i.test(url) ||
		url.startsWith('//') ||
		url.startsWith('/') ||
		url.startsWith('#')
	)
		return undefined;
	const path = url.replace(/[?#].*$/, '');
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}
