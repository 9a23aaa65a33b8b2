import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, string | number>;
}

const workflow = parse(
	readFileSync(new URL('../../.github/workflows/deploy.yml', import.meta.url), 'utf8'),
) as { jobs: { build: { steps: Step[] } } };
const steps = workflow.jobs.build.steps;
const at = (match: (step: Step) => boolean) => steps.findIndex(match);

describe('the deploy workflow', () => {
	it('restores Astro’s cache folder after npm ci (which empties node_modules) and before the build', () => {
		const install = at((step) => step.run === 'npm ci');
		const cache = at((step) => step.uses?.startsWith('actions/cache@') ?? false);
		const build = at((step) => step.run === 'npm run build');
		expect(install).toBeGreaterThanOrEqual(0);
		expect(cache).toBeGreaterThan(install);
		expect(build).toBeGreaterThan(cache);
		expect(steps[cache]!.with!.path).toBe('node_modules/.astro');
	});

	it('starts the cache over when the lockfile or the integration’s sources change, and otherwise reuses the newest one', () => {
		const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
		expect(cache.with!.key).toContain("hashFiles('package-lock.json')");
		expect(cache.with!.key).toContain(
			"hashFiles('integrations/plans/**', '!integrations/plans/dist/**')",
		);
		expect(cache.with!.key).toContain('github.sha');
		expect(cache.with!['restore-keys']).toBe(
			String(cache.with!.key).replace('${{ github.sha }}', ''),
		);
	});

	it('checks out the whole history, where the build finds the plans that moved', () => {
		const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
		expect(checkout.with?.['fetch-depth']).toBe(0);
	});
});
