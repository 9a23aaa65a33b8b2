import { type Currency, formatMoney } from '../money/index.ts';
import { type PlanChanges, type RowRef, sortChanges } from './changes.ts';

/**
 * A piece of the wording of a change: text, a row of the plan (a link to its place on a page),
 * a figure a page stresses (`<strong>`), or the previous id of a renamed plan (`<code>` on a page).
 * In text, each piece is its words.
 */
export type ChangePiece = string | { row: RowRef } | { strong: string } | { code: string };

/** One thing that changed in a plan, in pieces; a cost line says which way the cost went. */
export interface ChangeLine {
	pieces: ChangePiece[];
	cost?: 'up' | 'down';
}

/**
 * Where a change is worded: in `text`, the lines of a plan on one line, joined with ` · ` (the
 * CLI and the GitHub job summary); on a `page`, a list under the plan's name (`ChangeList.astro`).
 */
export type ChangeForm = 'text' | 'page';

/** `+$420/mo` */
export function formatCostDelta(delta: number, currency: Currency): string {
	return `${delta < 0 ? '−' : '+'}${formatMoney(Math.abs(delta), currency)}/mo`;
}

/**
 * What changed in one plan, a line each, worded for `form`. Both forms say the same things, from
 * the same pieces; a page
 * - starts each line with a capital letter;
 * - puts the risks whose severity changed and the milestones moved before the rows added and
 *   removed, where text keeps the lines of each table together;
 * - writes `Status: a → b` and `Approved by: A` where text writes `status a → b`, `approved by A`;
 * - names what a list holds in the singular (`Risk added: A, B`), sections in the plural, where
 *   text counts (`risks added: A, B`, `section added: S`; `approval withdrawn` either way);
 * - writes `Cost +$420/mo: Compute +$300, Cache +$120` where text writes
 *   `+$420/mo (Compute +$300, Cache +$120)`;
 * - writes a milestone moved `−3 days (2026-06-01 → 2026-05-29)`, with a true minus sign (and
 *   `−0 days`), where text writes `-3 days` (and `0 days`).
 */
export function changeLines(change: PlanChanges, form: ChangeForm): ChangeLine[] {
	const lists = listLines(change, form);
	const rows = rowLines(change, form);
	const middle =
		form === 'page'
			? [...rows.severity, ...rows.moved, ...lists.risks, ...lists.milestones]
			: [...lists.risks, ...rows.severity, ...rows.moved, ...lists.milestones];
	const lines = [
		...kindLines(change),
		...figureLines(change, form),
		...costLines(change, form),
		...middle,
		...lists.others,
	];
	return form === 'page' ? lines.map(capitalised) : lines;
}

const line = (...pieces: ChangePiece[]): ChangeLine => ({ pieces });

/** `Status: ` on a page, `status ` in text. */
const label = (words: string, form: ChangeForm) => (form === 'page' ? `${words}: ` : `${words} `);

/** Items separated by commas. */
const commaSeparated = (items: ChangePiece[][]): ChangePiece[] =>
	items.flatMap((item, index) => (index > 0 ? [', ', ...item] : item));

/** Rows, each a link on a page. */
const linked = (rows: RowRef[]) => rows.map((row) => [{ row }]);

function capitalised(line: ChangeLine): ChangeLine {
	const [first, ...rest] = line.pieces;
	if (typeof first !== 'string') return line;
	return { ...line, pieces: [`${first.charAt(0).toUpperCase()}${first.slice(1)}`, ...rest] };
}

function kindLines(change: PlanChanges): ChangeLine[] {
	if (change.kind === 'added') return [line('new plan')];
	if (change.kind === 'removed') return [line('plan removed')];
	if (change.kind === 'renamed') return [line('renamed from ', { code: change.renamedFrom! })];
	return [];
}

function figureLines(change: PlanChanges, form: ChangeForm): ChangeLine[] {
	const figures = [
		['status', change.status],
		['version', change.version],
	] as const;
	return figures.flatMap(([name, figure]) =>
		figure
			? [line(label(name, form), `${figure.from ?? 'none'} → `, { strong: figure.to ?? 'none' })]
			: [],
	);
}

