import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitMdast } from './visit.ts';
import { posix } from 'node:path';
import { collectDiagramFences } from './fences.ts';
import { unverifiedDrawings } from './drawings.ts';
import type { PlanData } from '../schema.ts';
import type { CostTable } from './costs.ts';
import { isoDate } from './dates.ts';
import { extractPlanFacts } from './facts.ts';
import { readFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { collectHeadings, headingText } from './headings.ts';
import { collectHtmlAnchors } from './html-anchors.ts';
import { collectPlanLinks } from './links.ts';
import { isFieldParagraph, readDocumentFields } from './metadata.ts';
import type { Problem } from '../problems.ts';
import { normalizeSource } from './source.ts';
import { normalizeStatus } from './status.ts';
import { findRootImage, type ImageRoots, isRootPath } from './image-roots.ts';
import { localImagePath, rawLocalImages } from './images.ts';
import { nestingProblem } from './nesting.ts';
import { planSizeProblem } from './size.ts';
import { placeInNode } from './place.ts';
import { collectPlaceholders } from './placeholders.ts';
import { sanitizeAuthorContent } from './sanitize.ts';
import {
	displayText,
	keyedFrontmatter,
	type Stated,
	type StatedName,
	stated,
} from './stated-metadata.ts';
import { planTitle, titleHeadingShownInHeader } from './title.ts';
import { parseMarkdown } from './tree.ts';

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
	imageRoots,
}: ParsePlanInput): ParsedPlan {
	const source = normalizeSource(raw);
	const problems: Problem[] = [];
	const format = /\.mdx$/i.test(path) ? 'mdx' : 'md';
	const { yaml, body } = splitFrontmatter(source);

	const {
		values: frontmatter,
		unread: unreadFrontmatter,
		problems: yamlProblems,
	} = yaml === undefined ? { values: {}, unread: [], problems: [] } : readFrontmatter(yaml, file);
	problems.push(...yamlProblems);
	const tooLarge = planSizeProblem(raw, file);
	if (tooLarge) problems.push(tooLarge);
	// The body of a plan over the size limit is left unread: rendering it could exhaust memory.
	const tree = readTree(tooLarge ? '' : body, format, file, problems);
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

	const headings = collectHeadings(tree);
	const keyed = keyedFrontmatter(frontmatter, yaml);
	const fields = readDocumentFields(tree);
	const metadata = (name: StatedName) => stated(name, keyed, fields);
	const date = metadata('date')?.value;
	const inHeader = titleHeadingShownInHeader(keyed.values.get('title'), tree);

	return {
		source,
		frontmatter,
		problems,
		tree,
		imagePaths: images.imagePaths,
		data: {
			title: planTitle(keyed.values.get('title'), tree, path),
			...readStatus(metadata('status'), file, problems),
			version: metadata('version')?.value,
			date,
			isoDate: date ? isoDate(date) : undefined,
			spec: readSpec(metadata('spec')),
			owner: metadata('owner')?.value,
			tags: Array.isArray(keyed.values.get('tags'))
				? (keyed.values.get('tags') as unknown[]).map(String)
				: [],
			summary:
				displayText(keyed.values.get('description')) ??
				displayText(keyed.values.get('summary')) ??
				executiveSummary(tree),
			unreadFrontmatter,
			file,
			path,
			folder: posix.dirname(path) === '.' ? '' : posix.dirname(path),
			format,
			headings: headings.map(({ depth, id, text, line, node }) => ({
				depth,
				id,
				text,
				line,
				...(node === inHeader && { title: true }),
			})),
			htmlAnchors: collectHtmlAnchors(tree),
			links: collectPlanLinks(tree, path),
			...facts,
			diagrams,
			placeholders: collectPlaceholders(tree),
			problems,
		},
	};
}

