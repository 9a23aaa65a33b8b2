import { defineConfig } from 'vitest/config';

// `npm run test:package`: packs the package and installs it into a new Astro site, as a user would.
export default defineConfig({
	test: {
		include: ['test/package/**/*.test.ts'],
		globalSetup: ['test/package/pack.ts'],
		fileParallelism: false,
		testTimeout: 300_000,
		hookTimeout: 900_000,
	},
});
