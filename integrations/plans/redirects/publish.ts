import type { AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AnchorList } from '../indexes/anchors.ts';
import { planIdFromPath } from '../parse/paths.ts';
import { aliasId } from '../validate/aliases.ts';
import type { ExportedPlan } from '../plans-json-schema.ts';
import { readPrevious } from '../read-previous.ts';
import { repositoryRoot } from '../repository.ts';
import { planUrl, sitePath, type UrlOptions } from '../urls.ts';
import {
	anchorListWith,
	type AuthoredLinks,
	type Deploy,
	keepLinks,
	type KeptLinks,
} from './keep-links.ts';
import { type PlansHistory, readPlansHistory } from '../history/plan-history.ts';
import { planOutline } from './outline.ts';
import { redirectPage, redirectsFile, removedPage, withAnchorAliases } from './pages.ts';

/** Where the previous deploy's files are, and what this site's URLs look like. */
export interface PreviousLinksOptions extends UrlOptions {
	outDir: string;
	root: string;
	/** Absolute path of the plans folder, whose git history names moved plans. */
	plansDir: string;
	/** The previous deploy's `anchors.json` and `plans.json` (paths or URLs). */
	previousAnchors: string;
	previousPlans: string | undefined;
	/** The site's URL, for canonical links; none gives paths. */
	site: URL | undefined;
	logger: AstroIntegrationLogger;
	/** Where GitHub Actions reads the job summary (`GITHUB_STEP_SUMMARY`). */
	summaryFile: string | undefined;
	/** The plans' git history when the build read it already (see `readPlansHistory`). */
	history?: Pick<PlansHistory, 'moves' | 'shallow'>;
}

/**
 * Keeps every link of the previous deploy working on this one, after the pages are written:
 * old ids are added where their sections and rows are now, moved plans get a redirect page
 * and a `_redirects` line, removed plans a notice, and `anchors.json` records what is kept so
 * the next deploy keeps it too. Each kept link is logged.
 */
export async function keepPreviousLinks(
	options: PreviousLinksOptions,
): Promise<KeptLinks | undefined> {
	const previous = await readPreviousDeploy(options);
	if (!previous) return undefined;
	const anchorsFile = join(options.outDir, 'anchors.json');
	const currentPlans = await readPlans(join(options.outDir, 'plans.json'));
	const current: Deploy = {
		anchors: JSON.parse(await readFile(anchorsFile, 'utf8')) as AnchorList,
		plans: currentPlans.map(planOutline),
	};
	const moves = await movesFromGit(options);
	const kept = keepLinks(previous, current, authoredLinks(currentPlans, moves, options));
	await addAliases(kept, options);
	await writeRedirects(kept, new Map(currentPlans.map((plan) => [plan.url, plan.title])), options);
	await writeFile(
		anchorsFile,
		`${JSON.stringify(anchorListWith(current.anchors, kept), null, 2)}\n`,
	);
	await report(kept, options);
	return kept;
}

async function readPreviousDeploy(options: PreviousLinksOptions): Promise<Deploy | undefined> {
	try {
		const anchors = JSON.parse(
			await readPrevious(options.previousAnchors, options.root),
		) as AnchorList;
		const plans = options.previousPlans
			? (
					JSON.parse(await readPrevious(options.previousPlans, options.root)) as {
						plans: ExportedPlan[];
					}
				).plans
			: [];
		return { anchors, plans: plans.map(planOutline) };
	} catch (error) {
		options.logger.warn(
			`Could not read the previous deploy from ${options.previousAnchors} (${(error as Error).message}); links from it are not checked.`,
		);
		return undefined;
	}
}

async function readPlans(file: string): Promise<ExportedPlan[]> {
	return (JSON.parse(await readFile(file, 'utf8')) as { plans: ExportedPlan[] }).plans;
}

/** The moves of plan files git knows of, with a word when it knows only part of them. */
async function movesFromGit(options: PreviousLinksOptions): Promise<Map<string, string>> {
	const repository = repositoryRoot(options.plansDir);
	const found =
		options.history ??
		(repository ? await readPlansHistory(repository, options.plansDir) : undefined);
	// The build's history pass has said it already.
	if (found?.shallow && !options.history)
		options.logger.warn(
			'The plans are in a shallow git clone: plans moved before its first commit are found by their title and content only. Fetch the whole history (actions/checkout: fetch-depth: 0).',
		);
	return found?.moves ?? new Map();
}

