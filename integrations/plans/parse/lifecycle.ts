import { distance } from 'fastest-levenshtein';

/** Where a plan is in its life, whatever word its team uses for it. */
export const STAGES = ['draft', 'review', 'accepted', 'done', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/** How the status board names each stage. */
export const STAGE_LABELS: Record<Stage, string> = {
	draft: 'Draft',
	review: 'In review',
	accepted: 'Accepted',
	done: 'Done',
	closed: 'Closed',
};

const words = (list: string, stage: Stage) =>
	list.split(',').map((word) => [word.trim(), stage] as const);

/**
 * The statuses of the vocabularies plans are written in: the template's, KEPs, PEPs, ADRs,
 * RFC processes, and the words teams use. A team adds its own with the `statuses` option.
 */
export const KNOWN_STATUS_WORDS: ReadonlyMap<string, Stage> = new Map([
	...words(
		'draft, wip, work in progress, proposed, proposal, provisional, idea, new, planning, planned, exploring, pre draft, sketch',
		'draft',
	),
	...words(
		'in review, review, under review, reviewing, in discussion, discussion, request for comments, rfc, final comment period, fcp, pending, pending review, awaiting review, needs review, open for comments',
		'review',
	),
	...words(
		'approved, accepted, implementable, agreed, active, in progress, implementing, in development, being implemented, experimental, ready, signed off, adopted, scheduled',
		'accepted',
	),
	...words(
		'implemented, final, completed, complete, done, shipped, released, delivered, stable, landed, merged, live',
		'done',
	),
	...words(
		'rejected, withdrawn, superseded, deprecated, obsolete, replaced, deferred, abandoned, declined, postponed, cancelled, canceled, on hold, retired, archived, dormant, inactive, closed',
		'closed',
	),
]);

/** A status as words: `✅ Implemented (Swift 5.7)` → `implemented swift 5 7`. */
function key(status: string): string {
	return status
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * The stage of a written status: the whole status, else what comes before a parenthesis or a
 * `by`/`in`/`for` (`Superseded by #12`, `Implemented (Swift 5.7)`), else its first word. A list
 * of choices (`Draft | In Review`) has none.
 * `own` are the site's words (the `statuses` option), which come first.
 */
export function stageOf(
	status: string,
	own: Readonly<Record<string, Stage>> = {},
): Stage | undefined {
	// `Draft | In Review | Approved` is the template's list of choices, not a status.
	if (status.includes('|')) return undefined;
	const vocabulary = (word: string) =>
		Object.entries(own).find(([written]) => key(written) === word)?.[1] ??
		KNOWN_STATUS_WORDS.get(word);
	const whole = key(status);
	const head = key(status.split(/[([:]|\s(?:by|in|for|since|on|as|of)\s/i)[0]!);
	const first = whole.split(' ')[0] ?? '';
	return vocabulary(whole) ?? vocabulary(head) ?? vocabulary(first);
}

/** The known status closest to an unknown one (`Aproved` → `approved`), when one is close. */
export function closestStatus(
	status: string,
	own: Readonly<Record<string, Stage>> = {},
): string | undefined {
	const written = key(status);
	const known = [...Object.keys(own).map(key), ...KNOWN_STATUS_WORDS.keys()];
	const ranked = known
		.map((word) => ({ word, distance: distance(written, word) }))
		.sort((a, b) => a.distance - b.distance);
	const best = ranked[0];
	return best && best.distance <= Math.max(1, Math.floor(written.length / 4))
		? best.word
		: undefined;
}
