import type { PlanOutline } from './outline.ts';

/** Where a page of the previous deploy went: another URL, or nowhere. */
export type PageLanding = { kind: 'moved'; to: string } | { kind: 'removed' };

/** How sure a content match must be: most of the headings and rows the same. */
const SAME_CONTENT = 0.6;

/** What a plan's page is made of, for telling a moved plan by its content. */
function contentOf(plan: PlanOutline): Set<string> {
	return new Set([
		...plan.headings.map((heading) => `#${heading.text.toLowerCase()}`),
		...plan.rowGroups.flatMap((group) => group.rows),
	]);
}

function overlap(a: Set<string>, b: Set<string>): number {
	const shared = [...a].filter((item) => b.has(item)).length;
	const all = new Set([...a, ...b]).size;
	return all === 0 ? 0 : shared / all;
}

const titleKey = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Where each page of `before` that `after` no longer has went. First what the authors say
 * (`claimed`: an old URL → the URL of the plan that names it in its `aliases`), then a new page
 * with the same title, then a new page with mostly the same headings and rows (a move with a new
 * title). Each new page takes one old page at most; the rest were removed.
 */
export function matchPages(
	before: readonly PlanOutline[],
	after: readonly PlanOutline[],
	claimed: ReadonlyMap<string, string> = new Map(),
): Map<string, PageLanding> {
	const now = new Set(after.map((plan) => plan.url));
	const then = new Set(before.map((plan) => plan.url));
	const gone = before.filter((plan) => !now.has(plan.url));
	const fresh = new Map(
		after.filter((plan) => !then.has(plan.url)).map((plan) => [plan.url, plan]),
	);
	const landings = new Map<string, PageLanding>();
	const take = (old: PlanOutline, to: string) => {
		landings.set(old.url, { kind: 'moved', to });
		fresh.delete(to);
	};
	for (const old of gone) {
		const to = claimed.get(old.url);
		if (to !== undefined && now.has(to)) take(old, to);
	}
	for (const old of gone.filter((plan) => !landings.has(plan.url))) {
		const sameTitle = [...fresh.values()].filter(
			(plan) => titleKey(plan.title) === titleKey(old.title),
		);
		if (sameTitle.length === 1) take(old, sameTitle[0]!.url);
	}
	for (const old of gone.filter((plan) => !landings.has(plan.url))) {
		const content = contentOf(old);
		const ranked = [...fresh.values()]
			.map((plan) => ({ url: plan.url, score: overlap(content, contentOf(plan)) }))
			.sort((a, b) => b.score - a.score);
		const best = ranked[0];
		if (best && best.score >= SAME_CONTENT && ranked[1]?.score !== best.score) take(old, best.url);
	}
	for (const old of gone) if (!landings.has(old.url)) landings.set(old.url, { kind: 'removed' });
	return landings;
}
