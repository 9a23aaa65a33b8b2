import { describe, expect, it } from 'vitest';
import { sidebarFor, sidebarModel } from '#plans/page-data/plan-order.ts';

const plans = (folder: string, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		id: `${folder}/p${String(i).padStart(3, '0')}`,
		data: { folder, title: `Plan ${String(i).padStart(3, '0')}` },
	}));

describe('sidebar', () => {
	it('lists every plan of a small site', () => {
		const model = sidebarModel([...plans('a', 3), ...plans('', 2)]);
		const groups = sidebarFor(model, 'a/p001');
		expect(
			groups.map((group) => [
				group.folder,
				group.plans.length,
				group.hiddenBefore,
				group.hiddenAfter,
			]),
		).toEqual([
			['', 2, 0, 0],
			['a', 3, 0, 0],
		]);
	});

	it('shows a bounded window around the current plan on a large site, and other folders as one link', () => {
		const model = sidebarModel([...plans('a', 500), ...plans('b', 500)]);
		const groups = sidebarFor(model, 'b/p250', 60);
		expect(
			groups.map((group) => [
				group.folder,
				group.plans.length,
				group.hiddenBefore,
				group.hiddenAfter,
				group.count,
			]),
		).toEqual([
			['a', 1, 0, 499, 500],
			['b', 60, 220, 220, 500],
		]);
		expect(groups[1]!.plans.map((plan) => plan.id)).toContain('b/p250');
		// At the end of a folder the window keeps its full size.
		expect(sidebarFor(model, 'b/p499', 60)[1]!.plans.at(-1)!.id).toBe('b/p499');
		expect(sidebarFor(model, 'b/p499', 60)[1]!.plans).toHaveLength(60);
		// The HTML of a page does not grow with the number of plans.
		const bigger = sidebarModel([...plans('a', 5000), ...plans('b', 5000)]);
		const shown = (groups: ReturnType<typeof sidebarFor>) =>
			groups.reduce((sum, group) => sum + group.plans.length, 0);
		expect(shown(sidebarFor(bigger, 'b/p250', 60))).toBe(shown(groups));
	});

	it('lists 40 plans around the current one by default: 20 before it, and 19 after', () => {
		const model = sidebarModel(plans('a', 100));
		const [group] = sidebarFor(model, 'a/p050');
		expect([group!.plans.length, group!.hiddenBefore, group!.hiddenAfter]).toEqual([40, 30, 30]);
		expect(group!.plans.findIndex((plan) => plan.id === 'a/p050')).toBe(20);
	});
});
