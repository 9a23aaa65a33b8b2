import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

// Tests of modules that read the site's settings (`virtual:plans/config`, `astro:content`) run
// with a site's own Vite config, as Astro's `getViteConfig` builds it for Vitest: the
// integration's virtual modules are the ones a build gets, without building.
export default getViteConfig(
	{
		test: {
			name: 'with-site',
			root: fileURLToPath(new URL('.', import.meta.url)),
			include: ['**/*.test.ts'],
		},
	},
	{ root: fileURLToPath(new URL('../fixtures/page-data/', import.meta.url)), logLevel: 'error' },
);
