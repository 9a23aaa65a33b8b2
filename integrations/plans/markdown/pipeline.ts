import type { AstroConfig } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { mermaidCacheDir } from '../diagrams/mermaid/cache.ts';
import type { PlansOptions } from '../options-schema.ts';
import type { MarkdownContext, PlanRenderer, RendererOptions, RenderSettings } from './types.ts';
import { PLANS_VERSION } from '../version.ts';
import { rehypeAstroImages } from './astro-images.ts';
import { remarkCodeLanguages } from './code-languages.ts';
import { remarkCollectImagesWhereAny } from './collect-images.ts';
import { remarkCostTables } from './cost-tables.ts';
import { remarkPlanFacts } from './plan-facts.ts';
import { remarkRiskTables } from './risk-tables.ts';
import { rehypeRowAnchors } from './row-anchors.ts';
import { remarkScalingCharts } from './scaling-charts.ts';
import { remarkDiagrams } from './diagrams.ts';
import { rehypeGithubAlerts } from './github-alerts.ts';
import { rehypeHeadingAnchors } from './heading-anchors.ts';
import { codeCacheDir, rehypeHighlightCode } from './highlight-code.ts';
import { remarkHeadingIds } from './heading-ids.ts';
import { remarkLocalImages } from './local-images.ts';
import { repositoryRoot } from '../repository.ts';
import { rehypeRawHtml } from './raw-html.ts';
import { rehypeRawImages } from './raw-images.ts';
import { putFiguresBack, setFiguresAsideFor } from './set-aside-figures.ts';
import { remarkPlanLinks } from './plan-links.ts';
import { remarkPlanPreamble } from './plan-preamble.ts';
import { rehypeTableScroll } from './table-scroll.ts';

/** What the plugins need to know of the site and the plans options. */
export function markdownContext(
	config: AstroConfig,
	options: PlansOptions,
	{ dev }: { dev: boolean },
): MarkdownContext {
	return {
		plansDir: join(fileURLToPath(config.root), options.directory),
		publicDir: fileURLToPath(config.publicDir),
		repositoryRoot: repositoryRoot(join(fileURLToPath(config.root), options.directory)),
		mermaidCacheDir: mermaidCacheDir(config.cacheDir),
		codeCacheDir: codeCacheDir(config.cacheDir),
		showDiagramErrors: (options.mermaid.onError ?? (dev ? 'show' : 'error')) === 'show',
		verifyDrawings: options.drawings.verify,
		statuses: options.statuses,
		base: config.base,
		trailingSlash: config.trailingSlash,
		sanitize: options.sanitize !== false,
		dev,
	};
}

/** The remark plugins of a plan, in order. */
export function planRemarkPlugins(context: MarkdownContext): RemarkPlugins {
	// The version makes Astro's config digest (and so its content cache) change on upgrade.
	const versioned = { version: PLANS_VERSION };
	return [
		[remarkHeadingIds, versioned],
		// Facts first: they are read from the tree exactly as the loader parsed it.
		remarkPlanFacts,
		[remarkPlanPreamble, { plansDir: context.plansDir }],
		[
			remarkPlanLinks,
			{
				plansDir: context.plansDir,
				base: context.base,
				trailingSlash: context.trailingSlash,
				markSourcePlaces: context.dev,
			},
		],
		[remarkLocalImages, { publicDir: context.publicDir, repositoryRoot: context.repositoryRoot }],
		// Diagrams before code languages: both look at fence languages, diagrams must see them as written.
		[
			remarkDiagrams,
			{
				mermaidCacheDir: context.mermaidCacheDir,
				showErrors: context.showDiagramErrors,
				verifyDrawings: context.verifyDrawings,
				base: context.base,
				trailingSlash: context.trailingSlash,
			},
		],
		remarkCodeLanguages,
		remarkCostTables,
		remarkRiskTables,
		remarkScalingCharts,
	];
}

