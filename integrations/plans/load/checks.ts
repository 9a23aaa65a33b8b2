import type { LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { formatProblem, githubAnnotation, inGitHubActions, type Problem } from '../problems.ts';
import type { PlanFile } from './find-plan-files.ts';
import { sortProblems } from '../validate/plans.ts';

/** A folder with no plan at all is most likely the wrong folder. */
export function warnIfNoPlans(
	files: PlanFile[],
	problems: Problem[],
	directory: string,
	logger: LoaderContext['logger'],
): void {
	if (files.length === 0 && problems.length === 0)
		logger.warn(`No plans found in ${directory}/ (looked for **/*.md and **/*.mdx).`);
}

/**
 * MDX plans render with their page through the site's MDX integration (so components work):
 * on a site without it, an MDX plan would not render, so it stops the build with the change to make.
 */
export function assertMdxPlansCanRender(
	files: Array<{ file: string; path: string }>,
	config: LoaderContext['config'],
): void {
	const mdxPlan = files.find(({ path }) => /\.mdx$/i.test(path));
	if (!mdxPlan) return;
	if (!config.integrations.some((integration) => integration.name === '@astrojs/mdx')) {
		throw new AstroError(
			`${mdxPlan.file} is an MDX plan, but the site has no MDX integration.`,
			"Install it (npm install @astrojs/mdx) and add it before plans(): import mdx from '@astrojs/mdx'; … integrations: [mdx(), plans()]. Or rename the plan to .md.",
		);
	}
}

/**
 * Prints every problem as `file:line:column severity message` (and as a GitHub annotation in
 * GitHub Actions); in a build, errors fail it.
 */
export function report(
	problems: Problem[],
	logger: LoaderContext['logger'],
	onError: 'throw' | 'log',
): void {
	const sorted = sortProblems(problems);
	for (const problem of sorted) {
		if (problem.severity === 'warning') logger.warn(formatProblem(problem));
		else logger.error(formatProblem(problem));
		// Workflow commands must start a line of the step's output.
		if (inGitHubActions()) process.stdout.write(`${githubAnnotation(problem)}\n`);
	}
	const errors = sorted.filter((problem) => problem.severity === 'error');
	if (errors.length === 0 || onError === 'log') return;
	throw new AstroError(
		`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in plans:\n${errors.map(formatProblem).join('\n')}`,
		'Fix the plans above. To publish while broken links remain, set `brokenLinks: "warn"` in plans() options.',
	);
}
