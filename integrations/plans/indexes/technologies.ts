import { slug } from 'github-slugger';
import type { Layer, Technology } from '../parse/technologies.ts';
import { LAYERS } from '../parse/technologies.ts';
import { type IndexedPlan, type PlanRef, refTo } from './types.ts';

/** One technology across all plans. */
export interface TechnologyEntry {
	key: string;
	/** Row id on the technologies page: `tech-postgresql`. */
	id: string;
	/** The most used spelling (ties: the first in plan order). */
	name: string;
	layers: Layer[];
	uses: Array<PlanRef & { technology: Technology }>;
	/** Distinct major versions, in version order. */
	majors: string[];
	/** Plans name different major versions of it. */
	drift: boolean;
}

/** Every technology named in any plan's stack, merged by normalised name, sorted by name. */
export function technologyIndex(plans: IndexedPlan[]): TechnologyEntry[] {
	const byKey = new Map<string, Array<PlanRef & { technology: Technology }>>();
	for (const plan of plans) {
		for (const technology of plan.data.technologies) {
			const uses = byKey.get(technology.key) ?? [];
			uses.push({ ...refTo(plan, technology.anchor), technology });
			byKey.set(technology.key, uses);
		}
	}
	return [...byKey]
		.map(([key, uses]) => {
			const majors = [
				...new Set(uses.flatMap(({ technology }) => (technology.major ? [technology.major] : []))),
			].sort(compareVersions);
			return {
				key,
				id: `tech-${slug(key)}`,
				name: mostCommon(uses.map(({ technology }) => technology.name)),
				layers: LAYERS.filter((layer) => uses.some(({ technology }) => technology.layer === layer)),
				uses,
				majors,
				drift: majors.length > 1,
			};
		})
		.sort(
			(a, b) =>
				a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.key.localeCompare(b.key),
		);
}

function mostCommon(names: string[]): string {
	const counts = new Map<string, number>();
	for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
	return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** `9` before `16`, `0.9` before `0.10`. */
export function compareVersions(a: string, b: string): number {
	const left = a.split('.').map(Number);
	const right = b.split('.').map(Number);
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const difference = (left[index] ?? 0) - (right[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}
