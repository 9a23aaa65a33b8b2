import type { Root } from 'mdast';
import type { Problem } from '../problems.ts';
import { findRootImage, type ImageRoots, isRootPath } from './image-roots.ts';
import { localImagePath, rawLocalImages } from './images.ts';
import { placeInNode } from './place.ts';
import { visitMdast } from './visit.ts';

/**
 * The relative images of a plan, in Markdown or in raw HTML: those whose file is not there are
 * problems (Astro would abort the whole build on them); the others are listed as the renderer
 * lists them: Markdown images with the `./` that `remarkLocalImages` gives them, image
 * references as Astro collects them, then raw HTML images.
 */
export function readImages(
	tree: Root,
	file: string,
	fileExists: (path: string) => boolean,
	roots: ImageRoots | undefined,
): { problems: Problem[]; imagePaths: string[] } {
	const problems: Problem[] = [];
	const report = (src: string, line: number, column: number) =>
		problems.push({
			severity: 'warning',
			message: `Image "${src}" not found; the page shows its alt text instead.`,
			file,
			line,
			column,
			hint: isRootPath(src)
				? `A path from the root is a file of the site's public/ folder${roots?.repository === undefined ? ' (the plans are in no git repository, whose root GitHub would read it from)' : ', or of the repository root, as on GitHub'}. Add the image or fix the path.`
				: 'Image paths are relative to the plan file. Add the image or fix the path.',
		});
	const markdown = new Set<string>();
	const raw: string[] = [];
	const definitions = new Map<string, string>();
	const references: string[] = [];
	visitMdast(tree, (node) => {
		const start = node.position?.start ?? { line: 1, column: 1 };
		if (node.type === 'image' && roots && isRootPath(node.url)) {
			const found = findRootImage(node.url, roots, fileExists);
			if (found.in === 'repository') markdown.add(decodedUrl(found.path));
			else if (found.in === 'nowhere') report(node.url, start.line, start.column);
		} else if (node.type === 'image') {
			const src = localImagePath(node.url);
			if (src === undefined) return;
			if (fileExists(src)) markdown.add(decodedUrl(relativeUrl(node.url)));
			else report(node.url, start.line, start.column);
		} else if (node.type === 'imageReference') {
			references.push(node.identifier);
		} else if (node.type === 'definition') {
			definitions.set(node.identifier, node.url);
		} else if (node.type === 'html') {
			for (const image of rawLocalImages(node.value)) {
				if (fileExists(image.path)) {
					raw.push(decodedUrl(relativeUrl(String(image.element.properties.src))));
					continue;
				}
				const { line, column } = placeInNode(node, image.offset);
				report(String(image.element.properties.src), line, column);
			}
		}
	});
	for (const identifier of references) {
		const url = definitions.get(identifier);
		if (url && !URL.canParse(url) && !url.startsWith('/')) markdown.add(decodedUrl(url));
	}
	return { problems, imagePaths: [...markdown, ...raw] };
}

/** `img/x.png` as Vite must see it beside the plan: `./img/x.png`. */
function relativeUrl(url: string): string {
	return url.startsWith('.') ? url : `./${url}`;
}

function decodedUrl(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}
