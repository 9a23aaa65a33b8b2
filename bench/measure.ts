// How `npm run bench` measures a build: wall time and peak RSS under /usr/bin/time, the caches
// it empties, and what the output weighs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface Sample {
	seconds: number;
	rssMb: number;
}

export interface Summary {
	/** Median. */
	seconds: number;
	min: number;
	max: number;
	/** Highest peak RSS of the samples. */
	rssMb: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function summarise(samples: Sample[]): Summary {
	const seconds = samples.map((sample) => sample.seconds);
	return {
		seconds: median(seconds),
		min: Math.min(...seconds),
		max: Math.max(...seconds),
		rssMb: Math.max(...samples.map((sample) => sample.rssMb)),
	};
}

/** Runs `astro build` in `cwd` under /usr/bin/time: wall seconds and peak RSS of the build process. */
export function build(cwd: string): Sample {
	const timing = join(cwd, '.time');
	execFileSync(
		'/usr/bin/time',
		['-f', '%e %M', '-o', timing, process.execPath, astro, 'build', '--silent'],
		{
			cwd,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		},
	);
	const [seconds, kilobytes] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
	return { seconds: seconds!, rssMb: kilobytes! / 1024 };
}

/** Empties Astro's cache folder; `keep` names sub-folders that survive (the Mermaid render cache). */
export function clearCache(site: string, keep: string[] = []): void {
	const cache = join(site, 'node_modules/.astro');
	if (!existsSync(cache)) return;
	for (const entry of readdirSync(cache))
		if (!keep.includes(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
}

/** What a fresh checkout lacks besides the cache folder: the output and the generated types. */
export function removeOutput(site: string): void {
	for (const folder of ['dist', '.astro'])
		rmSync(join(site, folder), { recursive: true, force: true });
}

export function folderBytes(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
	}
	return total;
}

/** Bytes of JavaScript a page loads (its module scripts, followed one level of static imports), raw and gzipped. */
export function pageScripts(dist: string, page: string): { raw: number; gzip: number } {
	const html = readFileSync(join(dist, page), 'utf8');
	const files = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!));
	for (const file of [...files]) {
		const code = readFileSync(join(dist, file), 'utf8');
		for (const match of code.matchAll(/from"(\.\/[^"]+\.js)"/g))
			files.add(join(file, '..', match[1]!));
	}
	const inline = [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)]
		.map((match) => match[1]!)
		.join('');
	const all = Buffer.concat([
		...[...files].map((file) => readFileSync(join(dist, file))),
		Buffer.from(inline),
	]);
	return { raw: all.length, gzip: gzipSync(all).length };
}
