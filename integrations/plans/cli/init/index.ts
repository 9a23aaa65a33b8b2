/**
 * `astro-technical-plans init`: sets an existing Astro site up to publish plans. It adds
 * `plans()` to astro.config, the plans collection to src/content.config, a starter plan when
 * there is no plans folder, and the `check:plans` script. Configs are edited through their
 * syntax tree; a file too unusual to edit safely stops `init` before anything is written, with
 * what to add by hand. Run twice, it changes nothing.
 *
 *   npx astro-technical-plans init [--root .]
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addIntegration, configuredDirectory } from './astro-config.ts';
import { addPlansCollection } from './content-config.ts';
import { type FileEdit, InitRefusal } from './edit.ts';
import { addCheckScript, CHECK_SCRIPT } from './package-json.ts';
import { STARTER_PLAN_FILE, starterPlan } from './starter-plan.ts';

const ASTRO_CONFIGS = [
	'astro.config.mjs',
	'astro.config.ts',
	'astro.config.mts',
	'astro.config.js',
];
const CONTENT_CONFIGS = ['ts', 'mts', 'js', 'mjs'].map((ext) => `src/content.config.${ext}`);
/** The plans folder, unless the config's plans() names another. */
const PLANS_DIRECTORY = 'plans';

/** Runs `init` in a site; the exit code: 0 when done (or nothing to do), 1 when refused. */
export async function runInit(args: string[], today = new Date()): Promise<number> {
	const { values } = parseArgs({ args, options: { root: { type: 'string', default: '.' } } });
	const root = resolve(values.root);
	let edits: FileEdit[];
	try {
		edits = await planEdits(root, today.toISOString().slice(0, 10));
	} catch (error) {
		if (!(error instanceof InitRefusal)) throw error;
		process.stderr.write(
			`${error.message}\nNo file was changed. Add this to ${error.file} by hand:\n\n${error.byHand}\n`,
		);
		return 1;
	}
	for (const edit of edits) {
		if (edit.text === undefined) continue;
		await mkdir(dirname(join(root, edit.file)), { recursive: true });
		await writeFile(join(root, edit.file), edit.text);
	}
	process.stdout.write(summary(edits, packageManager(root)));
	return 0;
}

/** Every edit, worked out before any is written, so a refusal leaves the site as it was. */
async function planEdits(root: string, today: string): Promise<FileEdit[]> {
	const read = (file: string) => readFile(join(root, file), 'utf8');
	const astroConfig = ASTRO_CONFIGS.find((file) => existsSync(join(root, file)));
	if (!astroConfig)
		throw new InitRefusal(
			ASTRO_CONFIGS[0],
			'there is no Astro config here: run init in the root of an Astro site (or pass --root).',
			"import { defineConfig } from 'astro/config';\nimport plans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [plans()] });",
		);
	if (!existsSync(join(root, 'package.json')))
		throw new InitRefusal('package.json', 'there is none beside the Astro config.', '{}');
	const contentConfig = CONTENT_CONFIGS.find((file) => existsSync(join(root, file)));
	const configText = await read(astroConfig);
	const directory = configuredDirectory(configText) ?? PLANS_DIRECTORY;
	const plansExist = existsSync(join(root, directory));
	const starter = `${directory}/${STARTER_PLAN_FILE}`;
	return [
		addIntegration(astroConfig, configText),
		addPlansCollection(
			contentConfig ?? CONTENT_CONFIGS[0],
			contentConfig ? await read(contentConfig) : undefined,
		),
		plansExist
			? { file: `${directory}/`, text: undefined, action: 'unchanged', note: 'already there' }
			: { file: starter, text: starterPlan(today), action: 'created', note: 'a starter plan' },
		addCheckScript('package.json', await read('package.json')),
	];
}

/** The package manager of a site, by its lock file. */
function packageManager(root: string): string {
	const locks: Array<[string, string]> = [
		['pnpm-lock.yaml', 'pnpm'],
		['yarn.lock', 'yarn'],
		['bun.lock', 'bun'],
		['bun.lockb', 'bun'],
	];
	return locks.find(([lock]) => existsSync(join(root, lock)))?.[1] ?? 'npm';
}

/** One line per file, then what to run next. */
function summary(edits: FileEdit[], manager: string): string {
	const width = Math.max(...edits.map((edit) => edit.file.length));
	const lines = edits.map(
		(edit) => `  ${edit.action.padEnd(9)} ${edit.file.padEnd(width)}  ${edit.note}`,
	);
	if (edits.every((edit) => edit.text === undefined))
		return `${lines.join('\n')}\nNothing to change: the site already publishes its plans.\n`;
	const install = edits.some((edit) => edit.note.includes('to the dependencies'))
		? `${manager} install, then `
		: '';
	const run = manager === 'npm' ? 'npm run' : manager;
	return `${lines.join('\n')}\nNext: ${install}${run} build (or ${run} dev), and ${run} ${CHECK_SCRIPT.name} in CI.\n`;
}
