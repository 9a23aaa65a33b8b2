import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Runs git in `cwd`, handing each line of its output to `line`; resolves with its exit code. */
export function gitLines(
	cwd: string,
	args: string[],
	line: (text: string) => void,
): Promise<number> {
	return new Promise((done, fail) => {
		const git = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
		createInterface({ input: git.stdout, crlfDelay: Infinity }).on('line', line);
		git.on('error', fail);
		git.on('close', (code) => done(code ?? 1));
	});
}

/** The one line git prints for something (`rev-parse`, `config`), or none. */
export async function gitValue(cwd: string, args: string[]): Promise<string | undefined> {
	let value: string | undefined;
	try {
		const code = await gitLines(cwd, args, (text) => (value ??= text.trim()));
		return code === 0 && value ? value : undefined;
	} catch {
		return undefined;
	}
}
