import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';

/**
 * Marks the plan links of `html` that a problem points at (rendered in dev with their place,
 * `data-source-place="12:3"`): styled as broken, described by the problem, and the target of
 * the problem's "Show" link.
 */
export function markBrokenLinks(html: string, problems: Problem[]): string {
	const byPlace = new Map(
		problems.map((problem, index) => [`${problem.line}:${problem.column}`, { problem, index }]),
	);
	if (byPlace.size === 0) return html;
	const marked = new Set<string>();
	return html.replace(
		/<a ([^>]*?)data-source-place="(\d+:\d+)"/g,
		(tag, before: string, place: string) => {
			const found = byPlace.get(place);
			if (!found) return tag;
			const title = escapeAttribute(found.problem.message);
			// Several references may share one definition: the first is the one to show.
			const id = marked.has(place) ? '' : `id="${problemAnchor(found.index)}" `;
			marked.add(place);
			return `<a ${before}${id}class="plan-link-broken" title="${title}" data-source-place="${place}"`;
		},
	);
}

/**
 * Where in the page a problem of the banner shows: the link it marks (see `markBrokenLinks`), or
 * else the section it is in.
 */
export function problemPlaceInPage(
	problem: Problem,
	index: number,
	plan: Pick<PlanData, 'links' | 'headings'>,
): string | undefined {
	if (plan.links.some((link) => link.line === problem.line && link.column === problem.column))
		return `#${problemAnchor(index)}`;
	const section = plan.headings.filter((heading) => heading.line <= problem.line).at(-1);
	return section ? `#${section.id}` : undefined;
}

/** The id of the place in the page that the `index`th problem of the banner points at. */
function problemAnchor(index: number): string {
	return `plan-problem-${index + 1}`;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
