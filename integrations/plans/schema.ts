import { z } from 'astro/zod';

const headingSchema = z.object({
	depth: z.number().int().min(1).max(6),
	/** GitHub's id for the heading. */
	id: z.string(),
	text: z.string(),
	line: z.number().int(),
	/** The heading the page header shows as the plan's title: the page leaves it out. */
	title: z.boolean().optional(),
});

const linkSchema = z.object({
	href: z.string(),
	targetPath: z.string().optional(),
	anchor: z.string().optional(),
	line: z.number().int(),
	column: z.number().int(),
	/** Id of the heading the link sits under. */
	section: z.string().optional(),
});

const relationSchema = z.object({
	kind: z.enum(['supersedes', 'superseded-by', 'replaces', 'replaced-by', 'requires', 'related']),
	/** As written. */
	text: z.string(),
	/** The other plan's path in the plans folder, when the relation links a plan file. */
	targetPath: z.string().optional(),
	line: z.number().int(),
	column: z.number().int(),
});

const diagramSchema = z.object({
	kind: z.enum(['mermaid', 'ascii']),
	/** Content key (source + renderer version): names the cached render and the full-size SVG. */
	key: z.string(),
	source: z.string(),
	line: z.number().int(),
	column: z.number().int(),
	label: z.string(),
});

/** A unit as written: an ISO 4217 code or a token (`DAI`, `USDC`, `ADA`), never converted. */
const currencySchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);

/** The period an amount is for: written in its cell, or given by its table; absent when nothing states one. */
const periodSchema = z.enum(['month', 'quarter', 'year', 'week', 'day', 'hour', 'once']).optional();

/** One cost cell, read: see `money/read.ts`. */
const moneySchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('amount'),
		currency: currencySchema,
		low: z.number(),
		high: z.number(),
		/** Per month, for a recurring amount only: never for one-time money or money of no stated period. */
		monthlyLow: z.number().optional(),
		monthlyHigh: z.number().optional(),
		period: periodSchema,
		approximate: z.boolean(),
		free: z.boolean(),
		note: z.string().optional(),
		text: z.string(),
	}),
	z.object({ kind: z.literal('unknown'), text: z.string(), period: periodSchema }),
	z.object({
		kind: z.literal('invalid'),
		text: z.string(),
		reason: z.string(),
		period: periodSchema,
	}),
]);

/** Sums per currency; `atLeast` when some row has no readable amount. */
const totalsSchema = z.partialRecord(
	currencySchema,
	z.object({ low: z.number(), high: z.number(), atLeast: z.boolean() }),
);

/** Sums of each kind of money, never added together. */
const costTotalsSchema = z.object({
	/** The run-rate: recurring amounts (monthly, yearly, weekly …) per month. */
	monthly: totalsSchema,
	/** One-time money, as written: never spread over months. */
	oneTime: totalsSchema,
	/** Money whose period nothing states, as written: never counted as monthly. */
	unstated: totalsSchema,
});

/** Where an extracted row is: its id on the plan page, its line in the file, the heading it sits under. */
const rowPlace = {
	/** Id of the row on the plan page (`risk-database-scaling`): link with `<plan url>#<anchor>`. */
	anchor: z.string(),
	line: z.number().int(),
	/** Id of the heading the row sits under. */
	section: z.string().optional(),
};

const costItemSchema = z.object({
	component: z.string(),
	service: z.string().optional(),
	usage: z.string().optional(),
	cost: moneySchema,
	/** False for an alternative or an option (`Alternative`, `Option B`, `(not included)`): shown, never added. */
	inTotal: z.boolean(),
	anchor: z.string(),
	line: z.number().int(),
});

const costTableSchema = z.object({
	line: z.number().int(),
	column: z.number().int(),
	/** Id of the table on the plan page. */
	anchor: z.string().optional(),
	section: z.string().optional(),
	/** The period of the cells that write none: from the cost column's header, a heading or the cells. */
	period: periodSchema,
	periodFrom: z.enum(['header', 'heading', 'cells']).optional(),
	items: z.array(costItemSchema),
	/** The sums of the rows in the total, each kind of money apart. */
	totals: costTotalsSchema,
	written: z.object({ cost: moneySchema, line: z.number().int() }).optional(),
	mismatch: z.string().optional(),
	/** The rows' amounts are rate × quantity: no column holds them. */
	amountFrom: z.literal('rate × quantity').optional(),
	/** A table of choices or examples with no written total: shown, never summed. */
	options: z.boolean().optional(),
	/** Why the figures could not be read without a guess: shown, and marked unverified. */
	unverified: z.string().optional(),
});

