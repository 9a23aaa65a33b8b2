// npm run bench — builds the same generated plans four ways, in one run: with this integration
// (every feature on), with plain Astro 7 (glob loader, default processor, one bare page per
// plan), with Starlight (its defaults) and with Starlight drawing Mermaid by rehype-mermaid. For each: cold builds, a warm rebuild, a rebuild
// after editing one plan, and the CI-shaped build (a fresh checkout, no dist/, with the cache
// folder restored, one plan changed); build time (median, min–max), peak RSS, output and page
// size with the plan page's bytes by part (bench/page-budget.ts), `astro dev` figures
// (bench/dev.ts), and the ratios.
//
//   BENCH_SIZES=100 BENCH_RUNS=3 npm run bench
//   BENCH_SIZES=1000 BENCH_RUNS=1 npm run bench
//   BENCH_SIZES=10000 BENCH_RUNS=1 BENCH_SITES=plans BENCH_DEV=0 npm run bench
//
// Prints a table per size and writes bench/results/site.json (read by bench/chart.ts), where
// the cases this run measured replace those an earlier run measured.
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDev } from './dev.ts';
import {
	type Sample,
	type Summary,
	build,
	clearCache,
	folderBytes,
	pageScripts,
	removeOutput,
	summarise,
} from './measure.ts';
import { pageBudget } from './page-budget.ts';
import { EDITED_PLAN, planFiles, setUpSites, starlightDoc, work } from './sites.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Cold builds that render every Mermaid diagram are the slowest; they may get fewer runs. */
const EMPTY_CACHE_RUNS = Number(process.env.BENCH_EMPTY_CACHE_RUNS ?? 1);
/** Skip `astro dev` (BENCH_DEV=0), e.g. for the largest sizes. */
const DEV = process.env.BENCH_DEV !== '0';

/** One of the four sites: where it is, what a cold build keeps, how one plan is edited. */
interface BenchedSite {
	name: 'plans' | 'plain Astro' | 'Starlight' | 'Starlight + rehype-mermaid';
	/** Its name in BENCH_SITES. */
	key: 'plans' | 'plain' | 'starlight' | 'starlight-mermaid';
	dir: string;
	/** Cache folders of a cold build that keeps its Mermaid renders. */
	keepForColdBuild?: string[];
	/** Runs of its cold build, when not BENCH_RUNS: drawing every diagram, it is the slowest. */
	coldRuns?: number;
	/** Writes the n-th edit of the edited plan; `undefined` restores it. */
	edit(n: number | undefined): void;
	/** The built page of the edited plan. */
	page: string;
	/** The built page of every plan. */
	planPages: string[];
}

function sitesOf(size: number): BenchedSite[] {
	const sites = setUpSites(size);
	const { plans } = sites;
	const editor = (file: string, original: string) => (n: number | undefined) =>
		writeFileSync(file, n === undefined ? original : `${original}\nEdit ${n}.\n`);
	const planFile = join(plans, EDITED_PLAN.file);
	const plan = readFileSync(planFile, 'utf8');
	const pageOf = (url: string) => `${url.slice(1)}index.html`;
	// platform/plan-1.md → platform/plan-1/index.html
	const planPages = (prefix: string) =>
		planFiles(plans).map((file) => `${prefix}${file.replace(/\.md$/, '')}/index.html`);
	return [
		{
			name: 'plans',
			key: 'plans',
			dir: sites.ours,
			keepForColdBuild: ['plans-mermaid'],
			edit: editor(planFile, plan),
			page: pageOf(EDITED_PLAN.url),
			planPages: planPages('plans/'),
		},
		{
			name: 'plain Astro',
			key: 'plain',
			dir: sites.baseline,
			edit: editor(planFile, plan),
			page: pageOf(EDITED_PLAN.url),
			planPages: planPages('plans/'),
		},
		{
			name: 'Starlight',
			key: 'starlight',
			dir: sites.starlight,
			edit: editor(join(sites.starlightDocs, EDITED_PLAN.file), starlightDoc(plan)),
			page: pageOf(EDITED_PLAN.url.replace(/^\/plans/, '')),
			planPages: planPages(''),
		},
		{
			name: 'Starlight + rehype-mermaid',
			key: 'starlight-mermaid',
			dir: sites.starlightMermaid,
			coldRuns: EMPTY_CACHE_RUNS,
			edit: editor(join(sites.starlightMermaidDocs, EDITED_PLAN.file), starlightDoc(plan)),
			page: pageOf(EDITED_PLAN.url.replace(/^\/plans/, '')),
			planPages: planPages(''),
		},
	];
}

