import { defineCollection } from 'astro:content';
import { plansLoader } from 'astro-technical-plans/loader';
import { planSchema } from 'astro-technical-plans/schema';

export const collections = {
	plans: defineCollection({ loader: plansLoader(), schema: planSchema() }),
};
