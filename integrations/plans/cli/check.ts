/**
 * `astro-technical-plans check`: validates every plan without building the site: metadata, links and
 * anchors between plans, Mermaid syntax (parsed under jsdom, no browser), cost-table totals,
 * duplicate URLs and unknown statuses, with the options `plans()` has in the site's astro.config
 * (flags override them). Prints each problem as `file:line:column severity message` (and as a
 * GitHub annotation in GitHub Actions), then a summary line. Exits 1 when there are errors, or
 * warnings with `--strict`.
 *
 *   npx astro-technical-plans check [--strict] [--dir plans] [--broken-links error|warn] [--sanitize github|false] [--root .] [--against plans.json|URL]
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	checkProblem,
	type UncheckedDiagram,
	uncheckedNotice,
} from '../diagrams/mermaid/prepare.ts';
import { parseMermaid } from '../diagrams/mermaid/validate.ts';
import { changesMarkdown, changesText } from '../indexes/change-wording.ts';
import { type ComparedPlan, planChanges } from '../indexes/changes.ts';
import { readPreviousPlans } from '../indexes/previous-plans.ts';
import { planUrl } from '../urls.ts';
import type { Stage } from '../parse/lifecycle.ts';
import { parsePlan } from '../parse/plan.ts';
import { imageRootsOf, repositoryRoot } from '../repository.ts';
import { formatProblem, githubAnnotation, inGitHubActions, type Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';
import { findPlanFiles } from '../load/find-plan-files.ts';
import type { ExpectedSections } from '../options-schema.ts';
import { type SiteOptions, SiteConfigError, siteOptions } from './site-options.ts';
import { keptLinkNotes } from './kept-links.ts';
import { REVIEW_OVERDUE, reviewProblems } from './reviews.ts';
import { type StaleRule, staleDays } from '../indexes/review.ts';
import { planProblems, sortProblems } from '../validate/plans.ts';

export interface CheckResult {
	plans: number;
	diagrams: number;
	problems: Problem[];
	/** The plans read, as the changes compare them (published ones only). */
	compared: ComparedPlan[];
	/** Said once when the Mermaid check failed internally on some diagrams (see `uncheckedNotice`). */
	uncheckedNotice?: string;
}

/** What the checker checks with: the site's options (see `site-options.ts`), overridden by flags. */
export interface CheckSettings {
	root: string;
	directory: string;
	brokenLinks: 'error' | 'warn';
	sanitize: boolean;
	completeness: ExpectedSections;
	/** How a Mermaid diagram Mermaid cannot read counts: as the build counts it (`mermaid.onError`). */
	mermaidSeverity: Problem['severity'];
	verifyDrawings: boolean;
	statuses: Record<string, Stage>;
	/** Plans that need a review (the `staleAfter` option); `Review by` dates count without it. */
	staleRule: StaleRule | undefined;
}

/** Reads and checks every plan of `<root>/<directory>`. */
async function checkPlans({
	root,
	directory,
	brokenLinks,
	sanitize,
	completeness,
	mermaidSeverity,
	verifyDrawings,
	statuses,
	staleRule,
}: CheckSettings): Promise<CheckResult> {
	const { files, unpublished, problems } = await findPlanFiles(root, directory);
	const repository = repositoryRoot(join(root, directory));
	const plans: PlanData[] = [];
	const compared: ComparedPlan[] = [];
	// A file that lost its URL to another one is still read: its own problems are worth knowing.
	for (const { id, file, path, absolute } of [...files, ...unpublished]) {
		const raw = await readFile(absolute, 'utf8');
		const folder = dirname(absolute);
		const imageRoots = imageRootsOf(folder, join(root, 'public'), repository);
		const { data } = parsePlan({
			raw,
			file,
			path,
			sanitize,
			verifyDrawings,
			statuses,
			imageRoots,
			fileExists: (image) => existsSync(join(folder, image)),
		});
		plans.push(data);
		if (!unpublished.some((other) => other.file === file))
			compared.push({ ...data, id, url: planUrl(id, { base: '/', trailingSlash: 'ignore' }) });
	}
	problems.push(...planProblems(plans, brokenLinks, completeness));
	problems.push(...(await reviewProblems(plans, { root, directory, rule: staleRule })));
	const unchecked: UncheckedDiagram[] = [];
	for (const plan of plans) {
		for (const diagram of plan.diagrams) {
			if (diagram.kind !== 'mermaid') continue;
			const found = await parseMermaid(diagram.source);
			const problem = checkProblem(plan, diagram, found, mermaidSeverity);
			if (problem) problems.push(problem);
			if (found?.kind === 'internal')
				unchecked.push({ file: plan.file, line: diagram.line, message: found.message });
		}
	}
	const diagrams = plans.reduce((sum, plan) => sum + plan.diagrams.length, 0);
	return {
		compared,
		plans: plans.length,
		diagrams,
		problems: sortProblems(problems),
		uncheckedNotice: uncheckedNotice(unchecked),
	};
}