const CASES = [
	'cold, all caches empty',
	'cold, Mermaid cache kept',
	'warm, nothing changed',
	'one plan edited',
	'CI: fresh checkout, cache restored, one plan edited',
] as const;
type Case = (typeof CASES)[number];
/** BENCH_CASES=cold,warm runs only those cases (of cold-empty, cold, warm, edit, ci): the largest sizes take long. */
const CASE_NAMES: Record<string, Case> = {
	'cold-empty': CASES[0],
	cold: CASES[1],
	warm: CASES[2],
	edit: CASES[3],
	ci: CASES[4],
};
const SELECTED = new Set(
	(process.env.BENCH_CASES?.split(',') ?? Object.keys(CASE_NAMES)).map((name) => CASE_NAMES[name]),
);
/** BENCH_SITES=plans,plain leaves the others out (of plans, plain, starlight, starlight-mermaid). */
const SITES = new Set(
	(process.env.BENCH_SITES ?? 'plans,plain,starlight,starlight-mermaid').split(','),
);

/** Every case of one site; a build that fails (out of memory at N=5000) is reported, not fatal. */
function benchSite(site: BenchedSite, log: (line: string) => void): Partial<Record<Case, Summary>> {
	const measured: Partial<Record<Case, Summary>> = {};
	const run = (name: Case, times: number, before: (n: number) => void) => {
		// A site without diagrams has one cold build, which stands for both of ours.
		if (
			!SELECTED.has(name) &&
			!(name === CASES[0] && !site.keepForColdBuild && SELECTED.has(CASES[1]))
		)
			return;
		try {
			const samples: Sample[] = [];
			for (let n = 1; n <= times; n++) {
				before(n);
				samples.push(build(site.dir));
			}
			measured[name] = summarise(samples);
			log(
				`${site.name}, ${name}: ${measured[name].seconds.toFixed(1)} s (${measured[name].min.toFixed(1)}–${measured[name].max.toFixed(1)}), ${Math.round(measured[name].rssMb)} MB`,
			);
		} catch (error) {
			log(`${site.name}, ${name}: failed: ${(error as Error).message.split('\n')[0]}`);
		}
	};
	// Sites without diagrams have one cold build: everything empty.
	if (site.keepForColdBuild)
		run('cold, all caches empty', EMPTY_CACHE_RUNS, () => clearCache(site.dir));
	// Without that build, one untimed build fills the Mermaid cache the next case keeps (`astro dev` from a fresh checkout empties it).
	if (site.keepForColdBuild && !SELECTED.has(CASES[0]) && SELECTED.has(CASES[1])) build(site.dir);
	run(
		site.keepForColdBuild ? 'cold, Mermaid cache kept' : 'cold, all caches empty',
		site.coldRuns ?? RUNS,
		() => clearCache(site.dir, site.keepForColdBuild),
	);
	run('warm, nothing changed', RUNS, () => {});
	run('one plan edited', RUNS, (n) => site.edit(n));
	run('CI: fresh checkout, cache restored, one plan edited', RUNS, (n) => {
		removeOutput(site.dir);
		site.edit(RUNS + n);
	});
	site.edit(undefined);
	return measured;
}

/** What one site's output weighs, from a build of the unedited plans; undefined when it does not build. */
function outputOf(site: BenchedSite) {
	try {
		build(site.dir);
	} catch {
		return undefined;
	}
	const dist = join(site.dir, 'dist');
	const page = medianPage(dist, site.planPages);
	const scripts = pageScripts(dist, page);
	const budget = pageBudget(readFileSync(join(dist, page), 'utf8'));
	return {
		outputMb: folderBytes(dist) / 2 ** 20,
		pageHtmlKb: statSync(join(dist, page)).size / 1024,
		pageScriptKb: scripts.raw / 1024,
		pageScriptGzipKb: scripts.gzip / 1024,
		pageBudgetKb: Object.fromEntries(
			Object.entries(budget).map(([part, bytes]) => [part, bytes / 1024]),
		),
	};
}

/** The plan page of median size: the one the page budget is shown for. */
function medianPage(dist: string, pages: string[]): string {
	const bySize = pages
		.map((page) => ({ page, bytes: statSync(join(dist, page)).size }))
		.sort((first, second) => first.bytes - second.bytes || first.page.localeCompare(second.page));
	return bySize[Math.floor((bySize.length - 1) / 2)]!.page;
}