/** Parses the body; an MDX body that does not parse is reported and read again as Markdown without its expressions. */
function readTree(body: string, format: 'md' | 'mdx', file: string, problems: Problem[]): Root {
	try {
		return parseMarkdown(body, { mdx: format === 'mdx' });
	} catch (error) {
		const place = (
			error as {
				place?: { line?: number; column?: number; start?: { line: number; column: number } };
			}
		).place;
		const start = place && 'start' in place && place.start ? place.start : place;
		problems.push({
			severity: 'error',
			message: `Could not parse MDX: ${(error as Error).message}`,
			file,
			line: start?.line ?? 1,
			column: start?.column ?? 1,
			hint: 'In .mdx files `{`, `}` and `<` start expressions and components; escape them as `\\{` or `&lt;`, or rename the file to .md.',
		});
		return parseMarkdown(body.replace(/[{}<]/g, ' '));
	}
}

/** The status as written and normalised; an unknown one is kept and warned about. */
function readStatus(
	written: Stated | undefined,
	file: string,
	problems: Problem[],
): { status: string | undefined; statusKnown: boolean } {
	if (!written) return { status: undefined, statusKnown: true };
	const normalized = normalizeStatus(written.value);
	if (!normalized.known) {
		problems.push({
			severity: 'warning',
			message: `Unknown status "${normalized.status}"; it is shown as written.`,
			file,
			line: written.line,
			column: written.column,
			hint: 'Use Draft, In Review or Approved so the plan is counted in the status board.',
		});
	}
	return { status: normalized.status, statusKnown: normalized.known };
}

/** The spec the plan is based on, with its link when it has one. */
function readSpec(
	written: Stated | undefined,
): { text: string; href: string | undefined } | undefined {
	if (!written) return undefined;
	if (written.inFrontmatter)
		return { text: written.value, href: looksLikeLink(written.value) ? written.value : undefined };
	return { text: written.value, href: written.href };
}

function looksLikeLink(value: string): boolean {
	return /^(https?:\/\/|\.{0,2}\/|[\w-]+\.mdx?$)/i.test(value);
}

/** First paragraph under a heading named "Executive Summary" (or "Summary"). */
function executiveSummary(tree: Root): string | undefined {
	const nodes = tree.children;
	const start = nodes.findIndex(
		(node) =>
			node.type === 'heading' &&
			/^(executive\s+)?summary$/i.test(headingText(node).replace(/^[\d.\s]+/, '')),
	);
	if (start === -1) return undefined;
	for (const node of nodes.slice(start + 1)) {
		if (node.type === 'heading') return undefined;
		if (node.type === 'paragraph' && !isFieldParagraph(node.children)) {
			const summary = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
			if (summary && !/^\[.*\]$/.test(summary))
				return summary.length > 300 ? `${summary.slice(0, 297)}…` : summary;
		}
	}
	return undefined;
}

/** Sanitises the author's HTML and URLs in place: each removal is a warning at its place. */
function sanitizeProblems(tree: Root, file: string): Problem[] {
	return sanitizeAuthorContent(tree).map(({ line, column, message }) => ({
		severity: 'warning' as const,
		message,
		file,
		line,
		column,
		hint: 'Plans show the HTML GitHub shows. Use Markdown, or set `sanitize: false` in plans() options if every author is trusted.',
	}));
}

/**
 * The relative images of a plan, in Markdown or in raw HTML: those whose file is not there are
 * problems (Astro would abort the whole build on them); the others are listed as the renderer
 * lists them: Markdown images with the `./` that `remarkLocalImages` gives them, image
 * references as Astro collects them, then raw HTML images.
 */
function readImages(
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

/** A written total that the rows do not add up to, and cost cells that cannot be read. */
function costProblems(tables: CostTable[], file: string): Problem[] {
	const problems: Problem[] = [];
	for (const table of tables) {
		if (table.mismatch && table.written) {
			problems.push({
				severity: 'warning',
				file,
				line: table.written.line,
				column: 1,
				message: `Cost table total does not add up: ${table.mismatch}.`,
				hint: 'Fix the Total row or the rows; the page shows the computed total next to the written one.',
			});
		}
		for (const item of table.items) {
			if (item.cost.kind !== 'invalid') continue;
			problems.push({
				severity: 'warning',
				file,
				line: item.line,
				column: 1,
				message: `Cost "${item.cost.text}" of "${item.component}" cannot be read (${item.cost.reason}); it is shown as written and left out of the total.`,
				hint: 'Write amounts like $120, €64.50, $1.2k, $120–$150 or $585/mo.',
			});
		}
	}
	return problems;
}
