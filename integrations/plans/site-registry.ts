import type { AstroConfig } from 'astro';
import { AstroError } from 'astro/errors';
import type { CodeOwnersRule } from './history/codeowners.ts';
import type { PlansHistory } from './history/plan-history.ts';
import type { PlansOptions } from './options-schema.ts';
import type { OnDemandPlans } from './render/on-demand.ts';
import type { PageReloads } from './render/page-reloads.ts';
import type { PlanData } from './schema.ts';
import { processWide } from './process-wide.ts';
import { PACKAGE_NAME } from './version.ts';

export const INTEGRATION_NAME = PACKAGE_NAME;

/**
 * The validated options a `plans()` integration object carries, for `astro-technical-plans
 * check`, which reads the site's astro.config without running Astro (a symbol, so that the
 * key is the same in every copy of the package and Astro's config stays as it is).
 */
export const PLANS_OPTIONS = Symbol.for('astro-technical-plans:options');

/** The lines a site adds to `src/content.config.ts` for its plans. */
const COLLECTION_LINES = `// src/content.config.ts
import { defineCollection } from 'astro:content';
import { plansLoader } from '${PACKAGE_NAME}/loader';

export const collections = { plans: defineCollection({ loader: plansLoader() }) };`;

/** What the integration and the content loader of one site know of each other. */
export interface SiteEntry {
	options: PlansOptions;
	/** The plans collection was loaded with `plansLoader()`. */
	loaded: boolean;
	/** In `astro dev`: the loader's plans, rendered when their page is requested. */
	onDemand?: OnDemandPlans;
	/** The plans' git history, read once per build (see `readPlansHistory`). */
	history?: Promise<PlansHistory | undefined>;
	/** The repository's CODEOWNERS rules (see `readCodeOwners`). */
	codeOwners?: Promise<CodeOwnersRule[]>;
	/** In `astro dev`: reloads the pages open in browsers. */
	pageReloads?: PageReloads;
	/** In `astro build`: every plan's data, once the loader has read them. */
	builtPlans?: PlanData[];
}

/**
 * Each site's entry by project root URL, shared by the process: the loader runs in Vite's module
 * runner, and Astro's config validation strips unknown keys from integration objects.
 */
function registry(): Map<string, SiteEntry> {
	return processWide('sites', () => new Map<string, SiteEntry>());
}

/** Called by the integration in `astro:config:setup`. */
export function registerPlansOptions(root: URL, options: PlansOptions): void {
	registry().set(root.href, { options, loaded: false });
}

/** The options given to `plans()` in astro.config, as seen from the content loader. */
export function findPlansOptions(config: AstroConfig): PlansOptions {
	const entry = registry().get(config.root.href);
	if (!entry) {
		throw new AstroError(
			'The plans collection uses plansLoader(), but the plans() integration is not in astro.config.',
			`Add it: import plans from '${PACKAGE_NAME}'; export default defineConfig({ integrations: [plans()] }).`,
		);
	}
	entry.loaded = true;
	return entry.options;
}

/** Called by the loader in `astro dev`. */
export function registerOnDemandPlans(root: URL, plans: OnDemandPlans): void {
	const entry = registry().get(root.href);
	if (entry) entry.onDemand = plans;
}

/** The plans of `astro dev` for the site at `rootHref`, as seen from its pages. */
export function findOnDemandPlans(rootHref: string): OnDemandPlans {
	const plans = registry().get(rootHref)?.onDemand;
	if (!plans) throw new Error(`The plans of ${rootHref} are not loaded in this astro dev server.`);
	return plans;
}

/** The plans of `astro dev` for the site at `root`, once the loader has read them. */
export function onDemandPlansOf(root: URL): OnDemandPlans | undefined {
	return registry().get(root.href)?.onDemand;
}

/** When `astro dev` stops: the browser that draws diagrams closes. */
export async function closeOnDemandPlans(root: URL): Promise<void> {
	await registry().get(root.href)?.onDemand?.close();
}

/** Called by the loader in `astro build`, once every plan is read. */
export function registerBuiltPlans(root: URL, plans: PlanData[]): void {
	const entry = registry().get(root.href);
	if (entry) entry.builtPlans = plans;
}

/** In `astro build`, the data of every plan of the site at `root`; none before the loader ran. */
export function builtPlansOf(root: URL): PlanData[] | undefined {
	return registry().get(root.href)?.builtPlans;
}

/** Called by the integration in `astro:server:setup`. */
export function registerPageReloads(root: URL, reloads: PageReloads): void {
	const entry = registry().get(root.href);
	if (entry) entry.pageReloads = reloads;
}

/** Reloads the pages of the site at `root` open in browsers (`astro dev` only; elsewhere nothing). */
export function reloadPages(root: URL): void {
	registry().get(root.href)?.pageReloads?.reload();
}

/** In `astro dev`, the edition of the plans a page of the site at `rootHref` rendered now shows. */
export function pagesEditionOf(rootHref: string): number | undefined {
	return registry().get(rootHref)?.pageReloads?.edition;
}

/** Once content is synced: a site with the integration but no plans collection is a mistake. */
export function assertPlansCollection(root: URL): void {
	if (registry().get(root.href)?.loaded) return;
	throw new AstroError(
		'The plans() integration is in astro.config, but the site has no plans collection loaded with plansLoader().',
		`Run \`npx ${PACKAGE_NAME} init\`, which adds it, or add it by hand:\n${COLLECTION_LINES}`,
	);
}

/** Called by the integration when a build or a dev server starts: the plans' history, being read. */
export function registerPlansHistory(root: URL, history: Promise<PlansHistory | undefined>): void {
	const entry = registry().get(root.href);
	if (entry) entry.history = history;
}

/** The plans' history of the site at `rootHref`, as its pages see it; none without git. */
export async function plansHistoryOf(rootHref: string): Promise<PlansHistory | undefined> {
	return registry().get(rootHref)?.history;
}

/** Called by the integration with the history: the repository's CODEOWNERS rules, being read. */
export function registerCodeOwners(root: URL, rules: Promise<CodeOwnersRule[]>): void {
	const entry = registry().get(root.href);
	if (entry) entry.codeOwners = rules;
}

/** The CODEOWNERS rules of the site at `rootHref`'s repository; none without one. */
export async function codeOwnersRulesOf(rootHref: string): Promise<CodeOwnersRule[]> {
	return (await registry().get(rootHref)?.codeOwners) ?? [];
}
