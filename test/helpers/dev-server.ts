import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { lockFixture } from './fixture-lock.ts';

const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Runs `astro dev` on a fixture as an author would, in its own process, and waits until it
 * serves `readyPath`. Returns its origin, what it printed, and a stop().
 */
export async function startDevServer(
	root: URL,
	{ base = '', readyPath = `${base}/` }: { base?: string; readyPath?: string } = {},
) {
	const release = await lockFixture(root);
	const port = await freePort();
	const args = [
		astroBin,
		'dev',
		'--root',
		fileURLToPath(root),
		'--port',
		String(port),
		'--host',
		'127.0.0.1',
		...(base ? ['--base', base] : []),
	];
	// Not the test runner's environment: Astro changes how it serves pages when it sees VITEST.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
		),
	);
	const child: ChildProcess = spawn(process.execPath, args, {
		env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	const output: string[] = [];
	child.stdout!.on('data', (chunk) => output.push(String(chunk)));
	child.stderr!.on('data', (chunk) => output.push(String(chunk)));
	const origin = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
		release();
	};
	for (const deadline = Date.now() + 120_000; ;) {
		if (child.exitCode !== null) {
			release();
			throw new Error(`astro dev exited with ${child.exitCode}:\n${output.join('')}`);
		}
		const ready = await fetch(origin + readyPath).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`astro dev did not serve ${readyPath} within 120 s:\n${output.join('')}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { origin, output, stop };
}
