// npm run bench — builds the same generated plans with this integration (every feature on)
// and with a plain Astro 7 baseline (glob loader, default processor, one bare page per plan),
// and reports build time (median, min–max), peak RSS, output size, warm and one-edit rebuilds,
// `astro dev` figures (bench/dev.ts), and the ratios to the baseline.
//
//   BENCH_SIZES=100,1000 BENCH_RUNS=3 npm run bench
//
// Prints a table and writes bench/results/site.json.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { benchDev } from './dev.ts';
import { EDITED_PLAN, setUpSites, work } from './sites.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const node = process.execPath;
const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Cold builds that render every Mermaid diagram are the slowest; they may get fewer runs. */
const EMPTY_CACHE_RUNS = Number(process.env.BENCH_EMPTY_CACHE_RUNS ?? 1);

interface Sample {
	seconds: number;
	rssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `astro build` in `cwd` under /usr/bin/time: wall seconds and peak RSS of the build process. */
function build(cwd: string): Sample {
	const timing = join(cwd, '.time');
	execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', timing, node, astro, 'build', '--silent'], {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	const [seconds, kilobytes] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
	return { seconds: seconds!, rssMb: kilobytes! / 1024 };
}

function repeat(times: number, before: () => void, cwd: string): Sample[] {
	return Array.from({ length: times }, () => {
		before();
		return build(cwd);
	});
}

/** Empties Astro's cache; `keep` names sub-folders that survive (the Mermaid render cache). */
function clearCache(site: string, keep: string[] = []): void {
	const cache = join(site, 'node_modules/.astro');
	if (!existsSync(cache)) return;
	for (const entry of readdirSync(cache)) if (!keep.includes(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
}

function folderBytes(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
	}
	return total;
}

/** Bytes of JavaScript a page loads (its module scripts, followed one level of static imports), raw and gzipped. */
function pageScripts(dist: string, page: string): { raw: number; gzip: number } {
	const html = readFileSync(join(dist, page), 'utf8');
	const files = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!));
	for (const file of [...files]) {
		const code = readFileSync(join(dist, file), 'utf8');
		for (const match of code.matchAll(/from"(\.\/[^"]+\.js)"/g)) files.add(join(file, '..', match[1]!));
	}
	const inline = [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('');
	const code = [...files].map((file) => readFileSync(join(dist, file))).concat(Buffer.from(inline));
	const all = Buffer.concat(code);
	return { raw: all.length, gzip: gzipSync(all).length };
}

type Row = Record<string, string | number>;
const rows: Row[] = [];
const results: Record<string, unknown> = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version }, runs: RUNS, sizes: {} };
const describe = (samples: Sample[]) => ({
	seconds: median(samples.map((sample) => sample.seconds)),
	min: Math.min(...samples.map((sample) => sample.seconds)),
	max: Math.max(...samples.map((sample) => sample.seconds)),
	rssMb: Math.max(...samples.map((sample) => sample.rssMb)),
});
const log = (line: string) => {
	console.log(line);
	appendFileSync(join(work, 'progress.log'), `${line}\n`);
};

