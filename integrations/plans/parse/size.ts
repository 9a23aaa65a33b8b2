import type { Problem } from '../problems.ts';

/**
 * The largest plan file that is read and rendered, in bytes: five times the longest real plan
 * we know of. Rendering takes memory in proportion to a plan's size (about 1 GB per megabyte
 * of tables, diagrams and code), and a 5 MB plan ran a build out of memory.
 */
export const MAX_PLAN_BYTES = 1_000_000;

/** Megabytes rounded up to a tenth, so a plan just over the limit does not read as equal to it. */
const megabytes = (bytes: number) => `${Math.ceil(bytes / 100_000) / 10} MB`;

/** The error for a plan file over {@link MAX_PLAN_BYTES}, whose body is then left unread. */
export function planSizeProblem(raw: string, file: string): Problem | undefined {
	// UTF-16 length bounds the UTF-8 size from below by a third: most plans skip the exact count.
	if (raw.length * 3 <= MAX_PLAN_BYTES) return undefined;
	const bytes = Buffer.byteLength(raw, 'utf8');
	if (bytes <= MAX_PLAN_BYTES) return undefined;
	return {
		severity: 'error',
		file,
		line: 1,
		column: 1,
		message: `The plan is ${megabytes(bytes)}, over the limit of ${megabytes(MAX_PLAN_BYTES)} per plan; it is not rendered.`,
		hint: 'Split it into several plans that link to each other.',
	};
}
