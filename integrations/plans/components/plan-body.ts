import config from 'virtual:plans/config';
import { findOnDemandPlans } from '../integration-options.ts';
import type { Problem } from '../parse/problems.ts';
import { RenderedHtmlFiles } from '../render/html-files.ts';
import type { PlanData } from '../schema.ts';
import { checkLinks } from '../validate/links.ts';
import { sortProblems } from '../validate/plans.ts';
import type { PlanEntry } from './navigation.ts';

/**
 * A Markdown plan's rendered body and the problems drawing it found: in a build, the file the
 * loader wrote; in `astro dev`, rendered when first requested (`OnDemandPlans`).
 */
export async function markdownPlanBody(entry: PlanEntry): Promise<{ html: string; problems: Problem[] }> {
	if (config.dev) return findOnDemandPlans(config.root).body(entry.id, String(entry.digest));
	return { html: new RenderedHtmlFiles(config.renderedHtmlDir).read(String(entry.digest)), problems: [] };
}

/**
 * Every problem of one plan, as `astro dev` shows it in the plan's page: what reading it
 * found, its links that lead nowhere, and its diagrams that cannot be drawn.
 */
export async function planProblemsInDev(entry: PlanEntry, plans: PlanData[]): Promise<Problem[]> {
	const plan = entry.data;
	const links = checkLinks([plan], config.brokenLinks === 'warn' ? 'warning' : 'error', plans).filter((problem) => problem.file === plan.file);
	const diagrams = plan.format === 'mdx' ? [] : (await markdownPlanBody(entry)).problems;
	return sortProblems([...plan.problems, ...links, ...diagrams]);
}

/**
 * Marks the plan links of `html` that a problem points at (rendered in dev with their place,
 * `data-source-place="12:3"`): styled as broken, described by the problem, and the target of
 * the problem's "Show" link.
 */
export function markBrokenLinks(html: string, problems: Problem[]): string {
	const byPlace = new Map(problems.map((problem, index) => [`${problem.line}:${problem.column}`, { problem, index }]));
	if (byPlace.size === 0) return html;
	return html.replace(/<a ([^>]*?)data-source-place="(\d+:\d+)"/g, (tag, before: string, place: string) => {
		const found = byPlace.get(place);
		if (!found) return tag;
		const title = escapeAttribute(found.problem.message);
		return `<a ${before}id="${problemAnchor(found.index)}" class="plan-link-broken" title="${title}" data-source-place="${place}"`;
	});
}

/** The id of the place in the page that the `index`th problem of the banner points at. */
export function problemAnchor(index: number): string {
	return `plan-problem-${index + 1}`;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