/** `12 plans, 31 diagrams, 2 errors, 5 warnings` */
function summaryLine({ plans, diagrams, problems }: CheckResult): string {
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const errors = problems.filter((problem) => problem.severity === 'error').length;
	return [
		count(plans, 'plan'),
		count(diagrams, 'diagram'),
		count(errors, 'error'),
		count(problems.length - errors, 'warning'),
	].join(', ');
}

/** Runs the checker with the arguments that follow `check`; resolves with the exit code. */
export async function runCheck(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			strict: { type: 'boolean', default: false },
			dir: { type: 'string' },
			'broken-links': { type: 'string' },
			root: { type: 'string', default: '.' },
			sanitize: { type: 'string' },
			against: { type: 'string' },
		},
	});
	const brokenLinks = values['broken-links'];
	if (brokenLinks !== undefined && brokenLinks !== 'error' && brokenLinks !== 'warn') {
		process.stderr.write(`--broken-links must be "error" or "warn", not "${brokenLinks}".\n`);
		return 2;
	}
	if (
		values.sanitize !== undefined &&
		values.sanitize !== 'github' &&
		values.sanitize !== 'false'
	) {
		process.stderr.write(`--sanitize must be "github" or "false", not "${values.sanitize}".\n`);
		return 2;
	}
	const root = resolve(values.root);
	let site: SiteOptions;
	try {
		site = await siteOptions(root);
	} catch (error) {
		if (!(error instanceof SiteConfigError)) throw error;
		process.stderr.write(`${error.message}\n  hint: ${error.hint}\n`);
		return 2;
	}
	const { options } = site;
	const result = await checkPlans({
		root,
		// The site's astro.config is where options are set; a flag overrides it for one run.
		directory: values.dir ?? options.directory,
		brokenLinks: brokenLinks ?? options.brokenLinks,
		sanitize:
			values.sanitize === undefined ? options.sanitize !== false : values.sanitize === 'github',
		completeness: options.completeness,
		mermaidSeverity: options.mermaid.onError === 'show' ? 'warning' : 'error',
		verifyDrawings: options.drawings.verify,
		statuses: options.statuses,
		staleRule: options.staleAfter
			? { days: staleDays(options.staleAfter), stages: options.staleStages }
			: undefined,
	});
	for (const problem of result.problems) {
		process.stdout.write(`${formatProblem(problem)}\n`);
		if (inGitHubActions()) process.stdout.write(`${githubAnnotation(problem)}\n`);
	}
	if (result.uncheckedNotice) process.stderr.write(`${result.uncheckedNotice}\n`);
	process.stdout.write(`${summaryLine(result)}\n`);
	if (values.against) await reportChanges(values.against, resolve(values.root), result.compared);
	await summariseReviews(result.problems);
	const failing = result.problems.filter(
		(problem) => problem.severity === 'error' || values.strict,
	);
	return failing.length > 0 ? 1 : 0;
}

/**
 * Prints what the plans change against a previous deploy's `plans.json`, and, in GitHub
 * Actions (`GITHUB_STEP_SUMMARY`), writes it as Markdown to the job summary, each plan linked
 * to its deployed page. An unreadable file is said, and does not fail the check.
 */
async function reportChanges(
	against: string,
	root: string,
	current: ComparedPlan[],
	env: Record<string, string | undefined> = process.env,
): Promise<void> {
	let previous: ComparedPlan[];
	try {
		previous = await readPreviousPlans(against, root);
	} catch (error) {
		process.stdout.write(
			`Could not read the previous plans from ${against} (${(error as Error).message}); no changes to show.\n`,
		);
		return;
	}
	// Plans link to where the previous deploy published them.
	const deployed = new Map(previous.map((plan) => [plan.id, plan.url]));
	const changes = planChanges(previous, current).map((change) => ({
		...change,
		url: deployed.get(change.renamedFrom ?? change.id) ?? change.url,
	}));
	process.stdout.write(`\nChanges against ${against}:\n${changesText(changes)}\n`);
	const kept = keptLinkNotes(previous, current);
	if (kept.length > 0)
		process.stdout.write(
			`\nLinks of ${against} the next build keeps:\n${kept.map((note) => `${note.severity === 'warning' ? 'warning ' : ''}${note.message}`).join('\n')}\n`,
		);
	if (env.GITHUB_STEP_SUMMARY)
		await appendFile(
			env.GITHUB_STEP_SUMMARY,
			changesMarkdown(changes, /^https?:\/\//i.test(against) ? against : undefined) +
				(kept.length > 0
					? `\n### Links kept\n\n${kept.map((note) => `- ${note.severity === 'warning' ? '⚠️ ' : ''}${note.message}`).join('\n')}\n`
					: ''),
		);
}

/** In GitHub Actions, the plans that need a review, listed in the job summary. */
async function summariseReviews(
	problems: readonly Problem[],
	env: Record<string, string | undefined> = process.env,
): Promise<void> {
	const due = problems.filter((problem) => problem.message.startsWith(REVIEW_OVERDUE));
	if (!env.GITHUB_STEP_SUMMARY || due.length === 0) return;
	await appendFile(
		env.GITHUB_STEP_SUMMARY,
		`### Plans to review\n\n${due.map((problem) => `- \`${problem.file}\`: ${problem.message}`).join('\n')}\n`,
	);
}