const levelSchema = z.enum(['Low', 'Medium', 'High', 'Critical']);

const riskSchema = z.object({
	risk: z.string(),
	likelihood: levelSchema.optional(),
	impact: levelSchema.optional(),
	mitigation: z.string().optional(),
	owner: z.string().optional(),
	...rowPlace,
});

const scalingPointSchema = z.object({
	/** `6 months`, `Growth`. */
	label: z.string(),
	cost: moneySchema,
	/** `2x traffic`. */
	note: z.string().optional(),
	...rowPlace,
});

const technologySchema = z.object({
	/** As written, without its version. */
	name: z.string(),
	/** Normalised name for comparison across plans (`postgresql` for Postgres). */
	key: z.string(),
	version: z.string().optional(),
	/** Major version for drift checks (`16`; `0.109` for 0.x versions). */
	major: z.string().optional(),
	component: z.string().optional(),
	layer: z.enum(['frontend', 'backend', 'database', 'infrastructure', 'third-party', 'other']),
	rationale: z.string().optional(),
	costModel: z.string().optional(),
	...rowPlace,
});

const milestoneSchema = z.object({
	name: z.string(),
	/** The target as written (`Q2 2026`, `Week 3`). */
	target: z.string().optional(),
	/** `YYYY-MM-DD`: the last day the target means, when it is a calendar date. */
	dueDate: z.string().optional(),
	deliverables: z.string().optional(),
	criteria: z.string().optional(),
	status: z.string().optional(),
	owner: z.string().optional(),
	...rowPlace,
});

const dependencySchema = z.object({
	name: z.string(),
	kind: z.enum(['external', 'team', 'internal', 'other']),
	status: z.string().optional(),
	deliverable: z.string().optional(),
	deadline: z.string().optional(),
	dueDate: z.string().optional(),
	risk: levelSchema.optional(),
	owner: z.string().optional(),
	...rowPlace,
});

const questionSchema = z.object({
	question: z.string(),
	context: z.string().optional(),
	options: z.string().optional(),
	researchNeeded: z.string().optional(),
	/** The decision deadline as written. */
	deadline: z.string().optional(),
	dueDate: z.string().optional(),
	owner: z.string().optional(),
	status: z.enum(['open', 'resolved']),
	...rowPlace,
});

const glossaryEntrySchema = z.object({ term: z.string(), definition: z.string(), ...rowPlace });

const approvalSchema = z.object({
	name: z.string().optional(),
	role: z.string().optional(),
	status: z.enum(['approved', 'changes-requested', 'pending']),
	date: z.string().optional(),
	comments: z.string().optional(),
	...rowPlace,
});

const performanceTargetSchema = z.object({
	metric: z.string(),
	target: z.string(),
	measurement: z.string().optional(),
	strategy: z.string().optional(),
	...rowPlace,
});

const retentionSchema = z.object({
	dataType: z.string(),
	period: z.string(),
	privacy: z.string().optional(),
	compliance: z.string().optional(),
	...rowPlace,
});

const placeholderSchema = z.object({
	text: z.string(),
	line: z.number().int(),
	column: z.number().int(),
});

const problemSchema = z.object({
	severity: z.enum(['error', 'warning']),
	message: z.string(),
	file: z.string(),
	line: z.number().int(),
	column: z.number().int(),
	hint: z.string().optional(),
});

/**
 * The typed `Plan` the loader computes once per file. Pages, indexes and exports read
 * only this: nothing re-parses a plan or scrapes rendered HTML.
 */
