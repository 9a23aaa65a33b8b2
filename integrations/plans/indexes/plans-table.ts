/** What the plans index shows beyond each plan's data: the status board, folder filters, cost columns, completeness. */
import type { CostKind, CostTotals, Currency } from '../money/index.ts';
import { STAGE_LABELS, STAGES } from '../parse/lifecycle.ts';
import type { PlanData } from '../schema.ts';
import type { ExpectedSections } from '../options-schema.ts';
import { planCompleteness } from './completeness.ts';
import { costRollup } from './costs.ts';
import type { IndexedPlan } from './types.ts';

export interface StatusColumn {
	key: string;
	label: string;
	plans: IndexedPlan[];
}

/** A plan's place on the board and in the status filter: its stage, or `other` for a status of no known stage, or `none`. */
export function stageKey(data: Pick<PlanData, 'status' | 'stage'>): string {
	return data.stage ?? (data.status ? 'other' : 'none');
}

const COLUMNS = [
	...STAGES.map((stage) => ({ key: stage as string, label: STAGE_LABELS[stage] })),
	{ key: 'other', label: 'Other statuses' },
	{ key: 'none', label: 'No status' },
];

/**
 * Filters and board columns: the stages in their order, then statuses of no known stage and
 * plans with none, each only when some plan has it.
 */
export function statusBoard(plans: IndexedPlan[]): {
	counts: Map<string, number>;
	statuses: Array<{ key: string; label: string }>;
	board: StatusColumn[];
} {
	const counts = new Map<string, number>();
	for (const { data } of plans) counts.set(stageKey(data), (counts.get(stageKey(data)) ?? 0) + 1);
	const statuses = COLUMNS.filter(({ key }) => counts.has(key));
	const board = statuses.map((status) => ({
		...status,
		plans: plans.filter(({ data }) => stageKey(data) === status.key),
	}));
	return { counts, statuses, board };
}

/**
 * One CSS rule per value of a filter: checking its radio button hides the table rows of other
 * values, with :has(), without JavaScript.
 */
function filterCss(name: string, attribute: string, keys: readonly string[]): string {
	return keys
		.map(
			(key) =>
				`.index-main:has(input[name='${name}'][value='${key}']:checked) tbody tr:not([${attribute}='${key}']){display:none}`,
		)
		.join('\n');
}

/** The plans' folders, sorted, with one CSS rule each (see `filterCss`). */
export function folderFilters(plans: IndexedPlan[]): {
	folders: string[];
	folderKey: (folder: string) => string;
	folderCss: string;
} {
	const folders = [...new Set(plans.map(({ data }) => data.folder))].sort((a, b) =>
		a.localeCompare(b),
	);
	const folderKey = (folder: string) => `folder-${folders.indexOf(folder)}`;
	return {
		folders,
		folderKey,
		folderCss: filterCss('folder-filter', 'data-folder', folders.map(folderKey)),
	};
}

/** The plans' owners (stated or from CODEOWNERS), sorted, with one CSS rule each; `none` for plans without. */
export function ownerFilters(owners: ReadonlyMap<string, string | undefined>): {
	owners: string[];
	ownerKey: (owner: string | undefined) => string;
	ownerCss: string;
} {
	const names = [
		...new Set([...owners.values()].filter((owner): owner is string => Boolean(owner))),
	].sort((a, b) => a.localeCompare(b));
	const ownerKey = (owner: string | undefined) =>
		owner === undefined ? 'owner-none' : `owner-${names.indexOf(owner)}`;
	const keys = [...names.map(ownerKey), ownerKey(undefined)];
	return { owners: names, ownerKey, ownerCss: filterCss('owner-filter', 'data-owner', keys) };
}

const COLUMN_NAMES = {
	monthly: 'Monthly cost',
	oneTime: 'One-time cost',
	unstated: 'Cost, no period stated',
} as const;

/** Each plan's cost totals, and one column per kind of money and currency that some plan has: they are never added together. */
export function planCostColumns(plans: IndexedPlan[]): {
	costs: Map<string, CostTotals>;
	costColumns: Array<{ kind: CostKind; currency: Currency; name: string }>;
} {
	const rollup = costRollup(plans);
	const costs = new Map(rollup.plans.map(({ plan, totals }) => [plan.id, totals]));
	const costColumns = rollup.kinds.flatMap((kind) =>
		rollup.currencies
			.filter((currency) => rollup.total[kind][currency])
			.map((currency) => ({ kind, currency, name: `${COLUMN_NAMES[kind]} (${currency})` })),
	);
	return { costs, costColumns };
}

export const openQuestions = (data: PlanData): number =>
	data.questions.filter((question) => question.status === 'open').length;

type Completeness = ReturnType<typeof planCompleteness>;

/** Sorts by sections present, then by fewest placeholders. */
export const completenessRank = ({ present, total, placeholders }: Completeness): number =>
	(total ? present / total : 1) * 1000 - Math.min(placeholders.length, 999);

/** Each plan's completeness, and whether it is Approved but incomplete (approval should not outrun the plan). */
export function completenessOf(
	plans: IndexedPlan[],
	expected: ExpectedSections,
): {
	completeness: Map<string, Completeness>;
	approvedIncomplete: (id: string, status: string | undefined) => boolean;
} {
	const completeness = new Map(plans.map(({ id, data }) => [id, planCompleteness(data, expected)]));
	return {
		completeness,
		approvedIncomplete: (id, status) => status === 'Approved' && !completeness.get(id)!.complete,
	};
}
