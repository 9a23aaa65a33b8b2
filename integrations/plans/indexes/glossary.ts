import type { GlossaryEntry } from '../parse/glossary.ts';
import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

export interface MergedTerm {
	term: string;
	definitions: Array<PlanRef & { entry: GlossaryEntry }>;
	/** Plans define the term differently (compared without case, punctuation and spacing). */
	conflicting: boolean;
}

const termKey = (term: string) =>
	term
		.toLowerCase()
		.replace(/\s*\([^)]*\)\s*/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
const definitionKey = (definition: string) =>
	definition
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** One entry per term across all plans, each plan's definition kept, sorted by term. */
export function mergedGlossary(plans: IndexedPlan[]): MergedTerm[] {
	const terms = new Map<string, MergedTerm>();
	for (const plan of plans) {
		for (const entry of plan.data.glossary) {
			const key = termKey(entry.term);
			const merged = terms.get(key) ?? { term: entry.term, definitions: [], conflicting: false };
			merged.definitions.push({ ...refTo(plan, entry.anchor), entry });
			terms.set(key, merged);
		}
	}
	for (const merged of terms.values()) {
		merged.conflicting =
			new Set(merged.definitions.map(({ entry }) => definitionKey(entry.definition))).size > 1;
	}
	return [...terms.values()].sort((a, b) =>
		a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
	);
}
