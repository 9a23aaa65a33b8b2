// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import plans from 'astro-technical-plans';

export default defineConfig({
	// Set by the deploy workflow (.github/workflows/deploy.yml) from the Pages settings; with
	// them the site gets canonical URLs, a sitemap, and a check against the deployed anchors.
	site: process.env.SITE_URL || undefined,
	base: process.env.BASE_PATH || undefined,
	// Astro's default Markdown processor: plans, Markdown or MDX, render with the plans pipeline.
	integrations: [
		mdx(),
		plans({
			title: 'Acme Technical Plans',
			previousDeploy: process.env.PREVIOUS_DEPLOY || undefined,
		}),
	],
	server: { port: 4321 },
});
