/** A problem found in a plan, positioned in its source file (1-based line and column). */
export interface Problem {
	severity: 'error' | 'warning';
	message: string;
	/** Path relative to the project root, with forward slashes. */
	file: string;
	line: number;
	column: number;
	/** How to fix it. */
	hint?: string;
}

/** `plans/a.md:12:3 error message (hint)`: the shape editors and CI logs link. */
export function formatProblem(problem: Problem): string {
	const hint = problem.hint ? `\n  hint: ${problem.hint}` : '';
	return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}${hint}`;
}

/**
 * A GitHub Actions workflow command, so the problem shows on the pull request diff:
 * `::error file=plans/a.md,line=12,col=3,title=…::message`. Values are escaped as the
 * runner expects (`%`, CR, LF, and `:` `,` in properties).
 */
export function githubAnnotation(problem: Problem): string {
	const data = (value: string) =>
		value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
	const message = problem.hint ? `${problem.message}\n${problem.hint}` : problem.message;
	const kind = problem.severity === 'error' ? 'error' : 'warning';
	return `::${kind} file=${property(problem.file)},line=${problem.line},col=${problem.column},title=${property(`Plan ${kind}`)}::${data(message)}`;
}

/** True when running as a GitHub Actions step. */
export function inGitHubActions(env: Record<string, string | undefined> = process.env): boolean {
	return env.GITHUB_ACTIONS === 'true';
}
