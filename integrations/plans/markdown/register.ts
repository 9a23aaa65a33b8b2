import type { AstroConfig } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeSlug from 'rehype-slug';
import { mermaidCacheDir } from '../diagrams/mermaid/cache.ts';
import type { PlansOptions } from '../options.ts';
import { PLANS_VERSION } from '../version.ts';
import { remarkAdoptParsedTree } from './adopt-tree.ts';
import { remarkCodeLanguages } from './code-languages.ts';
import { remarkCostTables } from './cost-tables.ts';
import { remarkPlanFacts } from './plan-facts.ts';
import { remarkRiskTables } from './risk-tables.ts';
import { rehypeRowAnchors } from './row-anchors.ts';
import { remarkScalingCharts } from './scaling-charts.ts';
import { remarkDiagrams } from './diagrams.ts';
import { rehypeHeadingAnchors } from './heading-anchors.ts';
import { remarkHeadingIds } from './heading-ids.ts';
import { remarkLocalImages } from './local-images.ts';
import { rehypeRawImages } from './raw-images.ts';
import { remarkPlanLinks } from './plan-links.ts';
import { remarkPlanPreamble } from './plan-preamble.ts';
import { rehypeTableScroll } from './table-scroll.ts';

export interface MarkdownContext {
	/** Folder of the Mermaid render cache. */
	mermaidCacheDir: string;
	/** Broken Mermaid diagrams become error boxes instead of failing the build. */
	showDiagramErrors: boolean;
	/** Absolute path of the plans folder. */
	plansDir: string;
	base: string;
	trailingSlash: AstroConfig['trailingSlash'];
}

type MarkdownProcessor = AstroConfig['markdown']['processor'];

/** What the plugins need to know of the site and the plans options. */
export function markdownContext(config: AstroConfig, options: PlansOptions, { dev }: { dev: boolean }): MarkdownContext {
	return {
		plansDir: join(fileURLToPath(config.root), options.directory),
		mermaidCacheDir: mermaidCacheDir(config.cacheDir),
		showDiagramErrors: (options.mermaid.onError ?? (dev ? 'show' : 'error')) === 'show',
		base: config.base,
		trailingSlash: config.trailingSlash,
	};
}

/**
 * Our plugin functions. On `globalThis`: the loader, a different copy of this module (it runs
 * in Vite's module runner), checks the site's processor against them.
 */
const OWN_PLUGINS = Symbol.for('plans:markdown-plugins');
const ownPlugins: Set<unknown> = ((globalThis as Record<symbol, unknown>)[OWN_PLUGINS] ??= new Set()) as Set<unknown>;
for (const plugin of [
	remarkAdoptParsedTree,
	remarkHeadingIds,
	remarkPlanFacts,
	remarkPlanPreamble,
	remarkPlanLinks,
	remarkLocalImages,
	remarkDiagrams,
	remarkCodeLanguages,
	remarkCostTables,
	remarkRiskTables,
	remarkScalingCharts,
	rehypeSlug,
	rehypeHeadingAnchors,
	rehypeRowAnchors,
	rehypeTableScroll,
	rehypeRawImages,
]) {
	ownPlugins.add(plugin);
}

/**
 * Tells whether the site's processor runs only the plans plugins, so that a render thread
 * building its own processor with `registerMarkdownPlugins` renders exactly the same HTML.
 */
export function hasOnlyPlansPlugins(processor: MarkdownProcessor): boolean {
	if (processor.name !== 'unified' || !('options' in processor)) return false;
	const { remarkPlugins, rehypePlugins } = processor.options as { remarkPlugins: unknown[]; rehypePlugins: unknown[] };
	return [...remarkPlugins, ...rehypePlugins].every((entry) => ownPlugins.has(Array.isArray(entry) ? entry[0] : entry));
}

/**
 * Adds the plans plugins to the site's unified Markdown processor (they also reach MDX,
 * which copies the processor's plugins). Any other processor is a configuration error:
 * silently rendering plans without anchors, link rewriting and diagrams is worse.
 */
export async function registerMarkdownPlugins(processor: MarkdownProcessor, context: MarkdownContext): Promise<void> {
	const { isUnifiedProcessor } = await import('@astrojs/markdown-remark');
	if (!isUnifiedProcessor(processor)) {
		throw new AstroError(
			`The plans integration needs the unified Markdown processor, but this site uses "${processor.name}".`,
			"Set it in astro.config.mjs: import { unified } from '@astrojs/markdown-remark'; … markdown: { processor: unified() }",
		);
	}
	// Plan pages render like GitHub renders the same file: straight quotes, `--` as written.
	// It also keeps heading ids equal to GitHub's, which smart punctuation would change.
	processor.options.smartypants = false;
	// The version makes Astro's config digest (and so its content cache) change on upgrade.
	const versioned = { version: PLANS_VERSION };
	// First of all plugins: the loader's already parsed tree replaces the (empty) one.
	processor.options.remarkPlugins.unshift(remarkAdoptParsedTree);
	processor.options.remarkPlugins.push(
		[remarkHeadingIds, versioned],
		// Facts first: they are read from the tree exactly as the loader parsed it.
		remarkPlanFacts,
		[remarkPlanPreamble, { plansDir: context.plansDir }],
		[remarkPlanLinks, { plansDir: context.plansDir, base: context.base, trailingSlash: context.trailingSlash }],
		remarkLocalImages,
		// Diagrams before code languages: both look at fence languages, diagrams must see them as written.
		[remarkDiagrams, { mermaidCacheDir: context.mermaidCacheDir, showErrors: context.showDiagramErrors, base: context.base, trailingSlash: context.trailingSlash }],
		remarkCodeLanguages,
		remarkCostTables,
		remarkRiskTables,
		remarkScalingCharts,
	);
	processor.options.rehypePlugins.push(rehypeSlug, rehypeHeadingAnchors, rehypeRowAnchors, rehypeTableScroll, rehypeRawImages);
}
