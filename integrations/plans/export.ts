import { z } from 'astro/zod';
import { PlanDataSchema } from './schema.ts';

/** One plan in `/plans.json`: its data (without build diagnostics and diagram sources) plus its address. */
export const ExportedPlanSchema = z.object({
	/** URL path id: `payments/checkout-service`. */
	id: z.string(),
	/** Page URL, with the site's `base`. */
	url: z.string(),
	...PlanDataSchema.omit({ problems: true, diagrams: true }).shape,
	/** Number of diagrams of each kind. */
	diagrams: z.object({ mermaid: z.number().int(), ascii: z.number().int() }),
});

/** `/plans.json`: every plan, in navigation order. Its JSON Schema is published at `/plans.schema.json`. */
export const PlansExportSchema = z.object({
	$schema: z.string(),
	plans: z.array(ExportedPlanSchema),
});

export type PlansExport = z.infer<typeof PlansExportSchema>;
