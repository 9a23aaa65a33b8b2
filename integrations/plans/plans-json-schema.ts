import { z } from 'astro/zod';
import { PlanDataSchema } from './schema.ts';

/** Sums per currency, as a cost table's totals have them. */
const totalsSchema = PlanDataSchema.shape.costs.element.shape.totals.shape.monthly;

/** One plan in `/plans.json`: its data (without build diagnostics, unread frontmatter and diagram sources) plus its address. */
export const ExportedPlanSchema = z.object({
	/** URL path id: `payments/checkout-service`. */
	id: z.string(),
	/** Page URL, with the site's `base`. */
	url: z.string(),
	...PlanDataSchema.omit({ problems: true, diagrams: true, unreadFrontmatter: true }).shape,
	/** Commits that changed the plan's file (its history from git). */
	revisions: z.number().int().optional(),
	/** Number of diagrams of each kind. */
	diagrams: z.object({ mermaid: z.number().int(), ascii: z.number().int() }),
	/**
	 * The plan's money over all its cost tables, each kind apart and never added together:
	 * alternatives and options are left out, and currencies are never mixed.
	 */
	costTotals: z.object({
		/** The run-rate per month: monthly amounts, and yearly, weekly … amounts converted. */
		monthly: totalsSchema,
		/** The same run-rate per year. */
		yearly: totalsSchema,
		/** One-time money, as written: never converted. */
		oneTime: totalsSchema,
		/** Money whose period nothing states, as written: never counted as monthly. */
		unstated: totalsSchema,
	}),
});

/** `/plans.json`: every plan, in navigation order. Its JSON Schema is published at `/plans.schema.json`. */
export const PlansExportSchema = z.object({
	$schema: z.string(),
	plans: z.array(ExportedPlanSchema),
});

export type PlansExport = z.infer<typeof PlansExportSchema>;
export type ExportedPlan = z.infer<typeof ExportedPlanSchema>;