export const PlanDataSchema = z.object({
	/** From frontmatter `title`, else the first `#` heading, else the file name. */
	title: z.string(),
	/** `Draft`, `In Review`, `Approved`, or what the plan wrote when it is none of those. */
	status: z.string().optional(),
	/** False when `status` is not one of the template's statuses. */
	statusKnown: z.boolean(),
	/** Where the status puts the plan in its life, whatever the words (see `parse/lifecycle.ts`). */
	stage: z.enum(['draft', 'review', 'accepted', 'done', 'closed']).optional(),
	version: z.string().optional(),
	/** The date as written. */
	date: z.string().optional(),
	/** `YYYY-MM-DD` when the written date could be read, for sorting. */
	isoDate: z.string().optional(),
	/** The spec the plan is based on (`**Based on Spec**`), with its link when it has one. */
	spec: z.object({ text: z.string(), href: z.string().optional() }).optional(),
	owner: z.string().optional(),
	tags: z.array(z.string()),
	/** First paragraph of the Executive Summary (or frontmatter `description`). */
	summary: z.string().optional(),
	/** `Review by` (frontmatter `review-by`): the day the plan must be reviewed again, and where it says so. */
	reviewBy: z
		.object({ date: z.string(), line: z.number().int(), column: z.number().int() })
		.optional(),
	/** Frontmatter `created` and `updated` (`YYYY-MM-DD`), which win over the dates from git. */
	created: z.string().optional(),
	updated: z.string().optional(),
	/** Frontmatter `authors`, which win over the names from git. */
	authors: z.array(z.string()).optional(),
	/** Frontmatter `aliases`: paths the plan had before, whose links now open it. */
	aliases: z.array(z.string()).optional(),
	/** Line of the frontmatter `aliases`, where problems with them are reported. */
	aliasesLine: z.number().int().optional(),
	/** Frontmatter `anchors`: ids the plan's sections or rows had before → the id each has now. */
	anchors: z.record(z.string(), z.string()).optional(),
	/** Frontmatter that is not valid YAML, as written, with YAML's reason: the page shows it. */
	unreadFrontmatter: z.array(
		z.object({ line: z.number().int(), text: z.string(), reason: z.string() }),
	),
	/** Source path relative to the project root: `plans/payments/checkout.md`. */
	file: z.string(),
	/** Source path relative to the plans folder: `payments/checkout.md`. */
	path: z.string(),
	/** Folder inside the plans folder (`payments`), `''` at the top. */
	folder: z.string(),
	format: z.enum(['md', 'mdx']),
	headings: z.array(headingSchema),
	/** Ids (and `<a name>`s) of the plan's own HTML, which links point at as they point at headings. */
	htmlAnchors: z.array(z.string()),
	links: z.array(linkSchema),
	/** Supersedes, Superseded by, Replaces, Replaced by, Requires, Related: see `parse/relations.ts`. */
	relations: z.array(relationSchema),
	/** Diagram fences (Mermaid and ASCII/box drawing), in document order. */
	diagrams: z.array(diagramSchema),
	/** Cost tables (a `Cost` column), with checked totals. */
	costs: z.array(costTableSchema),
	/** Scaling Projection points (`6 months: ~$1,200/mo`). */
	scaling: z.array(scalingPointSchema),
	/** Rows of risk tables (Risk, Likelihood or Probability, Impact columns). */
	risks: z.array(riskSchema),
	/** Technology Stack and Third-Party Services rows. */
	technologies: z.array(technologySchema),
	milestones: z.array(milestoneSchema),
	dependencies: z.array(dependencySchema),
	/** Open Questions, with their decision deadlines. */
	questions: z.array(questionSchema),
	glossary: z.array(glossaryEntrySchema),
	/** Review & Approval rows. */
	approvals: z.array(approvalSchema),
	performanceTargets: z.array(performanceTargetSchema),
	/** Data Retention rows. */
	retention: z.array(retentionSchema),
	/** Template placeholders left in the plan (`[Project Name]`, `TBD` in a cell, an empty table). */
	placeholders: z.array(placeholderSchema),
	/** What reading this plan found wrong (cross-plan link checks are not included). */
	problems: z.array(problemSchema),
});

export type PlanData = z.infer<typeof PlanDataSchema>;
export type PlanHeadingData = z.infer<typeof headingSchema>;
export type PlanDiagramData = z.infer<typeof diagramSchema>;

/**
 * Schema of the plans collection. `plansLoader()` brings it already, so a collection needs
 * none of its own; kept for sites that wrote `defineCollection({ loader: plansLoader(), schema: planSchema() })`.
 * @deprecated Leave `schema` out: `defineCollection({ loader: plansLoader() })`.
 */
export function planSchema() {
	return PlanDataSchema;
}
