// The way teams start: a new site from Astro's minimal template, the packed package installed
// with their package manager (npm, pnpm, Yarn or Bun) on their Node, `init` run through that
// manager, then a build and a check. Each manager fetches itself from the registry.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run, type RunResult } from './run.ts';

const tarball = inject('tarball');
const work = mkdtempSync(join(tmpdir(), 'plans-managers-'));
const repo = new URL('../../', import.meta.url);

/** The version of a package this repository installs: the newest the tests run on. */
const versionOf = (name: string) =>
	JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, repo), 'utf8'))
		.version as string;

/** The oldest Astro the peer range allows, tried on the oldest Node it supports. */
const OLDEST_ASTRO = '7.3.5';
const OLDEST_NODE = '22.23.3';

interface Manager {
	name: string;
	/** The manager's own command, fetched with npx at a fixed major. */
	command: [string, ...string[]];
	/** How the manager runs a package's bin. */
	exec: string[];
	astro: string;
	config: 'astro.config.mjs' | 'astro.config.ts';
	/** The site has a content config with a collection of its own before `init`. */
	ownCollection: boolean;
	/** Extra files a manager needs (Yarn's linker setting). */
	files?: Record<string, string>;
	env?: Record<string, string>;
}

const MANAGERS: Manager[] = [
	{
		name: 'npm',
		command: ['npm'],
		exec: ['exec', '--', 'astro-technical-plans'],
		astro: OLDEST_ASTRO,
		config: 'astro.config.ts',
		ownCollection: false,
	},
	{
		name: 'pnpm',
		command: ['npx', '-y', 'pnpm@10'],
		exec: ['exec', 'astro-technical-plans'],
		astro: versionOf('astro'),
		config: 'astro.config.mjs',
		ownCollection: false,
	},
	{
		name: 'yarn',
		command: ['npx', '-y', '@yarnpkg/cli-dist@4'],
		exec: ['exec', 'astro-technical-plans'],
		astro: versionOf('astro'),
		config: 'astro.config.ts',
		ownCollection: true,
		files: { '.yarnrc.yml': 'nodeLinker: node-modules\n' },
		// CI machines set CI, which makes Yarn refuse to write a lock file.
		env: { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' },
	},
	{
		name: 'bun',
		command: ['npx', '-y', 'bun@1'],
		exec: ['x', 'astro-technical-plans'],
		astro: versionOf('astro'),
		config: 'astro.config.mjs',
		ownCollection: true,
	},
];

/** Astro's minimal template (`npm create astro -- --template minimal`), with a blog collection when asked. */
function minimalSite(manager: Manager): Record<string, string> {
	const files: Record<string, string> = {
		'package.json': `${JSON.stringify(
			{
				name: `site-${manager.name}`,
				type: 'module',
				version: '0.0.1',
				scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
				dependencies: { astro: manager.astro, 'astro-technical-plans': `file:${tarball}` },
			},
			null,
			2,
		)}\n`,
		[manager.config]:
			"// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n",
		'tsconfig.json':
			'{\n  "extends": "astro/tsconfigs/strict",\n  "include": [".astro/types.d.ts", "**/*"],\n  "exclude": ["dist"]\n}\n',
		'src/pages/index.astro':
			'---\n---\n\n<html lang="en">\n\t<body>\n\t\t<h1>Astro</h1>\n\t</body>\n</html>\n',
		...manager.files,
	};
	if (manager.ownCollection) {
		files['src/content.config.ts'] =
			"import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/blog' }) });\n\nexport const collections = { blog };\n";
		files['src/blog/first.md'] = '---\ntitle: First\n---\n\nA post.\n';
	}
	return files;
}

/** Node 22 for the oldest pair, installed from the registry's `node` package like the repository's own. */
async function oldestNode(): Promise<string> {
	const folder = join(work, 'node22');
	mkdirSync(folder, { recursive: true });
	const installed = await run(
		'npm',
		['install', '--no-audit', '--no-fund', '--prefer-offline', `node@${OLDEST_NODE}`],
		folder,
	);
	expect(installed.code, installed.output).toBe(0);
	return join(folder, 'node_modules/node/bin/node');
}

interface Outcome {
	install: RunResult;
	init: RunResult;
	build: RunResult;
	check: RunResult;
	node: string;
}
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
	const node22 = await oldestNode();
	for (const manager of MANAGERS) {
		const site = join(work, manager.name);
		for (const [file, text] of Object.entries(minimalSite(manager))) {
			mkdirSync(dirname(join(site, file)), { recursive: true });
			writeFileSync(join(site, file), text);
		}
		const nodeBinary = manager.name === 'npm' ? node22 : process.execPath;
		const [command, ...prefix] = manager.command;
		const managed = (args: string[]) =>
			run(command, [...prefix, ...args], site, { nodeBinary, env: manager.env });
		const install = await managed(['install']);
		const init = await managed([...manager.exec, 'init']);
		const build = await managed(['run', 'build']);
		const check = await managed(['run', 'check:plans']);
		const version = await run('node', ['--version'], site, { nodeBinary });
		outcomes.set(manager.name, { install, init, build, check, node: version.stdout.trim() });
	}
	// The times a new user waits, for the closing numbers of a release.
	console.log(
		[...outcomes]
			.map(
				([name, { install, build, node }]) =>
					`${name.padEnd(5)} Node ${node}: install ${install.seconds.toFixed(1)} s, build ${build.seconds.toFixed(1)} s`,
			)
			.join('\n'),
	);
}, 1_800_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(MANAGERS)('a minimal Astro site installing with $name', (manager) => {
	const site = () => join(work, manager.name);
	const outcome = () => outcomes.get(manager.name)!;

	it('installs the packed package', () => {
		expect(outcome().install.code, outcome().install.output).toBe(0);
		expect(existsSync(join(site(), 'node_modules/astro-technical-plans/dist/index.js'))).toBe(true);
		const astro = JSON.parse(readFileSync(join(site(), 'node_modules/astro/package.json'), 'utf8'));
		expect(astro.version).toBe(manager.astro);
	});

	it(`sets up the site with init: the integration in ${manager.config}, the collection, a starter plan, the script`, () => {
		expect(outcome().init.code, outcome().init.output).toBe(0);
		expect(outcome().init.output).toContain(`updated   ${manager.config}`);
		expect(outcome().init.output).toContain(
			`${manager.ownCollection ? 'updated' : 'created'}   src/content.config.ts`,
		);
		expect(readFileSync(join(site(), manager.config), 'utf8')).toContain(
			"import plans from 'astro-technical-plans';",
		);
		const content = readFileSync(join(site(), 'src/content.config.ts'), 'utf8');
		expect(content).toContain('plansLoader()');
		if (manager.ownCollection) expect(content).toContain('blog');
	});

	it('builds the starter plan: its page with the drawing and the checked total, plans.json and search', () => {
		expect(outcome().build.code, outcome().build.output).toBe(0);
		const page = new JSDOM(readFileSync(join(site(), 'dist/plans/example-plan/index.html'), 'utf8'))
			.window.document;
		expect(page.querySelector('.plan-header h1')!.textContent).toBe(
			'Technical Plan: Example Service',
		);
		expect(page.querySelector('figure.diagram-ascii svg')).not.toBeNull();
		expect(page.querySelector('tr.cost-computed')!.textContent).toContain('$200');
		const { plans } = JSON.parse(readFileSync(join(site(), 'dist/plans.json'), 'utf8'));
		expect(plans.map((plan: { id: string }) => plan.id)).toEqual(['example-plan']);
		expect(existsSync(join(site(), 'dist/pagefind/pagefind.js'))).toBe(true);
	});

	it('checks the plans with the check:plans script init added', () => {
		expect(outcome().check.code, outcome().check.output).toBe(0);
		expect(outcome().check.output).toMatch(/1 plan, \d+ diagrams?, 0 errors/);
	});
});

it('runs the oldest pair on Node 22 and every other manager on the Node of the tests', () => {
	expect(outcomes.get('npm')!.node).toBe(`v${OLDEST_NODE}`);
	for (const name of ['pnpm', 'yarn', 'bun'])
		expect(outcomes.get(name)!.node).toBe(`v${process.versions.node}`);
});
