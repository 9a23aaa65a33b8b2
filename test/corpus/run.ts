// npm run test:corpus -- <folder> [vitest arguments]: parses, draws and builds every plan of a
// folder of real documents (test/corpus/), which stays outside the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [folder, ...vitestArguments] = process.argv.slice(2);
if (!folder) {
	console.error('Usage: npm run test:corpus -- <folder of Markdown plans> [vitest arguments]');
	process.exit(2);
}
// npm runs scripts from the package root; a relative folder means relative to where npm was started.
const corpus = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
	console.error(`Not a folder: ${corpus}`);
	process.exit(2);
}

const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const config = fileURLToPath(new URL('../../vitest.corpus.config.ts', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', '--config', config, ...vitestArguments], {
	stdio: 'inherit',
	env: { ...process.env, PLANS_CORPUS_DIR: corpus },
});
process.exit(run.status ?? 1);
