import type { AstroConfig } from 'astro';
import type { Root } from 'mdast';
import type { Stage } from '../parse/lifecycle.ts';

/** What the plugins need to know of the site and the plans options (`markdownContext`). */
export interface MarkdownContext {
	/** Folder of the Mermaid render cache. */
	mermaidCacheDir: string;
	/** Folder of the highlighted code cache. */
	codeCacheDir: string;
	/** Broken Mermaid diagrams become error boxes instead of failing the build. */
	showDiagramErrors: boolean;
	/** Box drawings that fail their check are shown as text (the `drawings.verify` option). */
	verifyDrawings: boolean;
	/** The site's own status words and their stages (the `statuses` option). */
	statuses: Record<string, Stage>;
	/** Absolute path of the plans folder. */
	plansDir: string;
	/** Absolute path of the site's `public/` folder, where an image written from the root (`/x.png`) is a site asset. */
	publicDir: string;
	/** Root of the git repository the plans are in, where GitHub finds an image written from the root. */
	repositoryRoot?: string;
	base: string;
	trailingSlash: AstroConfig['trailingSlash'];
	/** Sanitise the raw HTML and link URLs of Markdown plans (the `sanitize` option). */
	sanitize: boolean;
	/** `astro dev`: links between plans carry their place in the file, so a broken one can be marked. */
	dev: boolean;
}

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
