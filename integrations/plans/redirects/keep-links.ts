import type { AnchorList } from '../indexes/anchors.ts';
import { type AnchorLanding, matchAnchors } from './match-anchors.ts';
import { matchPages } from './match-plans.ts';
import type { PlanOutline } from './outline.ts';

/** One deploy's published links: its `anchors.json` and its plans (from `plans.json`). */
export interface Deploy {
	anchors: AnchorList;
	plans: readonly PlanOutline[];
}

/** What the authors say: old plan URLs their plans had (`aliases`), old ids per page (`anchors`). */
export interface AuthoredLinks {
	pages: ReadonlyMap<string, string>;
	anchors: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A line of the build's report on kept links. */
export interface KeptLinkNote {
	severity: 'info' | 'warning';
	message: string;
}

/** How the links of a previous deploy keep landing on this one. */
export interface KeptLinks {
	/** Old page URL → the page that opens now (the plan moved, maybe more than once). */
	redirects: Map<string, string>;
	/** Old page URL of a removed plan → its title then. */
	removed: Map<string, string>;
	/** Page URL → old id → the id on that page its links land on. */
	aliases: Map<string, Map<string, string>>;
	notes: KeptLinkNote[];
}

/**
 * Where every link of `previous` lands on `current`: pages that moved get a redirect (chains
 * of earlier moves followed), ids that changed get an alias on the page they moved to, and
 * what is gone lands on what is left around it, with a warning.
 */
export function keepLinks(
	previous: Deploy,
	current: Deploy,
	authored: AuthoredLinks = { pages: new Map(), anchors: new Map() },
): KeptLinks {
	const kept: KeptLinks = {
		redirects: new Map(),
		removed: new Map(),
		aliases: new Map(),
		notes: [],
	};
	const now = new Map(current.plans.map((plan) => [plan.url, plan]));
	const then = previousPages(previous);
	const pages = matchPages([...then.values()], current.plans, authored.pages);
	const pageNow = (url: string): string | undefined => {
		if (now.has(url)) return url;
		const landing = pages.get(url);
		return landing?.kind === 'moved' ? landing.to : undefined;
	};
	for (const [url, landing] of pages) {
		if (landing.kind === 'moved') {
			kept.redirects.set(url, landing.to);
			kept.notes.push({ severity: 'info', message: `${url} → ${landing.to}` });
		} else {
			const title = then.get(url)!.title;
			kept.removed.set(url, title);
			kept.notes.push({
				severity: 'warning',
				message: `${url}${title === url ? '' : ` (${title})`} is no longer published: its links land on a notice pointing to the plans index.`,
			});
		}
	}
	followEarlierMoves(previous.anchors.moved ?? {}, pageNow, now, kept);
	for (const [url, before] of then) {
		const target = pageNow(url);
		if (target === undefined) continue;
		keepAnchors(before, previous, now.get(target)!, current, authored, kept);
	}
	return kept;
}

/**
 * Every page the previous deploy published, with its outline from its `plans.json`; a page
 * only its `anchors.json` names has an empty one (its lost ids then land on the page's top).
 */
function previousPages(previous: Deploy): Map<string, PlanOutline> {
	const pages = new Map(previous.plans.map((plan) => [plan.url, plan]));
	for (const url of Object.keys(previous.anchors.pages ?? {}))
		if (!pages.has(url))
			pages.set(url, { url, title: url, file: url, headings: [], rowGroups: [], htmlAnchors: [] });
	return pages;
}

/** Redirects an earlier deploy served: the old URL now opens wherever its target is now. */
function followEarlierMoves(
	moved: Record<string, string>,
	pageNow: (url: string) => string | undefined,
	now: ReadonlyMap<string, PlanOutline>,
	kept: KeptLinks,
): void {
	for (const [old, target] of Object.entries(moved)) {
		if (now.has(old) || kept.redirects.has(old)) continue;
		const to = pageNow(target);
		if (to !== undefined) kept.redirects.set(old, to);
		else if (kept.removed.has(target)) kept.removed.set(old, kept.removed.get(target)!);
	}
}

/** The ids of `before` that `after` lacks, each given the place its links land on now. */
function keepAnchors(
	before: PlanOutline,
	previous: Deploy,
	after: PlanOutline,
	current: Deploy,
	authored: AuthoredLinks,
	kept: KeptLinks,
): void {
	const beforeAnchors = previous.anchors.pages[before.url] ?? [];
	const afterAnchors = current.anchors.pages[after.url] ?? [];
	const explicit = authored.anchors.get(after.url);
	const landings = matchAnchors(before, beforeAnchors, after, afterAnchors, explicit);
	// Ids an earlier deploy kept land where the id they stood for lands now.
	const present = new Set(afterAnchors);
	for (const [old, target] of Object.entries(previous.anchors.aliases?.[before.url] ?? {})) {
		if (present.has(old)) continue;
		landings.set(
			old,
			present.has(target)
				? { kind: 'renamed', to: target }
				: (landings.get(target) ?? { kind: 'top' }),
		);
	}
	const aliases = kept.aliases.get(after.url) ?? new Map<string, string>();
	for (const [old, landing] of [...landings].sort(([a], [b]) => a.localeCompare(b))) {
		if (landing.kind !== 'top' && !aliases.has(old)) aliases.set(old, landing.to);
		kept.notes.push(noteOn(after.file, old, landing));
	}
	if (aliases.size > 0) kept.aliases.set(after.url, aliases);
}

function noteOn(file: string, old: string, landing: AnchorLanding): KeptLinkNote {
	if (landing.kind === 'renamed')
		return { severity: 'info', message: `${file}: #${old} → #${landing.to}` };
	if (landing.kind === 'parent')
		return {
			severity: 'warning',
			message: `${file}: #${old} is gone; its links land on #${landing.to}, the section around it.`,
		};
	return {
		severity: 'warning',
		message: `${file}: #${old} is gone; its links land on the top of the page.`,
	};
}

/** `anchors.json` of this deploy: every id a page serves, its own and those it keeps, and the moves. */
export function anchorListWith(current: AnchorList, kept: KeptLinks): AnchorList {
	const pages = Object.fromEntries(
		Object.entries(current.pages).map(([url, anchors]) => [
			url,
			[...new Set([...anchors, ...(kept.aliases.get(url)?.keys() ?? [])])].sort(),
		]),
	);
	const aliases = Object.fromEntries(
		[...kept.aliases]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([url, map]) => [
				url,
				Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b))),
			]),
	);
	const moved = Object.fromEntries([...kept.redirects].sort(([a], [b]) => a.localeCompare(b)));
	return {
		pages,
		...(kept.redirects.size > 0 ? { moved } : {}),
		...(kept.aliases.size > 0 ? { aliases } : {}),
	};
}
