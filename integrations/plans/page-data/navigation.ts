import { type CollectionEntry, getCollection } from 'astro:content';
import type { IndexedPlan } from '../indexes/types.ts';
import { sortPlans } from './plan-order.ts';
import { resolvePlanLink } from '../parse/links.ts';
import { planIdFromPath } from '../parse/paths.ts';
import { planUrl, sitePath } from '../urls.ts';
import config from 'virtual:plans/config';

export type PlanEntry = CollectionEntry<'plans'>;
export {
	groupByFolder,
	type SidebarGroup,
	type SidebarModel,
	sidebarFor,
	sidebarModel,
	sortPlans,
} from './plan-order.ts';

/** The top navigation: the plans index and the cross-plan indexes. */
export const SITE_NAV = [
	{ key: 'plans', label: 'Plans', path: '' },
	{ key: 'technologies', label: 'Technologies', path: 'technologies' },
	{ key: 'costs', label: 'Costs', path: 'costs' },
	{ key: 'risks', label: 'Risks', path: 'risks' },
	{ key: 'milestones', label: 'Milestones', path: 'milestones' },
	{ key: 'questions', label: 'Questions', path: 'questions' },
	{ key: 'glossary', label: 'Glossary', path: 'glossary' },
] as const;
export type NavKey = (typeof SITE_NAV)[number]['key'];

/** Every plan in reading order, as the cross-plan indexes take them. */
export async function indexedPlans(): Promise<IndexedPlan[]> {
	return sortPlans(await getCollection('plans')).map(({ id, data }) => ({
		id,
		url: urlOfPlan(id),
		data,
	}));
}

/** URL of a plan page with the site's `base` and `trailingSlash`. */
export function urlOfPlan(id: string): string {
	return planUrl(id, config);
}

/** URL of any page of the site, e.g. `urlOf('')` for the plans index. */
export function urlOf(path: string): string {
	return sitePath(path, config);
}

export { statusKey } from '../parse/status.ts';

/**
 * The spec link of a plan header as a working site URL: external links stay, links to
 * another plan become its page, and links to files that are not published are dropped
 * (the header then shows the spec's name as text).
 */
export function specUrl(href: string | undefined, planPath: string): string | undefined {
	if (!href) return undefined;
	if (/^(https?:|mailto:)/i.test(href) || href.startsWith('/')) return href;
	const link = resolvePlanLink(href, planPath);
	const id =
		link?.targetPath && !link.targetPath.startsWith('../')
			? planIdFromPath(link.targetPath)
			: undefined;
	return id
		? urlOfPlan(id) + (link?.anchor ? `#${encodeURIComponent(link.anchor)}` : '')
		: undefined;
}

export { navTitle } from '../indexes/nav-title.ts';
