import { defineCollection } from 'astro:content';
import { plansLoader } from '../integrations/plans/loader.ts';
import { planSchema } from '../integrations/plans/schema.ts';

export const collections = {
	plans: defineCollection({ loader: plansLoader(), schema: planSchema() }),
};
