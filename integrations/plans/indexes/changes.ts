import type { Currency } from '../money/index.ts';
import type { PlanData } from '../schema.ts';
import { DAY_MS } from '../parse/dates.ts';

/** What the changes compare of a plan: its entry in `plans.json`, or the plan being built. */
export type ComparedPlan = Pick<
	PlanData,
	| 'title'
	| 'status'
	| 'version'
	| 'costs'
	| 'risks'
	| 'milestones'
	| 'questions'
	| 'approvals'
	| 'headings'
> & {
	id: string;
	url: string;
};

/** A figure that went from one value to another. */
export interface Change<T> {
	from: T | undefined;
	to: T | undefined;
}

/** A row of the plan, and where it is on the page (the previous page's, for a removed row). */
export interface RowRef {
	label: string;
	anchor?: string;
}

export interface CostChange {
	currency: Currency;
	/** Change of the monthly run-rate (the low end of ranges). */
	delta: number;
	rows: Array<RowRef & { delta: number }>;
}

/** What a change did to one plan since the previous deploy. */
export interface PlanChanges {
	id: string;
	title: string;
	url: string;
	kind: 'added' | 'removed' | 'renamed' | 'changed';
	/** The previous id of a renamed plan. */
	renamedFrom?: string;
	status?: Change<string>;
	version?: Change<string>;
	costs: CostChange[];
	risks: { added: RowRef[]; removed: RowRef[]; severity: Array<RowRef & Change<string>> };
	milestones: {
		added: RowRef[];
		removed: RowRef[];
		moved: Array<RowRef & Change<string> & { days: number }>;
	};
	questions: { opened: RowRef[]; resolved: RowRef[] };
	approvals: { given: RowRef[]; withdrawn: RowRef[] };
	sections: { added: string[]; removed: string[] };
}

