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
