import type { AstroConfig } from 'astro';
import type { Root } from 'mdast';
import { pathToFileURL } from 'node:url';
import { adoptOnNextRender } from '../markdown/adopt-tree.ts';
import { putFiguresBack, setFiguresAsideFor } from '../markdown/set-aside-figures.ts';
import type { MarkdownContext } from '../markdown/pipeline.ts';

type MarkdownProcessor = AstroConfig['markdown']['processor'];
export type MarkdownRenderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
export type RendererOptions = Parameters<MarkdownProcessor['createRenderer']>[0];

/** A rendered plan: its HTML, which goes to `RenderedHtmlFiles` (the data has the headings). */
export interface RenderedPlan {
	html: string;
	/**
	 * Relative images the HTML holds as Astro image placeholders, as written in the plan: the
	 * store imports them, and the plan page swaps each placeholder for the published image.
	 */
	imagePaths: string[];
}

/** What a plan renderer is made from, in the build's thread or a render thread: plain data only. */
export interface RenderSettings {
	context: MarkdownContext;
	renderer: RendererOptions;
}

/**
 * Renders a plan from its parsed body: the renderer gets an empty string and the first
 * plugin swaps the tree in, so the plan is not parsed again.
 */
export async function renderPlanTree(renderer: MarkdownRenderer, absolutePath: string, tree: Root): Promise<RenderedPlan> {
	adoptOnNextRender(absolutePath, tree);
	setFiguresAsideFor(absolutePath);
	const { code, metadata } = await renderer.render('', { fileURL: pathToFileURL(absolutePath), frontmatter: {} });
	return { html: putFiguresBack(absolutePath, code), imagePaths: metadata.localImagePaths };
}
