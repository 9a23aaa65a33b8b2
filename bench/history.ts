// npm run bench:history — the cost of reading plans' history from git: a repository of N plans
// (default 1,000) and 5 commits per plan (5,000), one in five plans moved once, made with
// `git fast-import` under .tmp/bench-history/<N>/. Prints the median of 5 runs of the history
// pass (which also gives the redirects their moves), beside plain `git log` over the same folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlansHistory } from '#plans/history/plan-history.ts';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const COMMITS = PLANS * 5;
const RUNS = 5;
const repo = fileURLToPath(new URL(`../.tmp/bench-history/${PLANS}/`, import.meta.url));

/** A fast-import stream: each commit changes one plan; every fifth plan is moved once, midway. */
function history(): string {
	const out: string[] = [];
	const path = (plan: number, moved: boolean) =>
		moved ? `plans/team-${plan % 20}/plan-${plan}.md` : `plans/drafts/plan-${plan}.md`;
	const moved = new Set<number>();
	for (let commit = 0; commit < COMMITS; commit += 1) {
		const plan = commit % PLANS;
		const time = 1_700_000_000 + commit * 3600;
		const author = `Author ${commit % 37} <a${commit % 37}@example.com>`;
		const body = `# Plan ${plan}\n\n## Summary\n\nRevision ${Math.floor(commit / PLANS)} of plan ${plan}.\n`;
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
