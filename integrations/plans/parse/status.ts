/** The statuses the template defines, in the order a plan moves through them. */
export const KNOWN_STATUSES = ['Draft', 'In Review', 'Approved'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

const ALIASES: Record<string, KnownStatus> = {
	draft: 'Draft',
	wip: 'Draft',
	'work in progress': 'Draft',
	'in review': 'In Review',
	review: 'In Review',
	'under review': 'In Review',
	'in-review': 'In Review',
	inreview: 'In Review',
	reviewing: 'In Review',
	approved: 'Approved',
	accepted: 'Approved',
};

/**
 * Normalises a written status (`draft`, `IN REVIEW`, `✅ Approved`) to one of the template's
 * statuses. A status that means something else (`Superseded`, `Implementable`) is kept as
 * written, with `known: false`, so the page can show it and the build can warn about it.
 */
export function normalizeStatus(written: string): { status: string; known: boolean } {
	// As written, without Markdown marks and a leading emoji: `Implemented (Swift 5.7)` stays whole.
	const shown = written
		.replace(/[*_`]/g, '')
		.replace(/\s+/g, ' ')
		.replace(/^[^\p{L}\p{N}]+/u, '')
		.trim();
	const words = shown
		.replace(/[^\p{L}\p{N}\s-]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const alias = ALIASES[words.toLowerCase()];
	if (alias) return { status: alias, known: true };
	return { status: shown || written.trim(), known: false };
}

/** CSS-friendly key of a status: `In Review` → `in-review`; unknown statuses share `other`. */
export function statusKey(status: string | undefined, known: boolean): string {
	if (!status) return 'none';
	return known ? status.toLowerCase().replace(/\s+/g, '-') : 'other';
}
