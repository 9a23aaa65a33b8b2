import { closest, distance } from 'fastest-levenshtein';
import type { PlanData } from '../schema.ts';
import type { Problem } from '../problems.ts';
import { publishedAnchors } from '../indexes/anchors.ts';

/**
 * Checks every plan-to-plan link of `plans` against the plans that exist (`targets`, by
 * default the same plans) and the headings they have. Reports a missing plan or heading at the
 * link's position, with the closest existing file or anchor as the hint.
 */
export function checkLinks(
	plans: PlanData[],
	severity: Problem['severity'] = 'error',
	targets: PlanData[] = plans,
): Problem[] {
	const byPath = new Map(targets.map((plan) => [plan.path, plan]));
	const problems: Problem[] = [];
	for (const plan of plans) {
		for (const link of plan.links) {
			const target = link.targetPath === undefined ? plan : byPath.get(link.targetPath);
			const at = { file: plan.file, line: link.line, column: link.column, severity };
			if (!target) {
				const suggestion = nearest(link.targetPath!, [...byPath.keys()]);
				problems.push({
					...at,
					message: `Link "${link.href}" points to a plan that does not exist (${link.targetPath}).`,
					hint: suggestion
						? `Did you mean "${relativeHint(link.href, link.targetPath!, suggestion)}"? Links are relative to the plan's own folder.`
						: 'Links to other plans are relative paths to their .md/.mdx files.',
				});
				continue;
			}
			// Any heading (as on GitHub), any table row the page gives an id (`#risk-outage`), any id of the author's HTML.
			const anchors = new Set([
				...target.headings.map((heading) => heading.id),
				...publishedAnchors(target),
			]);
			if (link.anchor === undefined || anchors.has(link.anchor)) continue;
			problems.push({
				...at,
				message: `Link "${link.href}" points to a heading "#${link.anchor}" that does not exist in ${target.file}.`,
				hint: missingAnchorHint(link.anchor, anchors, target),
			});
		}
	}
	return problems;
}

/** The anchor the link most likely meant: one that differs only in case, else the closest, else a few there are. */
function missingAnchorHint(wanted: string, anchors: Set<string>, target: PlanData): string {
	const sameLetters = [...anchors].find((anchor) => anchor.toLowerCase() === wanted.toLowerCase());
	if (sameLetters !== undefined) {
		const heading = target.headings.find((candidate) => candidate.id === sameLetters);
		const named = heading
			? `the heading "${heading.text}" has the id "#${sameLetters}"`
			: `"#${sameLetters}" is there`;
		return `Anchors are case-sensitive: ${named}. Heading ids are lower case, as on GitHub.`;
	}
	const suggestion = nearest(wanted, [...anchors]);
	if (suggestion) return `The closest existing anchor is "#${suggestion}".`;
	if (target.headings.length === 0) return `${target.file} has no headings.`;
	const listed = target.headings.slice(0, 5).map((heading) => `#${heading.id}`);
	return `Anchors in ${target.file}: ${listed.join(', ')}${target.headings.length > 5 ? ', …' : ''}.`;
}

function nearest(wanted: string, candidates: string[]): string | undefined {
	if (candidates.length === 0) return undefined;
	const best = closest(wanted, candidates);
	// A suggestion that shares almost nothing with what was written helps nobody.
	return distance(wanted, best) <= Math.max(3, wanted.length * 0.6) ? best : undefined;
}

function relativeHint(href: string, wrongPath: string, rightPath: string): string {
	const wrongName = wrongPath.split('/').pop()!;
	const rightName = rightPath.split('/').pop()!;
	return wrongPath.split('/').slice(0, -1).join('/') === rightPath.split('/').slice(0, -1).join('/')
		? href.replace(wrongName, rightName)
		: rightPath;
}
