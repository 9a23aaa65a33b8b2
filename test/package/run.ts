// Commands as a user's shell runs them in a new site: not in the test runner's environment.
import { execFile } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

export interface RunResult {
	code: number;
	output: string;
	stdout: string;
	/** Wall time, in seconds. */
	seconds: number;
}

/**
 * Runs a command in `cwd` with `node` first on the PATH: the Node running the tests, or
 * another one (`nodeBinary`) to try the package on another Node version.
 */
export function run(
	command: string,
	args: string[],
	cwd: string,
	{
		nodeBinary = process.execPath,
		env: extra = {},
	}: { nodeBinary?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
	// Astro serves and builds differently when it sees VITEST; npm_* would point into this repository.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !name.startsWith('VITEST') && !name.startsWith('npm_') && name !== 'NODE_ENV',
		),
	);
	env.PATH = `${dirname(nodeBinary)}${delimiter}${env.PATH}`;
	env.ASTRO_TELEMETRY_DISABLED = '1';
	Object.assign(env, extra);
	const started = performance.now();
	return new Promise((resolve) => {
		execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			resolve({
				code: error ? Number((error as { code?: number }).code ?? 1) : 0,
				output: `${stdout}${stderr}`,
				stdout,
				seconds: (performance.now() - started) / 1000,
			});
		});
	});
}
