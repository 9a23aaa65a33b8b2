// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import plans from 'astro-technical-plans';

export default defineConfig({
	// Set by the deploy workflow (.github/workflows/deploy.yml) from the Pages settings; with
	// them the site gets canonical URLs, a sitemap, and a check against the deployed anchors.
	site: process.env.SITE_URL || undefined,
	base: process.env.BASE_PATH || undefined,
	// The MDX plan renders through the site's Markdown settings: unified runs the plans plugins
	// on it, and its code gets the same light and dark themes as the Markdown plans.
	markdown: {
		processor: unified(),
		shikiConfig: {
			themes: { light: 'github-light-default', dark: 'github-dark-default' },
			defaultColor: false,
		},
	},
	integrations: [
		mdx(),
		plans({
			title: 'Acme Technical Plans',
			previousDeploy: process.env.PREVIOUS_DEPLOY || undefined,
		}),
	],
	server: { port: 4321 },
});
