import { type RelationKind, relationLabel } from '../parse/relations.ts';
import type { PlanData } from '../schema.ts';
import { planLookup } from './plan-lookup.ts';

/** A relation as the plan page shows it: the other plan's title and page, or the words written. */
export interface RelationView {
	kind: RelationKind;
	label: string;
	text: string;
	url?: string;
	/** The other plan's status, so a reader sees it was rejected before following the link. */
	status?: string;
}

/** The plan's relations, each to the page of the plan it names when there is one. */
export function relationViews(plan: PlanData, all: readonly PlanData[]): RelationView[] {
	const { byPath } = planLookup(all);
	return plan.relations.map((relation) => {
		const other = relation.targetPath ? byPath.get(relation.targetPath) : undefined;
		return {
			kind: relation.kind,
			label: relationLabel(relation.kind),
			text: other?.plan.title ?? relation.text,
			...(other?.url && { url: other.url }),
			...(other?.plan.status && { status: other.plan.status }),
		};
	});
}

/** What replaces a superseded or replaced plan, for the banner at its top. */
export function successors(views: readonly RelationView[]): RelationView[] {
	return views.filter((view) => view.kind === 'superseded-by' || view.kind === 'replaced-by');
}
