import type { OutlineHeading, PlanOutline, RowGroup } from './outline.ts';

/** Where an anchor a previous deploy published lands now, on the same (or the moved) plan page. */
export type AnchorLanding =
	/** The same place under a new id: a heading reworded, a row renamed. */
	| { kind: 'renamed'; to: string }
	/** Its place is gone: the nearest place that still exists (the section or table around it). */
	| { kind: 'parent'; to: string }
	/** Nothing around it is left: the top of the page. */
	| { kind: 'top' };

/** Words of a heading, so that `Risks & Mitigations` and `Risks and mitigations` are the same words. */
function words(text: string): Set<string> {
	return new Set(
		text
			.toLowerCase()
			.replace(/&/g, ' and ')
			.split(/[^\p{L}\p{N}]+/u)
			.filter(Boolean),
	);
}

/** Shared words over all words (Jaccard). */
function likeness(a: string, b: string): number {
	const left = words(a);
	const right = words(b);
	const shared = [...left].filter((word) => right.has(word)).length;
	const all = new Set([...left, ...right]).size;
	return all === 0 ? 0 : shared / all;
}

/** Two headings are the same section reworded when half their words or more are the same. */
const SAME_WORDS = 0.5;

/**
 * Where each anchor of `before` that `after` no longer has lands on `after`. Headings are
 * matched among the new headings under the same (matched) parent: in place, when the section
 * kept its number of headings and the two share a word or what is under them; elsewhere among
 * them by half their words or more, never taking the place of another lost heading. A row is
 * matched by its place in the same table when the table kept its number of rows. What cannot
 * be matched lands on the nearest heading or table around it that still exists. `explicit`
 * (old id → id, from the author) comes first.
 */
export function matchAnchors(
	before: PlanOutline,
	beforeAnchors: readonly string[],
	after: PlanOutline,
	afterAnchors: readonly string[],
	explicit: ReadonlyMap<string, string> = new Map(),
): Map<string, AnchorLanding> {
	const present = new Set(afterAnchors);
	const published = new Set(beforeAnchors);
	// Ids a match may take: new on this page, not claimed by another old id.
	const free = new Set(afterAnchors.filter((id) => !published.has(id)));
	const landings = new Map<string, AnchorLanding>();
	const placeOf = (id: string | undefined): string | undefined => {
		if (id === undefined) return undefined;
		if (present.has(id)) return id;
		const landing = landings.get(id);
		return landing && landing.kind !== 'top' ? landing.to : undefined;
	};
	for (const [old, id] of explicit) {
		if (present.has(id) && !present.has(old)) {
			landings.set(old, { kind: 'renamed', to: id });
			free.delete(id);
		}
	}
	const renames = new Map<string, string>();
	const matchedGroups = new Set<string>();
	const siblings = { before, after, present, free, placeOf };
	for (const heading of before.headings) {
		if (present.has(heading.id) || landings.has(heading.id)) continue;
		const group = `${heading.parent ?? ''} ${heading.depth}`;
		if (!matchedGroups.has(group)) {
			matchedGroups.add(group);
			for (const [old, id] of renamedSiblings(heading, siblings)) {
				renames.set(old, id);
				free.delete(id);
			}
		}
		const renamed = renames.get(heading.id);
		landings.set(
			heading.id,
			renamed ? { kind: 'renamed', to: renamed } : landingOnParent(placeOf(heading.parent)),
		);
	}
	for (const group of before.rowGroups) {
		group.rows.forEach((row, index) => {
			if (present.has(row) || landings.has(row)) return;
			const renamed = renamedRow(group, index, after, free);
			if (renamed) {
				free.delete(renamed);
				landings.set(row, { kind: 'renamed', to: renamed });
			} else landings.set(row, landingOnParent(placeOf(group.anchor) ?? placeOf(group.section)));
		});
	}
	for (const anchor of beforeAnchors)
		if (!present.has(anchor) && !landings.has(anchor)) landings.set(anchor, { kind: 'top' });
	return landings;
}

function landingOnParent(place: string | undefined): AnchorLanding {
	return place === undefined ? { kind: 'top' } : { kind: 'parent', to: place };
}

interface Siblings {
	before: PlanOutline;
	after: PlanOutline;
	present: ReadonlySet<string>;
	free: ReadonlySet<string>;
	placeOf: (id: string | undefined) => string | undefined;
}

/**
 * The lost headings among `heading` and its siblings, each with the new sibling it became:
 * the best-scored pairs first, one new heading for one old one.
 */
function renamedSiblings(
	heading: OutlineHeading,
	{ before, after, present, free, placeOf }: Siblings,
): Map<string, string> {
	const parent = placeOf(heading.parent);
	const renames = new Map<string, string>();
	if (heading.parent !== undefined && parent === undefined) return renames;
	const olds = before.headings.filter(
		(other) => other.parent === heading.parent && other.depth === heading.depth,
	);
	const news = after.headings.filter(
		(other) => other.parent === parent && other.depth === heading.depth,
	);
	const lost = new Set(olds.filter((old) => !present.has(old.id)));
	const inPlace = olds.length === news.length;
	const pairs = [...lost].flatMap((old) =>
		news
			.filter((candidate) => free.has(candidate.id))
			.flatMap((candidate) => {
				const words = likeness(old.text, candidate.text);
				const place = news.indexOf(candidate);
				if (inPlace && place === olds.indexOf(old)) {
					const tied = words > 0 || sharesContent(old, before, candidate, after);
					return [{ old: old.id, id: candidate.id, score: words + (tied ? 1 : 0) }];
				}
				// In place of another lost heading, the candidate is that heading reworded.
				if (inPlace && lost.has(olds[place]!)) return [];
				return [{ old: old.id, id: candidate.id, score: words }];
			}),
	);
	const taken = new Set<string>();
	for (const pair of pairs.sort((a, b) => b.score - a.score)) {
		if (pair.score < SAME_WORDS || renames.has(pair.old) || taken.has(pair.id)) continue;
		renames.set(pair.old, pair.id);
		taken.add(pair.id);
	}
	return renames;
}

/** What sits under a heading: its subheadings and the rows of its tables. */
function contentUnder(heading: OutlineHeading, plan: PlanOutline): Set<string> {
	return new Set([
		...plan.headings.filter((other) => other.parent === heading.id).map((other) => other.id),
		...plan.rowGroups
			.filter((group) => group.section === heading.id)
			.flatMap((group) => group.rows),
	]);
}

function sharesContent(
	old: OutlineHeading,
	before: PlanOutline,
	candidate: OutlineHeading,
	after: PlanOutline,
): boolean {
	const under = contentUnder(candidate, after);
	return [...contentUnder(old, before)].some((item) => under.has(item));
}

function renamedRow(
	group: RowGroup,
	index: number,
	after: PlanOutline,
	free: ReadonlySet<string>,
): string | undefined {
	const same = after.rowGroups.find((other) => other.key === group.key);
	if (!same || same.rows.length !== group.rows.length) return undefined;
	const row = same.rows[index];
	return row !== undefined && free.has(row) ? row : undefined;
}
