import type { AstroConfig } from 'astro';
import { isAbsolute, relative } from 'node:path';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import type { VitePlugin } from '../vite-plugin.ts';
import type { MarkdownContext } from './types.ts';
import {
	codeHighlighting,
	PLAN_REHYPE_PLUGINS,
	planRemarkPlugins,
	planRendererOptions,
} from './pipeline.ts';
import { rehypeTableScroll } from './table-scroll.ts';

type MarkdownProcessor = AstroConfig['markdown']['processor'];
type MdxRendererFactory = NonNullable<MarkdownProcessor['createMdxRenderer']>;
type MdxRenderer = Awaited<ReturnType<MdxRendererFactory>>;

/** Tells whether a file is an MDX plan: an `.mdx` file in the plans folder. */
export function isMdxPlan(path: string | undefined, plansDir: string): boolean {
	return (
		path !== undefined &&
		/\.mdx$/i.test(path) &&
		isAbsolute(path) &&
		!relative(plansDir, path).startsWith('..')
	);
}

/**
 * MDX plans compile with the plans plugins whatever Markdown processor the site uses, the way
 * Markdown plans render with the plans pipeline. @astrojs/mdx asks the site's processor for its
 * MDX renderer; the processor answers with one that gives files in the plans folder to a
 * unified MDX renderer of the plans, and every other file to the site's own renderer, so the
 * site's MDX pages compile exactly as they would without the integration.
 *
 * `compiled` records each plan file the plans renderer compiled, so a plan that reached
 * @astrojs/mdx some other way (its own `processor` option) is caught (`vitePluginMdxPlanCheck`).
 */
export function routeMdxPlans(
	processor: MarkdownProcessor,
	config: AstroConfig,
	context: MarkdownContext,
	compiled: Set<string>,
): void {
	const siteRenderer = processor.createMdxRenderer?.bind(processor);
	processor.createMdxRenderer = async (shared, mdx) => {
		const [site, plans] = await Promise.all([
			siteRenderer?.(shared, mdx),
			createMdxPlanRenderer(config, context, mdx),
		]);
		return {
			process(content, filePath, frontmatter) {
				if (isMdxPlan(filePath, context.plansDir)) {
					compiled.add(filePath);
					return plans.process(content, filePath, frontmatter);
				}
				if (!site) throw new Error(`The "${processor.name}" Markdown processor cannot render MDX.`);
				return site.process(content, filePath, frontmatter);
			},
		};
	};
}

/**
 * Astro's unified MDX renderer with the plans plugins and the plans' code highlighting (the
 * same as Markdown plans, cache included); GitHub's punctuation, as Markdown plans have it.
 */
async function createMdxPlanRenderer(
	config: AstroConfig,
	context: MarkdownContext,
	mdx: Parameters<MdxRendererFactory>[1],
): Promise<MdxRenderer> {
	const { unified } = await import('@astrojs/markdown-remark');
	const options = planRendererOptions(config);
	const rehypePlugins: RehypePlugins = [
		...((await codeHighlighting(options, context)) as RehypePlugins),
		// Headings the remark stage did not see (written in JSX) get their ids here.
		rehypeSlug,
		...PLAN_REHYPE_PLUGINS,
		// MDX writes HTML as JSX elements: tables are elements already.
		rehypeTableScroll,
	];
	const processor = unified({
		remarkPlugins: planRemarkPlugins(context) as RemarkPlugins,
		rehypePlugins,
		gfm: true,
		smartypants: false,
	});
	// Optional for processors in general; unified() always has it.
	return processor.createMdxRenderer!(
		{ ...options, syntaxHighlight: false, gfm: true, smartypants: false },
		mdx,
	);
}

/**
 * Stops the build at an MDX plan @astrojs/mdx compiled without the plans renderer: that
 * happens when `mdx()` is given a processor of its own, which the site's processor cannot
 * route, and the plan would lose its diagrams, anchors and links.
 */
export function vitePluginMdxPlanCheck(plansDir: string, compiled: Set<string>): VitePlugin {
	return {
		name: 'astro-technical-plans:mdx-plan-check',
		// After @astrojs/mdx's compile, which is `enforce: 'pre'` and takes the same files.
		transform: {
			filter: { id: /\.mdx$/i },
			handler(_code, id) {
				if (!isMdxPlan(id, plansDir) || compiled.has(id)) return undefined;
				// Vite keeps an error's message, not its hint: the change to make is in the message.
				throw new Error(
					`${relative(process.cwd(), id)} is an MDX plan, and @astrojs/mdx compiled it with a Markdown processor of its own, which runs none of the plans plugins: the plan would lose its diagrams, anchors and links. Remove the \`processor\` option (or \`extendMarkdownConfig: false\`) from mdx() in astro.config, so MDX follows the site’s processor; or rename the plan to .md.`,
				);
			},
		},
	};
}
