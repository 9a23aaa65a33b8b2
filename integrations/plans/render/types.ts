import type { AstroConfig } from 'astro';
import type { Root } from 'mdast';
import type { MarkdownContext } from '../markdown/pipeline.ts';

type MarkdownProcessor = AstroConfig['markdown']['processor'];
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

/** Renders Markdown plans from the trees the loader parsed (`createPlanRenderer`). */
export interface PlanRenderer {
	/** Renders a plan's tree; its readable frontmatter tells the plugins what the page header shows. */
	render(
		tree: Root,
		absolutePath: string,
		frontmatter?: Record<string, unknown>,
	): Promise<RenderedPlan>;
}
