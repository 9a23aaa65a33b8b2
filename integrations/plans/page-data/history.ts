import build from 'virtual:plans/build';
import { historyUrl } from '../history/host.ts';
import type { PlanData } from '../schema.ts';
import { plansHistoryOf } from '../site-registry.ts';

/** What a plan page says of the plan's life: frontmatter first, then git. */
export interface PlanHistoryView {
	/** `YYYY-MM-DD`. */
	created: string | undefined;
	updated: string | undefined;
	authors: string[];
	/** Who made the last change (git). */
	lastAuthor: string | undefined;
	revisions: number | undefined;
	/** Its history on the repository's host. */
	url: string | undefined;
}

const day = (seconds: number | undefined) =>
	seconds === undefined ? undefined : new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * When the plan was created and last changed, who changed it and how often, and where its
 * history is. In a shallow clone git knows only the last commits: its creation date and
 * authors are then left to the frontmatter. None when nothing is known.
 */
export async function planHistory(plan: PlanData): Promise<PlanHistoryView | undefined> {
	if (!build.history) return undefined;
	const history = await plansHistoryOf(build.root);
	const git = history?.plans.get(plan.path);
	const whole = git && !history?.shallow ? git : undefined;
	const view: PlanHistoryView = {
		created: plan.created ?? day(whole?.created),
		updated: plan.updated ?? day(git?.updated),
		authors: plan.authors ?? whole?.authors ?? [],
		lastAuthor: git?.lastAuthor,
		revisions: whole?.revisions,
		url:
			git && build.repositoryHost
				? historyUrl(
						build.repositoryHost,
						[build.repositoryFolder, plan.file].filter(Boolean).join('/'),
					)
				: undefined,
	};
	return view.created || view.updated || view.authors.length > 0 ? view : undefined;
}
