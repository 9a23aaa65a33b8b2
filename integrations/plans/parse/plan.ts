import type { Heading, Root } from 'mdast';
import { posix } from 'node:path';
import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';
import type { Stage } from './lifecycle.ts';
import { readDocumentFields } from './metadata.ts';
import { readRelations } from './relations.ts';
import { costProblems } from './cost-problems.ts';
import { unverifiedDrawings } from './drawings.ts';
import { extractPlanFacts } from './facts.ts';
import { collectDiagramFences } from './fences.ts';
import { type Frontmatter, readFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { collectHeadings } from './headings.ts';
import { collectHtmlAnchors } from './html-anchors.ts';
import { readImages } from './image-checks.ts';
import type { ImageRoots } from './image-roots.ts';
import { collectPlanLinks } from './links.ts';
import { nestingProblem } from './nesting.ts';
import { collectPlaceholders } from './placeholders.ts';
import { readPlanMetadata } from './plan-metadata.ts';
import { sanitizeProblems } from './sanitize.ts';
import { planSizeProblem } from './size.ts';
import { normalizeSource } from './source.ts';
import { keyedFrontmatter } from './stated-metadata.ts';
import { titleHeadingShownInHeader } from './title.ts';
import { parsePlanBody } from './tree.ts';

export interface ParsePlanInput {
	/** File contents as read from disk (BOM and CRLF allowed). */
	raw: string;
	/** Path relative to the project root, for messages: `plans/payments/checkout.md`. */
	file: string;
	/** Path relative to the plans folder: `payments/checkout.md`. */
	path: string;
	/** Tells whether a file next to the plan exists (for relative images); omit to skip the check. */
	fileExists?: (pathFromPlan: string) => boolean;
	/** Sanitise the raw HTML and link URLs of a Markdown plan (the `sanitize` option). */
	sanitize?: boolean;
	/** Report box drawings that fail their check against the source (the `drawings.verify` option). */
	verifyDrawings?: boolean;
	/** The site's own status words and their stages (the `statuses` option). */
	statuses?: Readonly<Record<string, Stage>>;
	/** Where images written from the root (`/x.png`) are looked for; without it they are not checked. */
	imageRoots?: ImageRoots;
}

export interface ParsedPlan {
	data: PlanData;
	problems: Problem[];
	/** The body's Markdown tree (frontmatter blanked, positions are file positions), for rendering it without parsing it again. */
	tree: Root;
	/** The normalised source (no BOM, LF line endings), which is what gets rendered. */
	source: string;
	/** The frontmatter entries YAML could read, as written. */
	frontmatter: Record<string, unknown>;
	/**
	 * The relative images Astro's image pipeline will publish for this plan, as the renderer
	 * lists them (`localImagePaths`); only when `fileExists` is given. `astro dev` stores them
	 * with a plan before its HTML is rendered, so that its images resolve.
	 */
	imagePaths: string[];
}

/** Computes the typed plan of one file. Pure: no file system, no Astro. */
export function parsePlan({
	raw,
	file,
	path,
	fileExists,
	sanitize = true,
	verifyDrawings = true,
	statuses = {},
	imageRoots,
}: ParsePlanInput): ParsedPlan {
	const source = normalizeSource(raw);
	const format = /\.mdx$/i.test(path) ? 'mdx' : 'md';
	const { yaml, body } = splitFrontmatter(source);
	const frontmatter: Frontmatter =
		yaml === undefined ? { values: {}, unread: [], problems: [] } : readFrontmatter(yaml, file);
	const problems: Problem[] = [...frontmatter.problems];
	const tooLarge = planSizeProblem(raw, file);
	if (tooLarge) problems.push(tooLarge);
	// The body of a plan over the size limit is left unread: rendering it could exhaust memory.
	const { tree, problem: notParsed } = parsePlanBody(tooLarge ? '' : body, format, file);
	if (notParsed) problems.push(notParsed);
	const tooDeep = nestingProblem(tree, file);
	if (tooDeep) problems.push(tooDeep);

	if (sanitize && format === 'md') problems.push(...sanitizeProblems(tree, file));
	const images = fileExists
		? readImages(tree, file, fileExists, imageRoots)
		: { problems: [], imagePaths: [] };
	problems.push(...images.problems);

	const { facts } = extractPlanFacts(tree);
	problems.push(...costProblems(facts.costs, file));
	const diagrams = collectDiagramFences(tree).map(({ node: _node, ...fence }) => fence);
	if (verifyDrawings) problems.push(...unverifiedDrawings(diagrams, file, source));

	const keyed = keyedFrontmatter(frontmatter.values, yaml);
	const { metadata, problems: metadataProblems } = readPlanMetadata(tree, keyed, {
		path,
		file,
		statuses,
	});
	problems.push(...metadataProblems);
	const inHeader = titleHeadingShownInHeader(keyed.values.get('title'), tree);
	const links = collectPlanLinks(tree, path);

	return {
		source,
		frontmatter: frontmatter.values,
		problems,
		tree,
		imagePaths: images.imagePaths,
		data: {
			...metadata,
			unreadFrontmatter: frontmatter.unread,
			file,
			path,
			folder: posix.dirname(path) === '.' ? '' : posix.dirname(path),
			format,
			headings: planHeadings(tree, inHeader),
			htmlAnchors: collectHtmlAnchors(tree),
			links,
			relations: readRelations(keyed, readDocumentFields(tree), links, path),
			...facts,
			diagrams,
			placeholders: collectPlaceholders(tree),
			problems,
		},
	};
}

/** The plan's headings as `PlanData` lists them, the one the page header shows marked `title`. */
function planHeadings(tree: Root, inHeader: Heading | undefined): PlanData['headings'] {
	return collectHeadings(tree).map(({ depth, id, text, line, node }) => ({
		depth,
		id,
		text,
		line,
		...(node === inHeader && { title: true }),
	}));
}
