import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { githubAnnotation } from '#plans/problems.ts';
import { fixture } from '../helpers/build.ts';

/** The package's bin, as `npx astro-technical-plans` runs it. */
const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
const bin = join(
	dirname(packageJson),
	JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
);

/** Runs `npm run check`'s command on a fixture; resolves with its output and exit code. */
async function check(name: string, args: string[] = [], env: Record<string, string> = {}) {
	const run = promisify(execFile);
	try {
		const { stdout } = await run(
			process.execPath,
			[bin, 'check', '--root', fileURLToPath(fixture(name)), ...args],
			{
				env: { ...process.env, GITHUB_ACTIONS: '', ...env },
			},
		);
		return { stdout, code: 0 };
	} catch (error) {
		const failed = error as { stdout: string; code: number };
		return { stdout: failed.stdout, code: failed.code };
	}
}

describe('npm run check', () => {
	it('reports every kind of problem at file:line:column, with a summary, and fails on errors', async () => {
		const { stdout, code } = await check('check-broken');
		expect(code).toBe(1);
		const lines = stdout.split('\n').filter((line) => /^plans\//.test(line));
		expect(lines.map((line) => line.replace(/ (error|warning) (\S+ \S+ \S+).*/, ' $1 $2'))).toEqual(
			[
				'plans/bad-yaml.md:4:1 warning Frontmatter is not',
				'plans/links.md:3:1 warning Unknown status "Sprinting";',
				'plans/links.md:5:5 error Link "missing.md" points',
				'plans/links.md:5:40 error Link "team/costs.md#nowhere" points',
				'plans/links.md:7:1 warning Image "images/missing.png" not',
				'plans/team/costs.md:1:1 error Two plans map',
				'plans/team/costs.md:11:1 warning Cost table total',
				'plans/team/costs.md:16:8 error Mermaid syntax error:',
			],
		);
		expect(stdout).toContain('hint: URLs are made from file names');
		expect(stdout.trim().split('\n').at(-1)).toBe('4 plans, 1 diagram, 4 errors, 4 warnings');
	});

	it('passes a clean plan, and with --strict fails on warnings', async () => {
		// Its links point at ids and names of raw HTML, in the plan itself and in another one.
		expect(await check('check-clean', ['--strict'])).toEqual({
			stdout: '2 plans, 1 diagram, 0 errors, 0 warnings\n',
			code: 0,
		});
		const warned = await check('facts');
		expect(warned.code).toBe(0);
		// A cost total that does not add up, a TBD cell, and the six template sections it lacks.
		expect(warned.stdout).toMatch(/1 plan, 0 diagrams, 0 errors, 8 warnings\n$/);
		expect((await check('facts', ['--strict'])).code).toBe(1);
	});

	it('turns broken links into warnings with --broken-links warn', async () => {
		const { stdout } = await check('check-broken', ['--broken-links', 'warn']);
		expect(stdout).toContain('plans/links.md:5:5 warning Link "missing.md"');
		expect(stdout.trim().split('\n').at(-1)).toBe('4 plans, 1 diagram, 2 errors, 6 warnings');
	});

	it('also prints GitHub annotations in GitHub Actions', async () => {
		const { stdout } = await check('check-broken', [], { GITHUB_ACTIONS: 'true' });
		expect(stdout).toContain(
			'::error file=plans/links.md,line=5,col=5,title=Plan error::Link "missing.md" points to a plan that does not exist (missing.md).%0ADid you mean',
		);
		expect(stdout).toContain(
			'::warning file=plans/team/costs.md,line=11,col=1,title=Plan warning::Cost table total does not add up',
		);
		expect(stdout.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(8);
	});
});

describe('npm run check on raw HTML', () => {
	it('warns for every removal the sanitiser makes, at its line and column, and not with --sanitize false', async () => {
		const { stdout, code } = await check('hostile');
		expect(code).toBe(0);
		const removals = stdout
			.split('\n')
			.filter((line) => /^plans\/xss\.md:\d+:\d+ warning .* removed/.test(line));
		expect(removals).toHaveLength(12);
		expect(removals).toContain(
			'plans/xss.md:9:1 warning <script> removed with its content (line 9): plans do not run scripts',
		);
		expect(stdout).toContain('hint: Plans show the HTML GitHub shows.');
		const trusted = await check('hostile', ['--sanitize', 'false']);
		expect(trusted.stdout).not.toContain('removed');
		expect((await check('hostile', ['--sanitize', 'none'])).code).toBe(2);
	});
});

describe('GitHub annotations', () => {
	it('escape what the runner would misread', () => {
		expect(
			githubAnnotation({
				severity: 'warning',
				file: 'plans/a,b:c.md',
				line: 3,
				column: 7,
				message: '100% done\nreally',
				hint: 'a, b: c',
			}),
		).toBe(
			'::warning file=plans/a%2Cb%3Ac.md,line=3,col=7,title=Plan warning::100%25 done%0Areally%0Aa, b: c',
		);
	});
});
