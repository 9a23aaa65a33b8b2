import { z } from 'astro/zod';

const headingSchema = z.object({
	depth: z.number().int().min(1).max(6),
	/** GitHub's id for the heading. */
	id: z.string(),
	text: z.string(),
	line: z.number().int(),
});

const linkSchema = z.object({
	href: z.string(),
	targetPath: z.string().optional(),
	anchor: z.string().optional(),
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

const currencySchema = z.enum(['USD', 'EUR', 'GBP', 'JPY', 'INR']);

/** One cost cell, read: see `parse/money.ts`. */
const moneySchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('amount'),
		currency: currencySchema,
		low: z.number(),
		high: z.number(),
		monthlyLow: z.number(),
		monthlyHigh: z.number(),
		period: z.enum(['month', 'year', 'week', 'day', 'hour', 'once']).optional(),
		approximate: z.boolean(),
		free: z.boolean(),
		note: z.string().optional(),
		text: z.string(),
	}),
	z.object({ kind: z.literal('unknown'), text: z.string() }),
	z.object({ kind: z.literal('invalid'), text: z.string(), reason: z.string() }),
]);

const costTableSchema = z.object({
	line: z.number().int(),
	column: z.number().int(),
	items: z.array(z.object({ component: z.string(), cost: moneySchema, line: z.number().int() })),
	/** Monthly sum of the rows per currency; `atLeast` when some row has no readable amount. */
	totals: z.partialRecord(currencySchema, z.object({ low: z.number(), high: z.number(), atLeast: z.boolean() })),
	written: z.object({ cost: moneySchema, line: z.number().int() }).optional(),
	mismatch: z.string().optional(),
});

const levelSchema = z.enum(['Low', 'Medium', 'High', 'Critical']);

const riskSchema = z.object({
	risk: z.string(),
	likelihood: levelSchema.optional(),
	impact: levelSchema.optional(),
	mitigation: z.string().optional(),
	owner: z.string().optional(),
	/** Id of the risk's table row on the plan page. */
	anchor: z.string(),
	line: z.number().int(),
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
	/** Source path relative to the project root: `plans/payments/checkout.md`. */
	file: z.string(),
	/** Source path relative to the plans folder: `payments/checkout.md`. */
	path: z.string(),
	/** Folder inside the plans folder (`payments`), `''` at the top. */
	folder: z.string(),
	format: z.enum(['md', 'mdx']),
	headings: z.array(headingSchema),
	links: z.array(linkSchema),
	/** Diagram fences (Mermaid and ASCII/box drawing), in document order. */
	diagrams: z.array(diagramSchema),
	/** Cost tables (a `Cost` column), with checked totals. */
	costs: z.array(costTableSchema),
	/** Rows of risk tables (Risk, Likelihood or Probability, Impact columns). */
	risks: z.array(riskSchema),
	/** What reading this plan found wrong (cross-plan link checks are not included). */
	problems: z.array(problemSchema),
});

export type PlanData = z.infer<typeof PlanDataSchema>;
export type PlanHeadingData = z.infer<typeof headingSchema>;
export type PlanLinkData = z.infer<typeof linkSchema>;
export type PlanDiagramData = z.infer<typeof diagramSchema>;
export type PlanCostTableData = z.infer<typeof costTableSchema>;

/**
 * Schema of the plans collection, for `src/content.config.ts`:
 * `defineCollection({ loader: plansLoader(), schema: planSchema() })`.
 */
export function planSchema() {
	return PlanDataSchema;
}