function costLines(change: PlanChanges, form: ChangeForm): ChangeLine[] {
	return change.costs.map(({ currency, delta, rows }) => {
		const total = formatCostDelta(delta, currency);
		const parts = commaSeparated(
			rows.map((row) => [{ row }, ` ${formatCostDelta(row.delta, currency).replace('/mo', '')}`]),
		);
		const cost = delta > 0 ? 'up' : 'down';
		return form === 'page'
			? { pieces: ['Cost ', { strong: total }, ': ', ...parts], cost }
			: { pieces: [total, ' (', ...parts, ')'], cost };
	});
}

/** `+3 days`, `-3 days` in text; a page writes a true minus sign, and `−0 days` for none. */
function dayCount(days: number, form: ChangeForm): string {
	const unit = Math.abs(days) === 1 ? 'day' : 'days';
	if (form === 'page') return `${days > 0 ? '+' : '−'}${Math.abs(days)} ${unit}`;
	return `${days > 0 ? `+${days}` : days} ${unit}`;
}

/** The risks whose severity changed and the milestones moved, a line each. */
function rowLines(change: PlanChanges, form: ChangeForm) {
	return {
		severity: change.risks.severity.map((risk) =>
			line('risk ', { row: risk }, `: ${risk.from ?? ''} → `, { strong: risk.to ?? '' }),
		),
		moved: change.milestones.moved.map(({ days, from, to, ...row }) =>
			line(
				'milestone ',
				{ row },
				' moved ',
				{ strong: dayCount(days, form) },
				...(form === 'page' ? [` (${from ?? ''} → ${to ?? ''})`] : []),
			),
		),
	};
}

/** The rows added and removed, the questions, approvals and sections, a line per list. */
function listLines(change: PlanChanges, form: ChangeForm) {
	const { risks, milestones, questions, approvals, sections } = change;
	const list = (heading: string, items: ChangePiece[][]) =>
		items.length > 0 ? [line(heading, ...commaSeparated(items))] : [];
	/** `risks added: ` in text, by count; `Risk added: ` on a page (or `pageNoun`). */
	const heading = (noun: string, verb: string, count: number, pageNoun = noun) =>
		`${form === 'page' ? pageNoun : count === 1 ? noun : `${noun}s`} ${verb}: `;
	const rows = (noun: string, verb: string, refs: RowRef[]) =>
		list(heading(noun, verb, refs.length), linked(refs));
	const names = (verb: string, headings: string[]) =>
		list(
			heading('section', verb, headings.length, 'sections'),
			headings.map((text) => [text]),
		);
	return {
		risks: [...rows('risk', 'added', risks.added), ...rows('risk', 'removed', risks.removed)],
		milestones: [
			...rows('milestone', 'added', milestones.added),
			...rows('milestone', 'removed', milestones.removed),
		],
		others: [
			...rows('question', 'opened', questions.opened),
			...rows('question', 'resolved', questions.resolved),
			...list(label('approved by', form), linked(approvals.given)),
			...list('approval withdrawn: ', linked(approvals.withdrawn)),
			...names('added', sections.added),
			...names('removed', sections.removed),
		],
	};
}

/** The words of a piece, in text. */
const words = (piece: ChangePiece) =>
	typeof piece === 'string'
		? piece
		: 'row' in piece
			? piece.row.label
			: 'strong' in piece
				? piece.strong
				: piece.code;

/** The parts of one plan's change, in reading order: `+$420/mo (Compute +$300, Cache +$120)`, `risk added: PCI scope creep`, … */
function changeParts(change: PlanChanges): string[] {
	return changeLines(change, 'text').map((line) => line.pieces.map(words).join(''));
}

/** `checkout-service: +$420/mo (Compute +$300, Cache +$120) · risk added: PCI scope creep`, one line per plan. */
export function changesText(changes: PlanChanges[]): string {
	if (changes.length === 0) return 'No plan changed since the previous deploy.';
	return sortChanges(changes)
		.map((change) => `${change.id}: ${changeParts(change).join(' · ')}`)
		.join('\n');
}

/** The same as Markdown, for a GitHub Actions job summary: each plan linked to its page on `site`. */
export function changesMarkdown(changes: PlanChanges[], site?: string): string {
	const lines = ['### Plan changes since the last deploy', ''];
	if (changes.length === 0) lines.push('No plan changed.');
	for (const change of sortChanges(changes)) {
		const name =
			site && change.kind !== 'removed'
				? `[${change.id}](${new URL(change.url, site).href})`
				: `\`${change.id}\``;
		lines.push(`- **${name}**: ${changeParts(change).join(' · ')}`);
	}
	return `${lines.join('\n')}\n`;
}
