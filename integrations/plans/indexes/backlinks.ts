import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

export interface Backlink extends PlanRef {
	/** Heading text of the section that holds the link, when it is in one. */
	sectionText?: string;
}

/**
 * For every plan, the other plans that link to it ("Referenced by"), one entry per linking
 * section, in plan order. Keyed by plan id.
 */
export function backlinks(plans: IndexedPlan[]): Map<string, Backlink[]> {
	const byPath = new Map(plans.map((plan) => [plan.data.path, plan]));
	const result = new Map<string, Backlink[]>();
	for (const from of plans) {
		const seen = new Set<string>();
		for (const link of from.data.links) {
			const target = link.targetPath ? byPath.get(link.targetPath) : undefined;
			if (!target || target === from) continue;
			const key = `${target.id}#${link.section ?? ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const sectionText = from.data.headings.find((heading) => heading.id === link.section)?.text;
			result.set(target.id, [
				...(result.get(target.id) ?? []),
				{ ...refTo(from, link.section), sectionText },
			]);
		}
	}
	return result;
}