/** Text compared across deploys: case, spacing and punctuation do not make a row new. */
const key = (text: string | undefined) =>
	(text ?? '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * Every plan that changed between two deploys, with what changed: plans added, removed or
 * renamed (a new id with the title of a removed one), status and version, the monthly cost
 * per currency and per row, risks, milestones (moved by how many days), questions, approvals
 * and sections. Plans that did not change are left out. `change-wording.ts` words them.
 */
export function planChanges(previous: ComparedPlan[], current: ComparedPlan[]): PlanChanges[] {
	const before = new Map(previous.map((plan) => [plan.id, plan]));
	const now = new Map(current.map((plan) => [plan.id, plan]));
	const gone = previous.filter((plan) => !now.has(plan.id));
	const changes: PlanChanges[] = [];
	for (const plan of current) {
		let old = before.get(plan.id);
		let renamedFrom: string | undefined;
		if (!old) {
			const index = gone.findIndex((candidate) => key(candidate.title) === key(plan.title));
			if (index !== -1) [old] = gone.splice(index, 1);
			renamedFrom = old?.id;
		}
		const change = comparePlans(old, plan);
		const kind = !old ? 'added' : renamedFrom ? 'renamed' : 'changed';
		if (kind !== 'changed' || hasChanges(change))
			changes.push({ ...change, kind, ...(renamedFrom && { renamedFrom }) });
	}
	for (const plan of gone) changes.push({ ...comparePlans(plan, undefined), kind: 'removed' });
	return changes;
}

type Compared = Omit<PlanChanges, 'kind' | 'renamedFrom'>;

function comparePlans(old: ComparedPlan | undefined, plan: ComparedPlan | undefined): Compared {
	const either = (plan ?? old)!;
	const changed = <T>(from: T | undefined, to: T | undefined) =>
		from === to ? undefined : { from, to };
	return {
		id: either.id,
		title: either.title,
		url: either.url,
		...(old &&
			plan &&
			changed(old.status, plan.status) && { status: changed(old.status, plan.status) }),
		...(old &&
			plan &&
			changed(old.version, plan.version) && { version: changed(old.version, plan.version) }),
		costs: costChanges(old?.costs ?? [], plan?.costs ?? []),
		risks: riskChanges(old?.risks ?? [], plan?.risks ?? []),
		milestones: milestoneChanges(old?.milestones ?? [], plan?.milestones ?? []),
		questions: questionChanges(old?.questions ?? [], plan?.questions ?? []),
		approvals: approvalChanges(old?.approvals ?? [], plan?.approvals ?? []),
		sections: sectionChanges(old?.headings ?? [], plan?.headings ?? []),
	};
}

function hasChanges(change: Compared): boolean {
	const lists = [
		change.costs,
		change.risks.added,
		change.risks.removed,
		change.risks.severity,
		change.milestones.added,
		change.milestones.removed,
		change.milestones.moved,
		change.questions.opened,
		change.questions.resolved,
		change.approvals.given,
		change.approvals.withdrawn,
		change.sections.added,
		change.sections.removed,
	];
	return Boolean(change.status || change.version || lists.some((list) => list.length > 0));
}

/**
 * Monthly run-rate rows of a plan's cost tables, per currency: one-time money, money of no
 * stated period and alternatives are not run-rate. A previous deploy's plans.json may predate
 * `inTotal` (every row counted then).
 */
function monthlyRows(
	tables: PlanData['costs'],
): Array<{ label: string; anchor: string; currency: Currency; monthly: number }> {
	return tables.flatMap((table) =>
		table.items.flatMap(({ cost, inTotal, component, anchor }) =>
			cost.kind === 'amount' &&
			cost.monthlyLow !== undefined &&
			cost.period !== 'once' &&
			inTotal !== false
				? [{ label: component, anchor, currency: cost.currency, monthly: cost.monthlyLow }]
				: [],
		),
	);
}

/**
 * Cost changes per currency, largest first, with the rows that made them. A row renamed without
 * a new amount (the only unmatched row of its currency with the same amount) is not a change.
 */
function costChanges(before: PlanData['costs'], after: PlanData['costs']): CostChange[] {
	const old = monthlyRows(before);
	const now = monthlyRows(after);
	const rowKey = (row: { label: string; currency: Currency }) =>
		`${row.currency} ${key(row.label)}`;
	const oldByKey = new Map(old.map((row) => [rowKey(row), row]));
	const nowKeys = new Set(now.map(rowKey));
	const unmatchedOld = old.filter((row) => !nowKeys.has(rowKey(row)));
	const deltas: Array<{ currency: Currency; label: string; anchor?: string; delta: number }> = [];
	for (const row of now) {
		const previous = oldByKey.get(rowKey(row));
		if (previous) {
			if (previous.monthly !== row.monthly)
				deltas.push({
					currency: row.currency,
					label: row.label,
					anchor: row.anchor,
					delta: row.monthly - previous.monthly,
				});
			continue;
		}
		const renamed = unmatchedOld.findIndex(
			(candidate) => candidate.currency === row.currency && candidate.monthly === row.monthly,
		);
		if (renamed !== -1) unmatchedOld.splice(renamed, 1);
		else
			deltas.push({
				currency: row.currency,
				label: row.label,
				anchor: row.anchor,
				delta: row.monthly,
			});
	}
	for (const row of unmatchedOld)
		deltas.push({ currency: row.currency, label: row.label, delta: -row.monthly });
	const byCurrency = new Map<Currency, CostChange>();
	for (const { currency, ...row } of deltas) {
		const change = byCurrency.get(currency) ?? { currency, delta: 0, rows: [] };
		change.delta += row.delta;
		change.rows.push(row);
		byCurrency.set(currency, change);
	}
	for (const change of byCurrency.values())
		change.rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
	return [...byCurrency.values()].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

/** Rows of two deploys matched by a key: those only after, only before, and in both. */
function matchRows<T>(
	before: T[],
	after: T[],
	keyOf: (row: T) => string,
): { added: T[]; removed: T[]; both: Array<[T, T]> } {
	const old = new Map(before.map((row) => [keyOf(row), row]));
	const keys = new Set(after.map(keyOf));
	return {
		added: after.filter((row) => !old.has(keyOf(row))),
		removed: before.filter((row) => !keys.has(keyOf(row))),
		both: after.flatMap((row) =>
			old.has(keyOf(row)) ? [[old.get(keyOf(row))!, row] as [T, T]] : [],
		),
	};
}

const severity = (risk: PlanData['risks'][number]) =>
	[risk.likelihood, risk.impact].map((level) => level ?? '?').join(' × ');

function riskChanges(before: PlanData['risks'], after: PlanData['risks']): PlanChanges['risks'] {
	const { added, removed, both } = matchRows(before, after, (risk) => key(risk.risk));
	return {
		added: added.map((risk) => ({ label: risk.risk, anchor: risk.anchor })),
		removed: removed.map((risk) => ({ label: risk.risk })),
		severity: both
			.filter(([old, now]) => severity(old) !== severity(now))
			.map(([old, now]) => ({
				label: now.risk,
				anchor: now.anchor,
				from: severity(old),
				to: severity(now),
			})),
	};
}

function milestoneChanges(
	before: PlanData['milestones'],
	after: PlanData['milestones'],
): PlanChanges['milestones'] {
	const { added, removed, both } = matchRows(before, after, (milestone) => key(milestone.name));
	const moved = both
		.filter(([old, now]) => old.dueDate && now.dueDate && old.dueDate !== now.dueDate)
		.map(([old, now]) => ({
			label: now.name,
			anchor: now.anchor,
			from: old.target ?? old.dueDate,
			to: now.target ?? now.dueDate,
			days: Math.round((Date.parse(now.dueDate!) - Date.parse(old.dueDate!)) / DAY_MS),
		}));
	return {
		added: added.map((milestone) => ({ label: milestone.name, anchor: milestone.anchor })),
		removed: removed.map((milestone) => ({ label: milestone.name })),
		moved,
	};
}

function questionChanges(
	before: PlanData['questions'],
	after: PlanData['questions'],
): PlanChanges['questions'] {
	const { added, removed, both } = matchRows(before, after, (question) => key(question.question));
	const ref = (question: PlanData['questions'][number], anchor = true) => ({
		label: question.question,
		...(anchor && { anchor: question.anchor }),
	});
	return {
		opened: [
			...added.filter((question) => question.status === 'open'),
			...both
				.filter(([old, now]) => old.status === 'resolved' && now.status === 'open')
				.map(([, now]) => now),
		].map((question) => ref(question)),
		resolved: [
			...both
				.filter(([old, now]) => old.status === 'open' && now.status === 'resolved')
				.map(([, now]) => ref(now)),
			...removed
				.filter((question) => question.status === 'open')
				.map((question) => ref(question, false)),
		],
	};
}

function approvalChanges(
	before: PlanData['approvals'],
	after: PlanData['approvals'],
): PlanChanges['approvals'] {
	const { added, removed, both } = matchRows(before, after, (approval) =>
		key(approval.name ?? approval.role),
	);
	const label = (approval: PlanData['approvals'][number]) =>
		[approval.name, approval.role && `(${approval.role})`].filter(Boolean).join(' ') || 'Approval';
	return {
		given: [
			...added.filter((approval) => approval.status === 'approved'),
			...both
				.filter(([old, now]) => old.status !== 'approved' && now.status === 'approved')
				.map(([, now]) => now),
		].map((approval) => ({ label: label(approval), anchor: approval.anchor })),
		withdrawn: [
			...both
				.filter(([old, now]) => old.status === 'approved' && now.status !== 'approved')
				.map(([, now]) => ({ label: label(now), anchor: now.anchor })),
			...removed
				.filter((approval) => approval.status === 'approved')
				.map((approval) => ({ label: label(approval) })),
		],
	};
}

function sectionChanges(
	before: PlanData['headings'],
	after: PlanData['headings'],
): PlanChanges['sections'] {
	const sections = (headings: PlanData['headings']) =>
		headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
	const { added, removed } = matchRows(sections(before), sections(after), key);
	return { added, removed };
}

/**
 * The changes in the order a reviewer reads them: the largest cost change first (in any
 * currency), then the other plans by id: the /changes/ page's order, and the text's
 * (`change-wording.ts`).
 */
export function sortChanges(changes: PlanChanges[]): PlanChanges[] {
	const largest = (change: PlanChanges) =>
		Math.max(0, ...change.costs.map((cost) => Math.abs(cost.delta)));
	return [...changes].sort((a, b) => largest(b) - largest(a) || a.id.localeCompare(b.id));
}
