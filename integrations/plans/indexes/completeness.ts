import type { ExpectedSections } from '../options-schema.ts';
import type { Problem } from '../problems.ts';
import type { PlanData } from '../schema.ts';

/** One expected section, and the heading that gives it, if any. */
export interface SectionCheck {
	name: string;
	required: boolean;
	heading?: { id: string; text: string; line: number };
}

export interface PlanCompleteness {
	sections: SectionCheck[];
	/** Required sections the plan has, of how many. */
	present: number;
	total: number;
	placeholders: PlanData['placeholders'];
	/** The plan has at least half of the required sections: it is written to the expected outline. */
	followsOutline: boolean;
	/** No placeholder is left and, for a plan that follows the outline, no required section is missing. */
	complete: boolean;
}

/**
 * A heading's name as sections are matched: `3. Technology Stack`, `technology stack` and
 * `Performance and Scalability` match the template's `Performance & Scalability`; `(if
 * applicable)` and trailing colons are ignored.
 */
export function sectionKey(text: string): string {
	return text
		.toLowerCase()
		.replace(/^\s*(?:(?:\d+|[ivxlc]+|[a-z])[.)]\s*)+(?:\d+[.)]?\s*)*/i, '')
		.replace(/^\s*\d+(?:\.\d+)*\s+/, '')
		.replace(/\(if applicable\)/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The keys each expected section matches (its name's and its aliases'), worked out once per list. */
const keysByList = new WeakMap<ExpectedSections, Map<string, string[]>>();
function sectionKeys(expected: ExpectedSections): Map<string, string[]> {
	let keys = keysByList.get(expected);
	if (!keys) {
		keys = new Map(
			[...expected.required, ...expected.optional].map((name) => [
				name,
				[name, ...(expected.aliases[name] ?? [])].map(sectionKey),
			]),
		);
		keysByList.set(expected, keys);
	}
	return keys;
}

/** How complete a plan is against the expected sections. */
export function planCompleteness(
	plan: Pick<PlanData, 'headings' | 'placeholders'>,
	expected: ExpectedSections,
): PlanCompleteness {
	// Sections are `#` and `##` headings; the title heading names the plan, not a section.
	const headings = plan.headings.filter((heading) => heading.depth <= 2 && !heading.title);
	const byKey = new Map<string, SectionCheck['heading']>();
	for (const { id, text, line } of headings)
		if (!byKey.has(sectionKey(text))) byKey.set(sectionKey(text), { id, text, line });
	const keysOf = sectionKeys(expected);
	const check = (name: string, required: boolean): SectionCheck => {
		const heading = keysOf
			.get(name)!
			.map((key) => byKey.get(key))
			.find(Boolean);
		return { name, required, ...(heading && { heading }) };
	};
	const sections = [
		...expected.required.map((name) => check(name, true)),
		...expected.optional.map((name) => check(name, false)),
	];
	const present = sections.filter((section) => section.required && section.heading).length;
	const total = expected.required.length;
	const followsOutline = present * 2 >= total;
	const complete = plan.placeholders.length === 0 && (present === total || !followsOutline);
	return { sections, present, total, placeholders: plan.placeholders, followsOutline, complete };
}

/** The heading of the section a line is in, if any (the title heading is the page's, not a section). */
export function sectionAt(
	plan: Pick<PlanData, 'headings'>,
	line: number,
): PlanData['headings'][number] | undefined {
	return plan.headings.filter((heading) => heading.line <= line && !heading.title).at(-1);
}

/** `11 of 13 sections · 3 placeholders`; `Own outline` for a plan not written to the expected one, which lacks no section. */
export function completenessSummary({
	present,
	total,
	placeholders,
	followsOutline,
}: PlanCompleteness): string {
	const left = placeholders.length;
	return `${followsOutline ? `${present} of ${total} sections` : 'Own outline'}${left > 0 ? ` · ${left} ${left === 1 ? 'placeholder' : 'placeholders'}` : ''}`;
}

/**
 * Warnings for what a plan lacks: each required section missing (when the plan follows the
 * expected outline at all), each placeholder left, and an Approved status on an incomplete plan.
 */
export function completenessProblems(
	plan: Pick<PlanData, 'file' | 'status' | 'headings' | 'placeholders'>,
	completeness: PlanCompleteness,
): Problem[] {
	const at = { severity: 'warning' as const, file: plan.file };
	const problems: Problem[] = [];
	// A plan written to another outline is not told it lacks the sections one by one; its panel
	// still shows what it has.
	if (completeness.followsOutline) {
		for (const section of completeness.sections) {
			if (section.required && !section.heading)
				problems.push({
					...at,
					line: 1,
					column: 1,
					message: `Section "${section.name}" is missing.`,
					hint: 'Add it as a heading, or set the sections this site expects with the completeness option.',
				});
		}
	}
	for (const placeholder of completeness.placeholders) {
		problems.push({
			...at,
			line: placeholder.line,
			column: placeholder.column,
			message: `Placeholder left: ${placeholder.text}.`,
			hint:
				placeholder.text === 'empty table'
					? 'Fill in the table or remove it.'
					: "Replace it with the plan's own text.",
		});
	}
	if (plan.status === 'Approved' && !completeness.complete) {
		problems.push({
			...at,
			line: 1,
			column: 1,
			message: `The plan is Approved but incomplete: ${completenessSummary(completeness)}.`,
			hint: 'Complete it, or set its status back to In Review.',
		});
	}
	return problems;
}
