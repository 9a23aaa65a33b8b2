import { defineConfig } from 'vitest/config';

// `npm run test:corpus -- <folder>`: checks every plan of a folder of real documents.
export default defineConfig({
	test: {
		include: ['test/corpus/**/*.test.ts'],
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 600_000,
	},
});
