import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Fixture builds and the browser run are heavy; two cores means one at a time.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 300_000,
	},
});