/**
 * The rehype plugins of a Markdown plan, in order. Every heading already has its GitHub id
 * (remarkHeadingIds): rehype-slug would only walk the tree, a twentieth of a render.
 */
export const PLAN_REHYPE_PLUGINS: RehypePlugins = [
	rehypeHeadingAnchors,
	rehypeRowAnchors,
	rehypeRawImages,
	rehypeGithubAlerts,
];
/**
 * The renderer of Markdown plans: Astro's Markdown pipeline (GFM, Shiki, Astro's image
 * handling) with the plans plugins, whatever Markdown processor the site itself uses, so plans
 * look the same on every site and the site's own pages are left as they are. It starts from
 * the tree the loader parsed (a plan is parsed once), parses raw HTML only in plans that have
 * some, and keeps highlighted code on disk. Plans render like GitHub renders the same file:
 * straight quotes and `--` as written, which also keeps heading ids equal to GitHub's.
 */
export async function createPlanRenderer({
	context,
	renderer: options,
}: RenderSettings): Promise<PlanRenderer> {
	const processor = unified()
		.use(planRemarkPlugins(context) as PluggableList)
		.use(await remarkCollectImagesWhereAny(), options.image)
		.use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
		.use(await codeHighlighting(options, context))
		.use(PLAN_REHYPE_PLUGINS as PluggableList)
		.use(rehypeAstroImages)
		.use(rehypeRawHtml)
		// After the raw HTML is parsed, so a table written as HTML scrolls in its box too.
		.use(rehypeTableScroll)
		.use(rehypeStringify, { allowDangerousHtml: true })
		.freeze();
	return {
		async render(tree, absolutePath, frontmatter = {}) {
			const file = new VFile({ path: absolutePath, data: { astro: { frontmatter } } });
			setFiguresAsideFor(file);
			const html = processor.stringify((await processor.run(tree, file)) as HastRoot, file);
			const { localImagePaths = [] } =
				(file.data as { astro?: { localImagePaths?: string[] } }).astro ?? {};
			return { html: putFiguresBack(file, html), imagePaths: localImagePaths };
		},
	};
}

/** The site's code highlighting (`markdown.syntaxHighlight`): Shiki with a cache, Prism, or none. */
export async function codeHighlighting(
	{ syntaxHighlight, shikiConfig = {} }: RendererOptions,
	context: MarkdownContext,
): Promise<PluggableList> {
	const type =
		typeof syntaxHighlight === 'object' && syntaxHighlight ? syntaxHighlight.type : syntaxHighlight;
	const excludeLangs = (typeof syntaxHighlight === 'object' && syntaxHighlight?.excludeLangs) || [];
	if (type === 'prism')
		return [[(await import('@astrojs/markdown-remark')).rehypePrism, excludeLangs]];
	if (type !== 'shiki') return [];
	// Transformers are code: blocks they change cannot be keyed by content.
	const cacheDir = shikiConfig.transformers?.length ? undefined : context.codeCacheDir;
	return [[rehypeHighlightCode, { shikiConfig, excludeLangs, cacheDir }]];
}

/** The Shiki themes of plan code blocks: the site's when it sets some, else GitHub's light and dark. */
const DEFAULT_THEMES = { light: 'github-light-default', dark: 'github-dark-default' };

/** How the plan renderer highlights code and handles images: the site's settings, plain data only. */
export function planRendererOptions(config: AstroConfig): RendererOptions {
	const { shikiConfig } = config.markdown;
	const siteThemes = shikiConfig.themes && Object.keys(shikiConfig.themes).length > 0;
	return {
		image: config.image,
		syntaxHighlight: config.markdown.syntaxHighlight,
		shikiConfig: (siteThemes
			? shikiConfig
			: {
					...shikiConfig,
					themes: DEFAULT_THEMES,
					defaultColor: false,
				}) as RendererOptions['shikiConfig'],
		gfm: true,
		smartypants: false,
	};
}
