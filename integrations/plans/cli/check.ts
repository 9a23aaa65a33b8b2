/**
 * `astro-technical-plans check`: validates every plan without building the site: metadata, links and
 * anchors between plans, Mermaid syntax (parsed under jsdom, no browser), cost-table totals,
 * duplicate URLs and unknown statuses. Prints each problem as `file:line:column severity
 * message` (and as a GitHub annotation in GitHub Actions), then a summary line. Exits 1 when
 * there are errors, or warnings with `--strict`.
 *
 *   npx astro-technical-plans check [--strict] [--dir plans] [--broken-links error|warn] [--sanitize github|false] [--root .]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mermaidSyntaxProblem } from '../diagrams/mermaid/prepare.ts';
import { parsePlan } from '../parse/plan.ts';
import { formatProblem, githubAnnotation, inGitHubActions, type Problem } from '../parse/problems.ts';
import type { PlanData } from '../schema.ts';
import { findPlanFiles } from '../validate/plan-files.ts';
import { planProblems, sortProblems } from '../validate/plans.ts';

export interface CheckResult {
	plans: number;
	diagrams: number;
	problems: Problem[];
}

/** Reads and checks every plan of `<root>/<directory>`. */
export async function checkPlans({ root, directory, brokenLinks, sanitize = true }: { root: string; directory: string; brokenLinks: 'error' | 'warn'; sanitize?: boolean }): Promise<CheckResult> {
	const { files, unpublished, problems } = await findPlanFiles(root, directory);
	const plans: PlanData[] = [];
	// A file that lost its URL to another one is still read: its own problems are worth knowing.
	for (const { file, path, absolute } of [...files, ...unpublished]) {
		const raw = await readFile(absolute, 'utf8');
		plans.push(parsePlan({ raw, file, path, sanitize, fileExists: (image) => existsSync(join(dirname(absolute), image)) }).data);
	}
	problems.push(...planProblems(plans, brokenLinks));
	for (const plan of plans) {
		for (const diagram of plan.diagrams) {
			if (diagram.kind !== 'mermaid') continue;
			const problem = await mermaidSyntaxProblem(plan, diagram, 'error');
			if (problem) problems.push(problem);
		}
	}
	return { plans: plans.length, diagrams: plans.reduce((sum, plan) => sum + plan.diagrams.length, 0), problems: sortProblems(problems) };
}

/** `12 plans, 31 diagrams, 2 errors, 5 warnings` */
export function summaryLine({ plans, diagrams, problems }: CheckResult): string {
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const errors = problems.filter((problem) => problem.severity === 'error').length;
	return [count(plans, 'plan'), count(diagrams, 'diagram'), count(errors, 'error'), count(problems.length - errors, 'warning')].join(', ');
}

/** Runs the checker with the arguments that follow `check`; resolves with the exit code. */
export async function runCheck(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			strict: { type: 'boolean', default: false },
			dir: { type: 'string', default: 'plans' },
			'broken-links': { type: 'string', default: 'error' },
			root: { type: 'string', default: '.' },
			sanitize: { type: 'string', default: 'github' },
		},
	});
	const brokenLinks = values['broken-links'];
	if (brokenLinks !== 'error' && brokenLinks !== 'warn') {
		process.stderr.write(`--broken-links must be "error" or "warn", not "${brokenLinks}".\n`);
		return 2;
	}
	if (values.sanitize !== 'github' && values.sanitize !== 'false') {
		process.stderr.write(`--sanitize must be "github" or "false", not "${values.sanitize}".\n`);
		return 2;
	}
	const result = await checkPlans({ root: resolve(values.root), directory: values.dir, brokenLinks, sanitize: values.sanitize === 'github' });
	for (const problem of result.problems) {
		process.stdout.write(`${formatProblem(problem)}\n`);
		if (inGitHubActions()) process.stdout.write(`${githubAnnotation(problem)}\n`);
	}
	process.stdout.write(`${summaryLine(result)}\n`);
	const failing = result.problems.filter((problem) => problem.severity === 'error' || values.strict);
	return failing.length > 0 ? 1 : 0;
}