mkdirSync(work, { recursive: true });
for (const size of SIZES) {
	const { ours, baseline, plans } = setUpSites(size);
	const edited = join(plans, EDITED_PLAN.file);
	const original = readFileSync(edited, 'utf8');
	let edits = 0;
	const edit = () => writeFileSync(edited, `${original}\nEdit ${++edits}.\n`);
	const measured: Record<string, ReturnType<typeof describe>> = {};
	const run = (name: string, samples: Sample[]) => {
		measured[name] = describe(samples);
		log(`N=${size} ${name}: ${measured[name].seconds.toFixed(1)} s (${measured[name].min.toFixed(1)}–${measured[name].max.toFixed(1)}), ${Math.round(measured[name].rssMb)} MB`);
	};

	run('plans: cold, diagram cache empty', repeat(EMPTY_CACHE_RUNS, () => clearCache(ours), ours));
	run('plans: cold, diagram cache warm', repeat(RUNS, () => clearCache(ours, ['plans-mermaid']), ours));
	run('plans: warm rebuild', repeat(RUNS, () => {}, ours));
	run('plans: one plan edited', repeat(RUNS, edit, ours));
	writeFileSync(edited, original);
	build(ours);
	const outputOurs = folderBytes(join(ours, 'dist'));
	const planPage = `${EDITED_PLAN.url.slice(1)}index.html`;
	const scripts = pageScripts(join(ours, 'dist'), planPage);
	const planHtml = statSync(join(ours, 'dist', planPage)).size;

	run('baseline: cold', repeat(RUNS, () => clearCache(baseline), baseline));
	run('baseline: warm rebuild', repeat(RUNS, () => {}, baseline));
	run('baseline: one plan edited', repeat(RUNS, edit, baseline));
	writeFileSync(edited, original);
	build(baseline);
	const outputBaseline = folderBytes(join(baseline, 'dist'));

	// `astro dev` from a fresh checkout: no content store, no caches.
	const devFigures = await benchDev({ plans: ours, baseline }, EDITED_PLAN.file, EDITED_PLAN.url, RUNS);
	for (const [name, figures] of Object.entries(devFigures)) {
		log(`N=${size} ${name}: dev ready ${figures.ready.toFixed(1)} s, first plan page ${figures.firstPage.toFixed(2)} s, edit visible ${figures.editVisible.toFixed(2)} s`);
	}

	const ratio = (a: string, b: string) => (measured[a]!.seconds / measured[b]!.seconds).toFixed(2);
	for (const [name, value] of Object.entries(measured)) {
		rows.push({ N: size, case: name, 'median s': value.seconds.toFixed(1), 'min–max s': `${value.min.toFixed(1)}–${value.max.toFixed(1)}`, 'peak RSS MB': Math.round(value.rssMb) });
	}
	const sizeResults = {
		measured,
		ratios: {
			coldDiagramCacheWarm: Number(ratio('plans: cold, diagram cache warm', 'baseline: cold')),
			coldDiagramCacheEmpty: Number(ratio('plans: cold, diagram cache empty', 'baseline: cold')),
			warmRebuild: Number(ratio('plans: warm rebuild', 'baseline: warm rebuild')),
			oneEditVsCold: Number(ratio('plans: one plan edited', 'plans: cold, diagram cache warm')),
		},
		outputMb: { plans: outputOurs / 2 ** 20, baseline: outputBaseline / 2 ** 20 },
		planPage: { htmlKb: planHtml / 1024, scriptKb: scripts.raw / 1024, scriptGzipKb: scripts.gzip / 1024 },
		dev: { ...devFigures, readyRatio: Number((devFigures.plans!.ready / devFigures.baseline!.ready).toFixed(2)) },
	};
	(results.sizes as Record<number, unknown>)[size] = sizeResults;
	log(`N=${size} ratios ${JSON.stringify(sizeResults.ratios)} output ${JSON.stringify(sizeResults.outputMb)} page ${JSON.stringify(sizeResults.planPage)}`);
}

console.log(`\nSite benchmark: ${RUNS} runs, medians (min–max); ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);
console.table(rows);
for (const [size, value] of Object.entries(results.sizes as Record<string, { ratios: object; outputMb: object; planPage: object; dev: object }>)) {
	console.log(`N=${size}: ratios ${JSON.stringify(value.ratios)}; output MB ${JSON.stringify(value.outputMb)}; plan page ${JSON.stringify(value.planPage)}; dev s ${JSON.stringify(value.dev)}`);
}
mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(join(repo, 'bench/results/site.json'), `${JSON.stringify(results, null, 2)}\n`);
cpSync(join(repo, 'bench/results/site.json'), join(work, `site-${Date.now()}.json`));
