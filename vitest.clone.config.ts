import { defineConfig } from 'vitest/config';

// `npm run test:clone`: clones the repository into an empty folder and runs the README's commands in order.
export default defineConfig({
	test: {
		include: ['test/clone/**/*.test.ts'],
		fileParallelism: false,
		// In order: each command needs the one before it.
		sequence: { concurrent: false },
		testTimeout: 1_800_000,
		hookTimeout: 60_000,
	},
});
