// What someone who clones the project does: clone it into an empty folder (nothing beside it,
// nothing installed or built) and run every command the README names, in the README's order.
// The clone is of the committed HEAD: commit what you want it to see.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'plans-clone-'));
const clone = join(work, 'plan-site');
const log = join(work, 'commands.log');

afterAll(() => {
	if (process.env.KEEP_CLONE !== '1') rmSync(work, { recursive: true, force: true });
});

/**
 * A shell's environment, not the test runner's: no npm or Vitest variables, and no folder of
 * this checkout on the PATH (its Node and tools are not there for someone who clones).
 */
function userEnv(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) =>
				!name.startsWith('VITEST') &&
				!name.startsWith('npm_') &&
				name !== 'NODE_ENV' &&
				name !== 'INIT_CWD',
		),
	);
	env.PATH = (env.PATH ?? '')
		.split(delimiter)
		.filter((folder) => !folder.startsWith(repo))
		.join(delimiter);
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

/** Runs `npm <args>` in the clone to its end; its output goes to the log. */
function npm(args: string[]): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn('npm', args, {
			cwd: clone,
			env: userEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out = createWriteStream(log, { flags: 'a' });
		out.write(`\n$ npm ${args.join(' ')}\n`);
		child.stdout.pipe(out, { end: false });
		child.stderr.pipe(out, { end: false });
		child.on('close', (code) => {
			out.end();
			resolve(code ?? 1);
		});
	});
}

/** The last lines of the log, to say why a command failed. */
const logTail = () => readFileSync(log, 'utf8').split('\n').slice(-60).join('\n');

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts a server command (`npm run dev`, `npm run preview`), waits until it answers, fetches
 * some pages, and stops it with everything it started.
 */
async function serve(
	script: string,
	paths: string[],
): Promise<Array<{ path: string; status: number; text: string }>> {
	const port = await freePort();
	const child = spawn('npm', ['run', script, '--', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: clone,
		env: userEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const out = createWriteStream(log, { flags: 'a' });
	out.write(`\n$ npm run ${script}\n`);
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	const origin = `http://127.0.0.1:${port}`;
	try {
		const deadline = Date.now() + 240_000;
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(`npm run ${script} exited with ${child.exitCode}:\n${logTail()}`);
			if (
				await fetch(origin).then(
					() => true,
					() => false,
				)
			)
				break;
			if (Date.now() > deadline)
				throw new Error(`npm run ${script} did not answer within 4 minutes:\n${logTail()}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const pages = [];
		for (const path of paths) {
			const response = await fetch(origin + path);
			pages.push({ path, status: response.status, text: await response.text() });
		}
		return pages;
	} finally {
		process.kill(-child.pid!, 'SIGTERM');
		await new Promise((resolve) => child.once('close', resolve));
	}
}

describe('a fresh clone, with nothing beside it', () => {
	it('is cloned into an empty folder', () => {
		execFileSync('git', ['clone', '--quiet', '--no-local', repo, clone]);
		expect(existsSync(join(clone, 'node_modules'))).toBe(false);
		expect(existsSync(join(work, '..', 'shared', 'corpus'))).toBe(false);
	});

	it('installs with npm ci', async () => {
		expect(await npm(['ci', '--no-audit', '--no-fund']), logTail()).toBe(0);
	});

	it('checks the example plans with npm run check', async () => {
		expect(await npm(['run', 'check']), logTail()).toBe(0);
		expect(readFileSync(log, 'utf8')).toMatch(/\d+ plans, \d+ diagrams, 0 errors/);
	});

	it('builds the site with npm run build', async () => {
		expect(await npm(['run', 'build']), logTail()).toBe(0);
		for (const page of [
			'index.html',
			'plans/checkout-service/index.html',
			'plans.json',
			'pagefind/pagefind.js',
		])
			expect(existsSync(join(clone, 'dist', page)), page).toBe(true);
	});

	it('serves the plans with npm run dev, the MDX plan with the plans plugins too', async () => {
		const pages = await serve('dev', ['/', '/plans/checkout-service/', '/plans/identity/']);
		expect(pages.map(({ path, status }) => `${path} ${status}`)).toEqual([
			'/ 200',
			'/plans/checkout-service/ 200',
			'/plans/identity/ 200',
		]);
		expect(pages[1]!.text).toContain('class="plan-content"');
		expect(pages[2]!.text).toContain('<a class="anchor-link" href="#executive-summary"');
		expect(pages[2]!.text).toContain('class="diagram diagram-ascii');
	});

	it('serves the built site with npm run preview', async () => {
		const pages = await serve('preview', ['/', '/plans/checkout-service/', '/plans.json']);
		expect(pages.map(({ path, status }) => `${path} ${status}`)).toEqual([
			'/ 200',
			'/plans/checkout-service/ 200',
			'/plans.json 200',
		]);
	});

	it('passes npm test', async () => {
		expect(await npm(['test']), logTail()).toBe(0);
	});
});
