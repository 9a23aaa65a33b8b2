import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Two files at a time: a fixture build leaves a core idle for much of its run (measured
		// on two cores: the build and browser files take 481 s this way against 655 s one at a
		// time). Each test file builds into folders of its own, so none waits on another.
		maxWorkers: 2,
		setupFiles: ['test/helpers/fast-check-seed.ts'],
		testTimeout: 180_000,
		hookTimeout: 300_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'plans',
					include: ['test/**/*.test.ts'],
					// Real documents live outside the repository: `npm run test:corpus -- <folder>`
					// (vitest.corpus.config.ts); the packed package is tested from the registry's
					// packages: `npm run test:package`; a fresh clone runs the README's commands, this
					// suite among them: `npm run test:clone`. test/with-site/ is the next project.
					exclude: [
						...configDefaults.exclude,
						'test/corpus/**',
						'test/package/**',
						'test/clone/**',
						'test/with-site/**',
					],
				},
			},
			// Modules that read the site's settings, with a fixture site's own Vite config.
			'test/with-site/vitest.config.ts',
		],
	},
});