/** The page's bytes by part, a column per site. */
function budgetTable(size: number, output: Record<string, ReturnType<typeof outputOf>>): string {
	const sites = Object.entries(output).filter(([, measured]) => measured !== undefined);
	const parts = Object.keys(sites[0]?.[1]?.pageBudgetKb ?? {});
	const cell = (kb: number | undefined) => (kb === undefined ? '—' : `${kb.toFixed(1)} KB`);
	return [
		`| N=${size}, the median plan page | ${sites.map(([name]) => name).join(' | ')} |`,
		`| --- | ${sites.map(() => '---').join(' | ')} |`,
		...parts.map(
			(part) =>
				`| ${part} | ${sites.map(([, measured]) => cell(measured!.pageBudgetKb[part])).join(' | ')} |`,
		),
		`| **page** | ${sites.map(([, measured]) => cell(measured!.pageHtmlKb)).join(' | ')} |`,
	].join('\n');
}

function table(size: number, results: Record<string, Partial<Record<Case, Summary>>>): string {
	const cell = (summary: Summary | undefined) =>
		summary ? `${summary.seconds.toFixed(1)} s, ${(summary.rssMb / 1024).toFixed(1)} GB` : '—';
	const ratio = (a: Summary | undefined, b: Summary | undefined) =>
		a && b ? `${(a.seconds / b.seconds).toFixed(2)}×` : '—';
	const others = ['plain Astro', 'Starlight', 'Starlight + rehype-mermaid'];
	const lines = [
		`| N=${size} | this site | ${others.join(' | ')} | ${others.map((other) => `vs ${other}`).join(' | ')} |`,
		`| --- | --- | ${others.map(() => '--- | ---').join(' | ')} |`,
	];
	for (const name of CASES) {
		const ours = results.plans?.[name];
		// The other sites keep no Mermaid renders: their one cold build is the baseline of both of ours.
		const other = (site: string) =>
			results[site]?.[name.startsWith('cold') ? 'cold, all caches empty' : name];
		lines.push(
			`| ${name} | ${cell(ours)} | ${others.map((site) => cell(other(site))).join(' | ')} | ${others.map((site) => ratio(ours, other(site))).join(' | ')} |`,
		);
	}
	return lines.join('\n');
}

interface SizeResults {
	measured: Record<string, Partial<Record<Case, Summary>>>;
	output: Record<string, ReturnType<typeof outputOf>>;
	dev?: unknown;
}

/** What an earlier run measured at one size, with each site's cases, output and dev figures from this run in place of theirs. */
function mergedWithEarlier(earlier: SizeResults | undefined, now: SizeResults): SizeResults {
	const measured = { ...earlier?.measured };
	for (const [site, cases] of Object.entries(now.measured))
		measured[site] = { ...measured[site], ...cases };
	return {
		measured,
		output: { ...earlier?.output, ...now.output },
		dev: now.dev ?? earlier?.dev,
	};
}

const resultsFile = join(repo, 'bench/results/site.json');
// What an earlier run measured stays (N=10000 is usually run on its own, or one case again); this run's replaces it.
const earlier = existsSync(resultsFile)
	? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { sizes?: Record<string, unknown> })
	: {};
const results: Record<string, unknown> = {
	machine: {
		cpus: cpus().length,
		cpu: cpus()[0]?.model,
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
	},
	runs: RUNS,
	sizes: { ...earlier.sizes },
};
const log = (line: string) => {
	console.log(line);
	appendFileSync(join(work, 'progress.log'), `${line}\n`);
};
const tables: string[] = [];

mkdirSync(work, { recursive: true });
for (const size of SIZES) {
	const sites = sitesOf(size);
	const measured: Record<string, Partial<Record<Case, Summary>>> = {};
	const output: Record<string, ReturnType<typeof outputOf>> = {};
	for (const site of sites) {
		if (!SITES.has(site.key)) continue;
		measured[site.name] = benchSite(site, (line) => log(`N=${size} ${line}`));
		output[site.name] = outputOf(site);
	}
	// `astro dev` from a fresh checkout: no content store, no caches.
	const dev = DEV
		? await benchDev(
				{ plans: sites[0]!.dir, baseline: sites[1]!.dir },
				EDITED_PLAN.file,
				EDITED_PLAN.url,
				RUNS,
			)
		: undefined;
	(results.sizes as Record<number, SizeResults>)[size] = mergedWithEarlier(
		(earlier.sizes as Record<number, SizeResults> | undefined)?.[size],
		{ measured, output, dev },
	);
	tables.push(table(size, measured), budgetTable(size, output));
	log(`N=${size} output ${JSON.stringify(output)}${dev ? ` dev ${JSON.stringify(dev)}` : ''}`);
}

console.log(
	`\nSite benchmark: ${RUNS} runs, medians; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}\n`,
);
console.log(tables.join('\n\n'));
mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
cpSync(resultsFile, join(work, `site-${Date.now()}.json`));
