import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import plans from 'astro-technical-plans';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite } from '../helpers/build.ts';
import { expectPlanPagesFor, throwAwaySite } from '../helpers/plan-site.ts';
import { randomPlan } from '../helpers/random-plans.ts';

// 200 hostile plans, the same on every run: what is an error by design (YAML or MDX that does
// not parse, content nested past the limit) is left out, so the site must build.
const PLAN_COUNT = 200;
const randomPlans = fc.sample(
	randomPlan({ errors: false, nesting: false, blocks: { maxLength: 40, size: 'max' } }),
	{ numRuns: PLAN_COUNT, seed: 2026 },
);

/** The package's bin, as `npx astro-technical-plans` runs it. */
const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
const bin = join(
	dirname(packageJson),
	JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
);

let root: URL;
let site: BuiltSite;

beforeAll(async () => {
	root = await throwAwaySite('random-plans-site', async (plansDir) => {
		await Promise.all(
			randomPlans.map(({ raw }, index) => writeFile(new URL(`./plan-${index}.md`, plansDir), raw)),
		);
	});
	site = await buildSite(
		root,
		'random-plans',
		{
			configFile: false,
			markdown: { processor: unified() },
			// Broken Mermaid is shown as an error box: random diagrams are mostly broken.
			integrations: [
				mdx(),
				plans({ brokenLinks: 'warn', mermaid: { browser: false, onError: 'show' } }),
			],
		},
		{ authoredLinks: false },
	);
}, 300_000);

describe('a site of 200 random plans', () => {
	it('builds a page for every plan, with a title, its sections in the table of contents and no id twice', () => {
		expectPlanPagesFor(site, PLAN_COUNT);
	});

	it('is checked by the checker, which exits 0 or 1 with a summary and never crashes', async () => {
		const run = promisify(execFile);
		const args = [bin, 'check', '--root', fileURLToPath(root), '--broken-links', 'warn'];
		const { stdout, stderr, code } = await run(process.execPath, args, {
			env: { ...process.env, GITHUB_ACTIONS: '' },
		}).then(
			({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
			(error: { stdout: string; stderr: string; code: number }) => error,
		);
		expect([0, 1]).toContain(code);
		expect(stderr).toBe('');
		expect(stdout.trim().split('\n').at(-1)).toMatch(
			new RegExp(`^${PLAN_COUNT} plans, \\d+ diagrams?, \\d+ errors?, \\d+ warnings?$`),
		);
	});
});
