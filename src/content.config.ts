import { defineCollection } from 'astro:content';
import { plansLoader } from 'astro-technical-plans/loader';

export const collections = {
	plans: defineCollection({ loader: plansLoader() }),
};
