import type { Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { extractPlanFacts, type FactNodes, type PlanFacts } from '../parse/facts.ts';

declare module 'vfile' {
	interface DataMap {
		/** The plan's facts and where they sit in the tree (set by `remarkPlanFacts`). */
		planFacts: { facts: PlanFacts; nodes: FactNodes };
	}
}

/**
 * Reads the plan's facts from the untouched tree (the same call the loader makes, so the ids
 * match the data), keeps them on the file for the table plugins, and gives every extracted
 * row its id and the `fact-row` class that `rehypeRowAnchors` adds a shareable link to.
 */
export const remarkPlanFacts: Plugin<[], Root> = () => (tree, file) => {
	const extracted = extractPlanFacts(tree);
	file.data.planFacts = extracted;
	for (const { node, anchor } of extracted.nodes.rows) {
		const hProperties = { ...node.data?.hProperties, id: anchor, className: ['fact-row'] };
		node.data = { ...node.data, hProperties };
	}
};
