import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';
import { isoDate } from './dates.ts';
import { headingText } from './headings.ts';
import { isFieldParagraph, readDocumentFields } from './metadata.ts';
import {
	displayText,
	type KeyedFrontmatter,
	type Stated,
	type StatedName,
	stated,
} from './stated-metadata.ts';
import { closestStatus, type Stage, stageOf } from './lifecycle.ts';
import { normalizeStatus } from './status.ts';
import { planTitle } from './title.ts';

/** What a plan says about itself, as `PlanData` holds it. */
export type PlanMetadata = Pick<
	PlanData,
	| 'title'
	| 'status'
	| 'statusKnown'
	| 'stage'
	| 'version'
	| 'date'
	| 'isoDate'
	| 'spec'
	| 'owner'
	| 'tags'
	| 'summary'
	| 'created'
	| 'updated'
	| 'authors'
	| 'reviewBy'
	| 'aliases'
	| 'aliasesLine'
	| 'anchors'
>;

/**
 * The plan's title, status, version, date, spec, owner, tags and summary, where the plan
 * states them: in its frontmatter, else in the fields at its top (`stated`). An unknown status
 * is a problem.
 */
export function readPlanMetadata(
	tree: Root,
	keyed: KeyedFrontmatter,
	{
		path,
		file,
		statuses,
	}: { path: string; file: string; statuses: Readonly<Record<string, Stage>> },
): { metadata: PlanMetadata; problems: Problem[] } {
	const problems: Problem[] = [];
	const fields = readDocumentFields(tree);
	const metadata = (name: StatedName) => stated(name, keyed, fields);
	const date = metadata('date')?.value;
	return {
		metadata: {
			title: planTitle(keyed.values.get('title'), tree, path),
			...readStatus(metadata('status'), { file, statuses }, problems),
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
			reviewBy: readReviewBy(metadata('reviewBy')),
			created: dayOf(keyed.values.get('created')),
			updated: dayOf(keyed.values.get('updated')),
			authors: names(keyed.values.get('authors')),
			aliases: oldPaths(keyed.values.get('aliases')),
			aliasesLine: keyed.values.has('aliases') ? keyed.lines.get('aliases') : undefined,
			anchors: oldAnchors(keyed.values.get('anchors')),
		},
		problems,
	};
}

/** When the plan says it must be reviewed again, and where it says so; none when unreadable. */
function readReviewBy(written: Stated | undefined): PlanData['reviewBy'] {
	const date = written ? isoDate(written.value) : undefined;
	return written && date ? { date, line: written.line, column: written.column } : undefined;
}

/** A frontmatter date (`2026-03-01`, or YAML's date) as `YYYY-MM-DD`; none when unreadable. */
function dayOf(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		return value.toISOString().slice(0, 10);
	return typeof value === 'string' ? isoDate(value) : undefined;
}

/** Frontmatter `authors`: a list of names, or one name. */
function names(value: unknown): string[] | undefined {
	const list = (Array.isArray(value) ? value : [value])
		.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
		.map((item) => item.trim());
	return list.length > 0 ? list : undefined;
}

/** Frontmatter `aliases`: the paths the plan had before (`payments/checkout.md`); none when empty. */
function oldPaths(value: unknown): string[] | undefined {
	const list = (Array.isArray(value) ? value : value === undefined ? [] : [value])
		.filter((item) => typeof item === 'string' && item.trim() !== '')
		.map((item: string) => item.trim());
	return list.length > 0 ? list : undefined;
}

/** Frontmatter `anchors`: ids the plan's links had before, each with the id it has now. */
function oldAnchors(value: unknown): Record<string, string> | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const entries = Object.entries(value).filter(
		(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
	);
	return entries.length > 0
		? Object.fromEntries(entries.map(([old, id]) => [old, id.replace(/^#/, '')]))
		: undefined;
}

/** The status as written and normalised; an unknown one is kept and warned about. */
function readStatus(
	written: Stated | undefined,
	{ file, statuses }: { file: string; statuses: Readonly<Record<string, Stage>> },
	problems: Problem[],
): { status: string | undefined; statusKnown: boolean; stage: Stage | undefined } {
	if (!written) return { status: undefined, statusKnown: true, stage: undefined };
	const normalized = normalizeStatus(written.value);
	const stage = stageOf(normalized.status, statuses);
	if (!stage) {
		const closest = closestStatus(normalized.status, statuses);
		problems.push({
			severity: 'warning',
			message: `Unknown status "${normalized.status}"; it is shown as written, under no stage.`,
			file,
			line: written.line,
			column: written.column,
			hint: closest
				? `Did you mean "${closest}"? A word of the team's own goes in the \`statuses\` option with its stage.`
				: `Give it a stage in the \`statuses\` option (draft, review, accepted, done or closed), or use a known status such as Draft, In Review, Approved, Implemented or Superseded.`,
		});
	}
	return { status: normalized.status, statusKnown: normalized.known, stage };
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
