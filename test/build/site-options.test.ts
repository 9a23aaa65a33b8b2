import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite, fixture } from '../helpers/build.ts';

// One site, its options set once in astro.config: its own outline (Summary, Rollout), Mermaid
// errors shown rather than fatal, and plans in docs/plans. The build and the checker must
// report the same problems.

const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
const bin = join(
	dirname(packageJson),
	JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
);
const PROBLEM = /(docs\/plans\/\S+:\d+:\d+ (?:warning|error) [^\n]*)/g;

/** The problems a build prints, as `file:line:column severity message`. */
async function buildProblems(): Promise<string[]> {
	const printed: string[] = [];
	const capture = (stream: NodeJS.WriteStream) => {
		const write = stream.write.bind(stream);
		stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			printed.push(String(chunk));
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write;
		return () => {
			stream.write = write;
		};
	};
	const restore = [capture(process.stdout), capture(process.stderr)];
	try {
		await buildSite(fixture('site-options'), 'site-options', { logLevel: 'warn' });
	} finally {
		for (const undo of restore) undo();
	}
	return [
		...printed
			.join('')
			// eslint-disable-next-line no-control-regex -- the colours of the build's output.
			.replace(/\u001b\[[0-9;]*m/g, '')
			.matchAll(PROBLEM),
	].map((match) => match[1]!);
}

async function checkProblems(): Promise<{ problems: string[]; code: number }> {
	try {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[bin, 'check', '--root', fileURLToPath(fixture('site-options'))],
			{ env: { ...process.env, GITHUB_ACTIONS: '' } },
		);
		return { problems: [...stdout.matchAll(PROBLEM)].map((match) => match[1]!), code: 0 };
	} catch (error) {
		const failed = error as { stdout: string; code: number };
		return {
			problems: [...failed.stdout.matchAll(PROBLEM)].map((match) => match[1]!),
			code: failed.code,
		};
	}
}

describe("the site's astro.config is the one place options are set", () => {
	it('gives astro build and astro-technical-plans check the same problems, line for line', async () => {
		const built = await buildProblems();
		const checked = await checkProblems();
		expect(built).toEqual([
			'docs/plans/ingest.md:1:1 warning Section "Rollout" is missing.',
			expect.stringMatching(
				/^docs\/plans\/ingest\.md:13:14 warning Mermaid syntax error: Parse error on line 2/,
			),
		]);
		expect(checked.problems).toEqual(built);
		// Mermaid errors are shown, as the site says: nothing fails.
		expect(checked.code).toBe(0);
	}, 300_000);
});