/**
 * Old page URLs of the plans, from git's moves and the authors' frontmatter `aliases` (which
 * win), and the old ids the authors list in `anchors`.
 */
function authoredLinks(
	plans: readonly ExportedPlan[],
	moves: ReadonlyMap<string, string>,
	urls: UrlOptions,
): AuthoredLinks {
	const pages = new Map<string, string>();
	const anchors = new Map<string, Map<string, string>>();
	const byPath = new Map(plans.map((plan) => [plan.path, plan.url]));
	for (const [old, now] of moves) {
		const id = planIdFromPath(old);
		const url = byPath.get(now);
		if (id && url) pages.set(planUrl(id, urls), url);
	}
	for (const plan of plans) {
		for (const alias of plan.aliases ?? []) {
			const id = aliasId(alias);
			if (id) pages.set(planUrl(id, urls), plan.url);
		}
		if (plan.anchors) anchors.set(plan.url, new Map(Object.entries(plan.anchors)));
	}
	return { pages, anchors };
}

/**
 * The file a page URL of this site is written to, or none when the URL is not a plan page's
 * (a previous deploy's list is read from outside: it never names a file outside `outDir`).
 */
function pageFile(
	url: string,
	options: PreviousLinksOptions,
	forWriting = false,
): string | undefined {
	const prefix = sitePath('plans/', { base: options.base, trailingSlash: 'always' });
	if (!url.startsWith(prefix)) return undefined;
	let path: string;
	try {
		path = decodeURIComponent(
			url.slice(sitePath('', { ...options, trailingSlash: 'always' }).length),
		);
	} catch {
		return undefined;
	}
	const folder = resolve(options.outDir, path.replace(/\/$/, ''));
	const inside = relative(options.outDir, folder);
	if (inside.startsWith('..') || inside.split(sep).includes('..')) return undefined;
	const asFolder = join(folder, 'index.html');
	if (forWriting || existsSync(asFolder)) return asFolder;
	return existsSync(`${folder}.html`) ? `${folder}.html` : undefined;
}

async function addAliases(kept: KeptLinks, options: PreviousLinksOptions): Promise<void> {
	for (const [url, aliases] of kept.aliases) {
		const file = pageFile(url, options);
		if (!file) continue;
		const { html, missing } = withAnchorAliases(await readFile(file, 'utf8'), aliases);
		await writeFile(file, html);
		for (const old of missing) {
			aliases.delete(old);
			options.logger.warn(
				`${url}#${old}: the place its links should land on is not on the page; they land on its top.`,
			);
		}
	}
}

async function writeRedirects(
	kept: KeptLinks,
	titles: ReadonlyMap<string, string>,
	options: PreviousLinksOptions,
): Promise<void> {
	const canonical = (to: string) => (options.site ? new URL(to, options.site).href : to);
	for (const [from, to] of kept.redirects) {
		const file = pageFile(from, options, true);
		if (!file || existsSync(file)) continue;
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, redirectPage(to, canonical(to), titles.get(to) ?? to));
	}
	const notFound = join(options.outDir, '404.html');
	const shell = existsSync(notFound) ? await readFile(notFound, 'utf8') : undefined;
	for (const [from, title] of kept.removed) {
		const file = pageFile(from, options, true);
		if (!file || existsSync(file)) continue;
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, removedPage(title, sitePath('', options), shell));
	}
	if (kept.redirects.size > 0)
		await appendFile(join(options.outDir, '_redirects'), redirectsFile(kept.redirects));
}

async function report(kept: KeptLinks, options: PreviousLinksOptions): Promise<void> {
	for (const note of kept.notes)
		if (note.severity === 'warning') options.logger.warn(note.message);
		else options.logger.info(note.message);
	const aliased = [...kept.aliases.values()].reduce((sum, map) => sum + map.size, 0);
	const summary = `Links of the previous deploy: ${kept.redirects.size} pages redirected, ${kept.removed.size} removed, ${aliased} ids kept, ${kept.notes.filter((note) => note.severity === 'warning').length} warnings.`;
	options.logger.info(summary);
	if (options.summaryFile && kept.notes.length > 0)
		await appendFile(
			options.summaryFile,
			`### Links kept from the previous deploy\n\n${summary}\n\n${kept.notes.map((note) => `- ${note.severity === 'warning' ? '⚠️ ' : ''}${note.message}`).join('\n')}\n`,
		);
}
