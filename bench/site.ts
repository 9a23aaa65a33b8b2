// npm run bench — builds the same generated plans with this integration (every feature on)
// and with a plain Astro 7 baseline (glob loader, default processor, one bare page per plan),
// and reports build time (median, min–max), peak RSS, output size, warm and one-edit rebuilds,
// `astro dev` readiness and first plan page, and the ratios to the baseline.
//
//   BENCH_SIZES=100,1000 BENCH_RUNS=3 npm run bench
//
// Prints a table and writes bench/results/site.json.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writePlans } from './generate-plans.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const node = process.execPath;
const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Cold builds that render every Mermaid diagram are the slowest; they may get fewer runs. */
const EMPTY_CACHE_RUNS = Number(process.env.BENCH_EMPTY_CACHE_RUNS ?? 1);
const work = join(repo, '.tmp/bench-site');

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

/** `astro dev`: seconds until it says it is ready, and until the first plan page answers. */
async function dev(site: string, planUrl: string, port: number): Promise<{ ready: number; firstPage: number }> {
	const started = performance.now();
	const child: ChildProcess = spawn(node, [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: site,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		const ready = await new Promise<number>((resolve, reject) => {
			const timeout = setTimeout(() => reject(new Error('astro dev did not get ready in 15 minutes')), 900_000);
			const watch = (chunk: Buffer) => {
				if (/ready in|Local\s/.test(chunk.toString())) {
					clearTimeout(timeout);
					resolve((performance.now() - started) / 1000);
				}
			};
			child.stdout!.on('data', watch);
			child.stderr!.on('data', watch);
			child.on('exit', (code) => reject(new Error(`astro dev exited with ${code}`)));
		});
		const readyAt = performance.now();
		let response: Response;
		do {
			response = await fetch(`http://127.0.0.1:${port}${planUrl}`);
		} while (response.status === 404 && performance.now() - readyAt < 600_000);
		if (!response.ok) throw new Error(`${planUrl} answered ${response.status}`);
		await response.text();
		return { ready, firstPage: (performance.now() - readyAt) / 1000 };
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
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

function setUpSites(size: number): { ours: string; baseline: string; plans: string } {
	const root = join(work, String(size));
	const plans = join(root, 'plans');
	if (!existsSync(plans)) writePlans(plans, size);
	const ours = join(root, 'ours');
	const baseline = join(root, 'baseline');
	for (const site of [ours, baseline]) {
		mkdirSync(join(site, 'src'), { recursive: true });
		if (!existsSync(join(site, 'plans'))) symlinkSync(plans, join(site, 'plans'));
	}
	writeFileSync(
		join(ours, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport plans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [plans({ title: 'Bench' })] });\n`,
	);
	writeFileSync(
		join(ours, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { plansLoader } from 'astro-technical-plans/loader';\nimport { planSchema } from 'astro-technical-plans/schema';\n\nexport const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };\n`,
	);
	writeFileSync(join(baseline, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n`);
	writeFileSync(
		join(baseline, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const collections = { plans: defineCollection({ loader: glob({ pattern: '**/*.md', base: './plans' }) }) };\n`,
	);
	mkdirSync(join(baseline, 'src/pages/plans'), { recursive: true });
	writeFileSync(
		join(baseline, 'src/pages/plans/[...id].astro'),
		`---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n\treturn (await getCollection('plans')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n\n<html lang="en"><head><meta charset="utf-8" /><title>{Astro.props.entry.id}</title></head><body><Content /></body></html>\n`,
	);
	return { ours, baseline, plans };
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
	const edited = join(plans, 'platform/plan-1.md');
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
	const planPage = 'plans/platform/plan-1/index.html';
	const scripts = pageScripts(join(ours, 'dist'), planPage);
	const planHtml = statSync(join(ours, 'dist', planPage)).size;

	run('baseline: cold', repeat(RUNS, () => clearCache(baseline), baseline));
	run('baseline: warm rebuild', repeat(RUNS, () => {}, baseline));
	run('baseline: one plan edited', repeat(RUNS, edit, baseline));
	writeFileSync(edited, original);
	build(baseline);
	const outputBaseline = folderBytes(join(baseline, 'dist'));

	// `astro dev` from a fresh checkout: no content store (dev keeps its own in .astro/), Mermaid cache warm.
	for (const site of [ours, baseline]) rmSync(join(site, '.astro'), { recursive: true, force: true });
	clearCache(ours, ['plans-mermaid']);
	const devOurs = await dev(ours, '/plans/platform/plan-1/', 4500 + size % 97);
	log(`N=${size} plans: dev ready ${devOurs.ready.toFixed(1)} s, first plan page ${devOurs.firstPage.toFixed(1)} s`);
	const devBaseline = await dev(baseline, '/plans/platform/plan-1/', 4600 + size % 97);
	log(`N=${size} baseline: dev ready ${devBaseline.ready.toFixed(1)} s, first plan page ${devBaseline.firstPage.toFixed(1)} s`);

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
		dev: { plans: devOurs, baseline: devBaseline },
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
