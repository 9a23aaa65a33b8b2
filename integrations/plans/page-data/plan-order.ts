import type { PlanData } from '../schema.ts';

/** What ordering and grouping need of a plan entry (a collection entry has more). */
interface OrderedPlan {
	id: string;
	data: Pick<PlanData, 'folder' | 'title'>;
}

/** Plans in reading order: top-level plans first, then folder by folder, each by title. */
export function sortPlans<T extends OrderedPlan>(entries: T[]): T[] {
	return [...entries].sort(
		(a, b) =>
			Number(a.data.folder !== '') - Number(b.data.folder !== '') ||
			a.data.folder.localeCompare(b.data.folder) ||
			a.data.title.localeCompare(b.data.title) ||
			a.id.localeCompare(b.id),
	);
}

/** Plans grouped by folder, in `sortPlans` order. The top level is the group `''`. */
export function groupByFolder<T extends OrderedPlan>(
	entries: T[],
): Array<{ folder: string; plans: T[] }> {
	const groups = new Map<string, T[]>();
	for (const entry of sortPlans(entries)) {
		const group = groups.get(entry.data.folder) ?? [];
		group.push(entry);
		groups.set(entry.data.folder, group);
	}
	return [...groups].map(([folder, plans]) => ({ folder, plans }));
}

/** Up to this many plans the sidebar lists them all; above it, a window around the current one. */
const SIDEBAR_LIMIT = 40;

/** The sidebar's groups, computed once per build and shared by every plan page. */
export interface SidebarModel<T extends OrderedPlan = OrderedPlan> {
	groups: Array<{ folder: string; plans: T[] }>;
	/** Where each plan is: its group and its position in it. */
	where: Map<string, { group: number; index: number }>;
	total: number;
}

export function sidebarModel<T extends OrderedPlan>(entries: T[]): SidebarModel<T> {
	const groups = groupByFolder(entries);
	const where = new Map<string, { group: number; index: number }>();
	groups.forEach((group, groupIndex) =>
		group.plans.forEach((plan, index) => where.set(plan.id, { group: groupIndex, index })),
	);
	return { groups, where, total: entries.length };
}

/** One folder of a page's sidebar: the plans it shows, and how many of its plans it leaves out. */
export interface SidebarGroup<T extends OrderedPlan = OrderedPlan> {
	folder: string;
	plans: T[];
	hiddenBefore: number;
	hiddenAfter: number;
	/** Total plans in the folder. */
	count: number;
}

/**
 * A plan page's sidebar. Small sites list every plan. Large ones list the current folder
 * around the current plan and every other folder as one link to its first plan, so a page's
 * HTML does not grow with the number of plans.
 */
export function sidebarFor<T extends OrderedPlan>(
	model: SidebarModel<T>,
	currentId: string,
	limit = SIDEBAR_LIMIT,
): SidebarGroup<T>[] {
	const full = (group: SidebarModel<T>['groups'][number]) => ({
		...group,
		hiddenBefore: 0,
		hiddenAfter: 0,
		count: group.plans.length,
	});
	if (model.total <= limit) return model.groups.map(full);
	const here = model.where.get(currentId);
	return model.groups.map((group, groupIndex) => {
		if (groupIndex !== here?.group)
			return {
				folder: group.folder,
				plans: group.plans.slice(0, 1),
				hiddenBefore: 0,
				hiddenAfter: group.plans.length - 1,
				count: group.plans.length,
			};
		const start = Math.max(
			0,
			Math.min(here.index - Math.floor(limit / 2), group.plans.length - limit),
		);
		const plans = group.plans.slice(start, start + limit);
		return {
			folder: group.folder,
			plans,
			hiddenBefore: start,
			hiddenAfter: group.plans.length - start - plans.length,
			count: group.plans.length,
		};
	});
}
