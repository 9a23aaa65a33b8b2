// npm run bench:history — the cost of reading plans' history from git: a repository of N plans
// (default 1,000, the bench's own generated plans) and 5 commits per plan (5,000), one in five
// plans moved once, made with `git fast-import` under .tmp/bench-history/<N>/. Prints the median
// of 5 runs of the history pass (which also gives the redirects their moves), beside plain
// `git log` over the same folder; then what the pass adds to a warm build of that repository as a
// site (BENCH_BUILD=0 skips it): the median of 5 warm builds with the history, and of 5 without.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlansHistory } from '#plans/history/plan-history.ts';
import { generatePlan } from './generate-plans.ts';
import { build, type Sample, summarise } from './measure.ts';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const COMMITS = PLANS * 5;
const RUNS = 5;
const BUILD_RUNS = 5;
const repo = fileURLToPath(new URL(`../.tmp/bench-history/${PLANS}-site/`, import.meta.url));

/**
 * A fast-import stream: each commit changes one plan, the last of a plan's commits writes it as
 * the bench generates it; every fifth plan starts in drafts/ and moves to its folder midway.
 */
function history(): string {
	const out: string[] = [];
	const plans = Array.from({ length: PLANS }, (_, index) => generatePlan(index));
	const path = (plan: number, moved: boolean) =>
		plan % 5 !== 0 || moved
			? `plans/${plans[plan]!.path}`
			: `plans/drafts/${basename(plans[plan]!.path)}`;
	const moved = new Set<number>();
	for (let commit = 0; commit < COMMITS; commit += 1) {
		const plan = commit % PLANS;
		const time = 1_700_000_000 + commit * 3600;
		const author = `Author ${commit % 37} <a${commit % 37}@example.com>`;
		const last = commit >= COMMITS - PLANS;
		const body = last
			? plans[plan]!.text
			: `# Plan ${plan}\n\n## Summary\n\nRevision ${Math.floor(commit / PLANS)} of plan ${plan}.\n`;
		out.push(
			`commit refs/heads/main\nauthor ${author} ${time} +0000\ncommitter CI <ci@example.com> ${time} +0000\ndata 6\nchange\n`,
		);
		const moveNow = plan % 5 === 0 && commit >= COMMITS / 2 && !moved.has(plan);
		if (moveNow) {
			out.push(`R ${path(plan, false)} ${path(plan, true)}\n`);
			moved.add(plan);
		}
		out.push(
			`M 100644 inline ${path(plan, moved.has(plan))}\ndata ${Buffer.byteLength(body)}\n${body}\n`,
		);
	}
	return out.join('');
}

function makeRepository(): void {
	if (existsSync(join(repo, '.git'))) return;
	rmSync(repo, { recursive: true, force: true });
	mkdirSync(repo, { recursive: true });
	execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
	const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: history() });
	if (imported.status !== 0) throw new Error(String(imported.stderr));
	execFileSync('git', ['checkout', '-q', 'main'], { cwd: repo });
}

/** The repository as a site, its history read unless BENCH_HISTORY=0. */
function writeSiteFiles(): void {
	mkdirSync(join(repo, 'src'), { recursive: true });
	writeFileSync(
		join(repo, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport plans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [plans({ title: 'Bench', search: false, history: process.env.BENCH_HISTORY !== '0' })] });\n`,
	);
	writeFileSync(
		join(repo, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { plansLoader } from 'astro-technical-plans/loader';\n\nexport const collections = { plans: defineCollection({ loader: plansLoader() }) };\n`,
	);
}

/**
 * Median seconds of warm builds without the history and with it, taken in turns so that a
 * slower spell of the machine weighs on both; the first build only warms the caches. The site
 * has no search index, which a page changed by the history would build again.
 */
function warmBuilds(): { without: number; withHistory: number } {
	const buildWith = (history: boolean) => {
		process.env.BENCH_HISTORY = history ? '1' : '0';
		return build(repo);
	};
	buildWith(false);
	const without: Sample[] = [];
	const withHistory: Sample[] = [];
	for (let run = 0; run < BUILD_RUNS; run++) {
		without.push(buildWith(false));
		withHistory.push(buildWith(true));
	}
	return { without: summarise(without).seconds, withHistory: summarise(withHistory).seconds };
}

async function median(work: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run += 1) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

makeRepository();
writeSiteFiles();
const plansDir = join(repo, 'plans');
const found = await readPlansHistory(repo, plansDir);
const plainLog = await median(async () => {
	spawnSync('git', ['log', '--name-status', '--format=%H', '--', 'plans'], {
		cwd: repo,
		maxBuffer: 1 << 30,
	});
});
const pass = await median(() => readPlansHistory(repo, plansDir));
console.log(`History of ${found?.plans.size} plans, ${COMMITS} commits (median of ${RUNS}):`);
console.log(`  plain git log --name-status    ${plainLog.toFixed(0)} ms (baseline)`);
console.log(
	`  history pass (renames, mailmap) ${pass.toFixed(0)} ms (${(pass / plainLog).toFixed(2)}×)`,
);

if (process.env.BENCH_BUILD !== '0') {
	const { without, withHistory } = warmBuilds();
	console.log(`Warm build of the repository as a site (median of ${BUILD_RUNS}):`);
	console.log(`  without the history           ${without.toFixed(2)} s (baseline)`);
	const change = ((withHistory - without) / without) * 100;
	console.log(
		`  with the history              ${withHistory.toFixed(2)} s (${change >= 0 ? '+' : ''}${change.toFixed(1)}%)`,
	);
}
