import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MermaidCache } from '../diagrams/mermaid/cache.ts';
import { readFrontmatter, splitFrontmatter } from '../parse/frontmatter.ts';
import { parsePlan } from '../parse/plan.ts';
import { imageRootsOf } from '../repository.ts';
import type { Stage } from '../parse/lifecycle.ts';
import { sanitizeAuthorContent } from '../parse/sanitize.ts';
import { parseMarkdown } from '../parse/tree.ts';
import type { PlanData } from '../schema.ts';
import type { PlanRenderer, RenderedPlan } from '../markdown/types.ts';

/** A plan file to read: where it is and what it holds. */
export interface PlanSource {
	/** Path relative to the project root, for messages. */
	file: string;
	/** Path relative to the plans folder. */
	path: string;
	absolute: string;
	raw: string;
	/** Sanitise its raw HTML and link URLs (the `sanitize` option). */
	sanitize: boolean;
	/** Report box drawings that fail their check (the `drawings.verify` option). */
	verifyDrawings: boolean;
	/** The site's own status words and their stages (the `statuses` option). */
	statuses?: Record<string, Stage>;
	/** The site's `public/` folder and the plans' git repository root, where images written from the root are found. */
	publicDir?: string;
	repositoryRoot?: string;
	/** Read its data only: `astro dev` renders the HTML when the page is first requested. */
	deferRender?: boolean;
}

export interface ReadAndRendered {
	/** The plan's data, not yet validated by the collection schema. */
	data: PlanData;
	/** The normalised source (no BOM, LF line endings). */
	source: string;
	/**
	 * The rendered Markdown plan, unless it waits for Mermaid renders the cache does not have
	 * yet (then `renderPlanSource` renders it after the batch render). MDX plans render with
	 * their page.
	 */
	rendered?: RenderedPlan;
	/** The relative images the HTML will hold (see `ParsedPlan`). */
	imagePaths: string[];
}

/**
 * Reads a plan's data and renders it from the same tree, so each plan is parsed once. Runs in
 * the build's thread or in a render thread.
 */
export async function readAndRender(
	plan: PlanSource,
	renderer: () => Promise<PlanRenderer>,
	mermaidCache: MermaidCache,
): Promise<ReadAndRendered> {
	const folder = dirname(plan.absolute);
	const fileExists = (image: string) => existsSync(join(folder, image));
	const imageRoots =
		plan.publicDir === undefined
			? undefined
			: imageRootsOf(folder, plan.publicDir, plan.repositoryRoot);
	const parsed = parsePlan({ ...plan, fileExists, imageRoots });
	const { data, source, imagePaths } = parsed;
	if (data.format === 'mdx' || plan.deferRender || waitsForMermaid(data, mermaidCache))
		return { data, source, imagePaths };
	return {
		data,
		source,
		imagePaths,
		rendered: await (await renderer()).render(parsed.tree, plan.absolute, parsed.frontmatter),
	};
}

/** Tells whether some Mermaid diagram of the plan has no render in the cache yet. */
export function waitsForMermaid(data: PlanData, mermaidCache: MermaidCache): boolean {
	return mermaidCache.undrawn(data.diagrams).length > 0;
}

/**
 * Renders a Markdown plan from its source (for plans that waited for their Mermaid renders),
 * sanitised as `readAndRender` sanitised the tree it parsed (its removals are reported already).
 */
export async function renderPlanSource(
	absolute: string,
	source: string,
	sanitize: boolean,
	renderer: () => Promise<PlanRenderer>,
): Promise<RenderedPlan> {
	const { yaml, body } = splitFrontmatter(source);
	const tree = parseMarkdown(body);
	if (sanitize) sanitizeAuthorContent(tree);
	return (await renderer()).render(
		tree,
		absolute,
		yaml === undefined ? {} : readFrontmatter(yaml, absolute).values,
	);
}
