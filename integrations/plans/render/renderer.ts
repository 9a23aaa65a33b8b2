import type { AstroConfig } from 'astro';
import type { Root } from 'mdast';
import { pathToFileURL } from 'node:url';
import { adoptOnNextRender } from '../markdown/adopt-tree.ts';
import { putFiguresBack, setFiguresAsideFor } from '../markdown/set-aside-figures.ts';
import { type MarkdownContext, registerMarkdownPlugins } from '../markdown/register.ts';

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

/** The site's Markdown settings a render thread needs to build the same renderer: plain data only. */
export interface RenderSettings {
	context: MarkdownContext;
	/** Options of the site's `unified()` processor (its plugins are the plans plugins, added again). */
	processor: { gfm?: boolean; smartypants?: unknown; remarkRehype?: Record<string, unknown> };
	renderer: RendererOptions;
}

/** The renderer options Astro's own Markdown loader uses, from the site config. */
export function rendererOptions(config: AstroConfig): RendererOptions {
	return {
		image: config.image,
		syntaxHighlight: config.markdown.syntaxHighlight,
		shikiConfig: config.markdown.shikiConfig,
		gfm: config.markdown.gfm,
		smartypants: config.markdown.smartypants,
	};
}

/** Builds, in the current thread, the renderer the site's processor would give. */
export async function createRendererFrom(settings: RenderSettings): Promise<MarkdownRenderer> {
	const { unified } = await import('@astrojs/markdown-remark');
	const processor = unified(settings.processor as Parameters<typeof unified>[0]);
	await registerMarkdownPlugins(processor, settings.context);
	return processor.createRenderer(settings.renderer);
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
