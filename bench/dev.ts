// `astro dev` as an author meets it: seconds until the server is ready from a fresh checkout
// (no content store, no caches: every Mermaid diagram is still to draw), until the first plan
// page answers, and from saving an edit to seeing it in the page. For this site and for plain
// Astro on the same plans, in the same run.
//
//   BENCH_SIZES=100,1000 BENCH_RUNS=3 npm run bench:dev
//
// `npm run bench` runs it too, after the builds.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const astro = join(repo, 'node_modules/astro/bin/astro.mjs');

export interface DevSample {
	/** Seconds from starting `astro dev` to its "ready" line. */
	ready: number;
	/** Seconds from ready to the first plan page's full answer. */
	firstPage: number;
	/** Seconds from saving an edit to a page that shows it (median of the edits). */
	editVisible: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const since = (start: number) => (performance.now() - start) / 1000;

/** Starts `astro dev` in `site`; resolves with the seconds until it prints that it is ready. */
function startDev(
	site: string,
	port: number,
): { child: ChildProcess; ready: Promise<number>; output: string[] } {
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[astro, 'dev', '--port', String(port), '--host', '127.0.0.1'],
		{
			cwd: site,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const output: string[] = [];
	const ready = new Promise<number>((resolve, reject) => {
		const timeout = setTimeout(
			() => reject(new Error('astro dev did not get ready in 15 minutes')),
			900_000,
		);
		const watch = (chunk: Buffer) => {
			output.push(chunk.toString());
			if (/ready in|Local\s/.test(chunk.toString())) {
				clearTimeout(timeout);
				resolve(since(started));
			}
		};
		child.stdout!.on('data', watch);
		child.stderr!.on('data', watch);
		child.on('exit', (code) =>
			reject(new Error(`astro dev exited with ${code}:\n${output.join('')}`)),
		);
	});
	return { child, ready, output };
}

/** Fetches `url` until it answers 200 with a body that passes `accept`; the body. */
async function fetchUntil(
	url: string,
	accept: (body: string) => boolean,
	limitSeconds = 600,
): Promise<string> {
	const start = performance.now();
	for (;;) {
		const response = await fetch(url).catch(() => undefined);
		const body = response ? await response.text() : '';
		if (response?.ok && accept(body)) return body;
		if (since(start) > limitSeconds)
			throw new Error(
				`${url} did not answer as expected in ${limitSeconds} s (last status ${response?.status})`,
			);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/**
 * One `astro dev` session on a fresh checkout of `site`: ready, first page of `planFile`
 * (relative to the site's plans/, served at `planUrl`), then `edits` saves of that plan, each
 * timed until the page shows it.
 */
export async function measureDev(
	site: string,
	planFile: string,
	planUrl: string,
	port: number,
	edits = 3,
): Promise<DevSample> {
	for (const folder of ['.astro', 'node_modules/.astro'])
		rmSync(join(site, folder), { recursive: true, force: true });
	const edited = join(site, 'plans', planFile);
	const original = readFileSync(edited, 'utf8');
	const { child, ready: readyPromise } = startDev(site, port);
	try {
		const ready = await readyPromise;
		const readyAt = performance.now();
		const url = `http://127.0.0.1:${port}${planUrl}`;
		await fetchUntil(url, () => true);
		const firstPage = since(readyAt);
		const visible: number[] = [];
		for (let edit = 1; edit <= edits; edit++) {
			const marker = `Edit marker ${Date.now()}-${edit}`;
			const saved = performance.now();
			writeFileSync(edited, `${original}\n${marker}.\n`);
			await fetchUntil(url, (body) => body.includes(marker), 120);
			visible.push(since(saved));
		}
		return { ready, firstPage, editVisible: median(visible) };
	} finally {
		writeFileSync(edited, original);
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
}

/** Runs `measureDev` `runs` times on each site, alternating; medians per site. */
export async function benchDev(
	sites: Record<string, string>,
	planFile: string,
	planUrl: string,
	runs: number,
): Promise<Record<string, DevSample>> {
	const samples: Record<string, DevSample[]> = Object.fromEntries(
		Object.keys(sites).map((name) => [name, []]),
	);
	let port = 4700;
	for (let run = 0; run < runs; run++) {
		for (const [name, site] of Object.entries(sites))
			samples[name]!.push(await measureDev(site, planFile, planUrl, port++));
	}
	return Object.fromEntries(
		Object.entries(samples).map(([name, list]) => [
			name,
			{
				ready: median(list.map((s) => s.ready)),
				firstPage: median(list.map((s) => s.firstPage)),
				editVisible: median(list.map((s) => s.editVisible)),
			},
		]),
	);
}

/** `npm run bench:dev`: the dev figures alone, for each size in BENCH_SIZES. */
async function main(): Promise<void> {
	const { EDITED_PLAN, setUpSites } = await import('./sites.ts');
	const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
	const runs = Number(process.env.BENCH_RUNS ?? 3);
	const rows: Array<Record<string, string | number>> = [];
	for (const size of sizes) {
		const { ours, baseline } = setUpSites(size);
		const figures = await benchDev(
			{ plans: ours, baseline },
			EDITED_PLAN.file,
			EDITED_PLAN.url,
			runs,
		);
		for (const [site, sample] of Object.entries(figures)) {
			rows.push({
				N: size,
				site,
				'ready s': sample.ready.toFixed(1),
				'first page s': sample.firstPage.toFixed(2),
				'edit visible s': sample.editVisible.toFixed(2),
			});
		}
		console.log(
			`N=${size}: dev ready ${(figures.plans!.ready / figures.baseline!.ready).toFixed(2)}× plain Astro`,
		);
	}
	console.log(`\nastro dev, fresh checkout: medians of ${runs} runs`);
	console.table(rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
