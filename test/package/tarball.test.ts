// What a new user does: create an Astro site in an empty folder with nothing from this
// repository but the packed package, install it with npm, build, and check plans with its bin.
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writePlans } from '../../bench/generate-plans.ts';
import { run as runIn, type RunResult } from './run.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'plans-package-'));
const site = join(work, 'site');

/** Runs a command in the site (or `cwd`), with the Node running the tests. */
const run = (command: string, args: string[], cwd = site) => runIn(command, args, cwd);

/** The version of a package this repository installs, so the new site gets the same one. */
const versionOf = (name: string) =>
	JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8'))
		.version as string;

const write = (path: string, text: string) => {
	mkdirSync(dirname(join(site, path)), { recursive: true });
	writeFileSync(join(site, path), text);
};

const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';
import plans from 'astro-technical-plans';

export default defineConfig({
	integrations: [plans()],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { plansLoader } from 'astro-technical-plans/loader';

export const collections = {
	plans: defineCollection({ loader: plansLoader() }),
};
`;

const ABOUT = `---
title: About
---

# About this site

Our "handbook" -- the plans of every team.

| Item    | Cost |
| ------- | ---- |
| Hosting | $20  |

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`
`;

const tarball = inject('tarball');
let build: RunResult;

beforeAll(async () => {
	write(
		'package.json',
		JSON.stringify(
			{
				name: 'new-plan-site',
				private: true,
				type: 'module',
				dependencies: { astro: versionOf('astro'), 'astro-technical-plans': `file:${tarball}` },
			},
			null,
			2,
		),
	);
	write('astro.config.mjs', ASTRO_CONFIG);
	write('src/content.config.ts', CONTENT_CONFIG);
	write('src/pages/about.md', ABOUT);
	writePlans(join(site, 'plans'), 20);
	write(
		'plans/infra/topology.md',
		'# Topology\n\n**Status**: Draft\n\n## Deployment\n\n![Deployment topology](./img/topology.png)\n',
	);
	cpSync(
		join(repo, 'test/fixtures/images/plans/payments/img/topology.png'),
		join(site, 'plans/infra/img/topology.png'),
	);
	write(
		'plans/infra/flows.md',
		'# Flows\n\n**Status**: Approved\n\n## Checkout flow\n\n```mermaid\nsequenceDiagram\n  Shopper->>Checkout: Pay\n  Checkout-->>Shopper: Receipt\n```\n',
	);

	const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
	expect(installed.code, installed.output).toBe(0);
	build = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build']);
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) =>
	new JSDOM(readFileSync(join(site, 'dist', path), 'utf8')).window.document;

describe('the packed package', () => {
	it('holds the built JavaScript, declarations, components, bin and docs, and no sources or tests', async () => {
		const listed = await run('tar', ['-tzf', tarball]);
		const files = listed.output
			.trim()
			.split('\n')
			.map((line) => line.replace(/^package\//, ''));
		for (const file of [
			'package.json',
			'README.md',
			'CHANGELOG.md',
			'LICENSE',
			'dist/index.js',
			'dist/index.d.ts',
			'dist/loader.js',
			'dist/schema.d.ts',
			'dist/render/worker.js',
			'bin/astro-technical-plans.js',
			'dist/cli/bin.js',
			'dist/components/PlanContent.astro',
			'dist/virtual.d.ts',
		]) {
			expect(files, file).toContain(file);
		}
		expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
		expect(files.filter((file) => file.startsWith('scripts/') || file.includes('test'))).toEqual(
			[],
		);
	});
});

describe('a new Astro site with the package installed from its tarball', () => {
	it('builds with one line in astro.config and the plans collection', () => {
		expect(build.code, build.output).toBe(0);
		expect(build.output).toMatch(/Rendering plans in [2-9] threads/);
	});

	it('has the plan pages, the indexes, plans.json and search', () => {
		for (const path of [
			'index.html',
			'plans/infra/flows/index.html',
			'costs/index.html',
			'risks/index.html',
			'milestones/index.html',
			'technologies/index.html',
			'search/index.html',
		]) {
			expect(existsSync(join(site, 'dist', path)), path).toBe(true);
		}
		const plans = JSON.parse(readFileSync(join(site, 'dist/plans.json'), 'utf8'));
		expect(plans.plans ?? plans).toHaveLength(22);
		expect(existsSync(join(site, 'dist/pagefind/pagefind.js'))).toBe(true);
		expect(page('index.html').querySelectorAll('.plans-table tbody tr')).toHaveLength(22);
	});

	it('publishes the image beside a plan and draws its Mermaid diagram', () => {
		const image = page('plans/infra/topology/index.html').querySelector<HTMLImageElement>(
			'.plan-content img',
		)!;
		expect(image.getAttribute('src')).toMatch(/^\/_astro\/topology\.[\w-]+\.webp$/);
		expect(existsSync(join(site, 'dist', image.getAttribute('src')!))).toBe(true);
		expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['640', '360']);
		const diagram = page('plans/infra/flows/index.html').querySelector('figure.diagram-mermaid')!;
		// A sequence diagram is drawn once, with the dark theme's rules in its own style sheet.
		expect(diagram.querySelectorAll('.diagram-canvas > div > svg')).toHaveLength(1);
		expect(diagram.querySelector('.mermaid-themed style')!.textContent).toContain(
			":root[data-theme='dark']",
		);
		expect(diagram.textContent).toContain('Receipt');
	});

	it('leaves the site’s own Markdown page as a build without the integration renders it', async () => {
		const plain = join(work, 'plain');
		mkdirSync(join(plain, 'src/pages'), { recursive: true });
		cpSync(join(site, 'src/pages/about.md'), join(plain, 'src/pages/about.md'));
		cpSync(join(site, 'package.json'), join(plain, 'package.json'));
		writeFileSync(
			join(plain, 'astro.config.mjs'),
			"import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n",
		);
		const linked = await run('ln', ['-s', join(site, 'node_modules'), join(plain, 'node_modules')]);
		expect(linked.code).toBe(0);
		const built = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], plain);
		expect(built.code, built.output).toBe(0);
		expect(readFileSync(join(site, 'dist/about/index.html'), 'utf8')).toBe(
			readFileSync(join(plain, 'dist/about/index.html'), 'utf8'),
		);
		expect(page('about/index.html').querySelector('p')!.textContent).toBe(
			'Our “handbook” – the plans of every team.',
		);
	});

	it('gives the site types for its plans configuration and the package’s API', async () => {
		write(
			'tsconfig.json',
			JSON.stringify({
				extends: 'astro/tsconfigs/strict',
				include: ['.astro/types.d.ts', 'src/**/*'],
			}),
		);
		write(
			'src/site-title.ts',
			"import config from 'virtual:plans/config';\nimport plans from 'astro-technical-plans';\n\nexport const title: string = config.title;\nexport const integration = plans({ title, renderThreads: 2 });\n",
		);
		const checked = await run(process.execPath, [
			join(repo, 'node_modules/typescript/bin/tsc'),
			'--noEmit',
			'-p',
			'tsconfig.json',
		]);
		expect(checked.code, checked.output).toBe(0);
		write(
			'src/site-title.ts',
			"import plans from 'astro-technical-plans';\n\nexport const integration = plans({ title: 42 });\n",
		);
		const wrong = await run(process.execPath, [
			join(repo, 'node_modules/typescript/bin/tsc'),
			'--noEmit',
			'-p',
			'tsconfig.json',
		]);
		expect(wrong.output).toContain(
			"src/site-title.ts(3,36): error TS2322: Type 'number' is not assignable to type 'string'",
		);
		rmSync(join(site, 'src/site-title.ts'));
	});

	it('checks plans with npx astro-technical-plans check: 1 on a broken link, 0 once fixed', async () => {
		const plan = join(site, 'plans/infra/flows.md');
		const text = readFileSync(plan, 'utf8');
		try {
			writeFileSync(plan, `${text}\nSee [the topology](topology.md#nowhere).\n`);
			const broken = await run('npx', ['astro-technical-plans', 'check']);
			expect(broken.code, broken.output).toBe(1);
			expect(broken.output).toContain(
				'plans/infra/flows.md:13:5 error Link "topology.md#nowhere" points to a heading "#nowhere" that does not exist',
			);
			writeFileSync(plan, `${text}\nSee [the topology](topology.md#deployment).\n`);
			const fixed = await run('npx', ['astro-technical-plans', 'check']);
			expect(fixed.code, fixed.output).toBe(0);
			expect(fixed.output.trim().split('\n').at(-1)).toMatch(
				/^22 plans, \d+ diagrams, 0 errors, \d+ warnings?$/,
			);
		} finally {
			writeFileSync(plan, text);
		}
	});
});

describe('MDX in that site, on Astro’s default Markdown processor', () => {
	const MDX_PAGE = `---
title: Journal
---

export const year = 2026;

# Journal for {year}

The "journal" -- an MDX page of the site.
`;
	const MDX_CONFIG = ASTRO_CONFIG.replace(
		'import plans',
		"import mdx from '@astrojs/mdx';\nimport plans",
	).replace('[plans()]', '[mdx(), plans()]');

	beforeAll(async () => {
		write(
			'plans/infra/notes.mdx',
			"---\ntitle: Notes\n---\n\nexport const team = 'Platform';\n\n## Owner\n\nOwned by {team}. See [the checkout flow](flows.md#checkout-flow).\n\n```mermaid\nflowchart LR\n  Notes --> Flows\n```\n",
		);
		write('src/pages/journal.mdx', MDX_PAGE);
		write('astro.config.mjs', MDX_CONFIG);
		const installed = await run('npm', [
			'install',
			'--no-audit',
			'--no-fund',
			'--prefer-offline',
			`@astrojs/mdx@${versionOf('@astrojs/mdx')}`,
		]);
		expect(installed.code, installed.output).toBe(0);
		build = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build']);
	}, 600_000);

	it('renders an MDX plan with the plans plugins: anchors, links and its diagram', () => {
		expect(build.code, build.output).toBe(0);
		const notes = page('plans/infra/notes/index.html');
		expect(notes.querySelector('.plan-content p')!.textContent).toBe(
			'Owned by Platform. See the checkout flow.',
		);
		expect(notes.querySelector('.heading-wrapper a.anchor-link[href="#owner"]')).not.toBeNull();
		expect(
			notes.querySelector('.plan-content a[href="/plans/infra/flows/#checkout-flow"]'),
		).not.toBeNull();
		expect(notes.querySelector('figure.diagram-mermaid svg')!.textContent).toContain('Flows');
	});

	it('leaves the site’s own MDX page as a build without the plans integration renders it', async () => {
		const plain = join(work, 'plain-mdx');
		mkdirSync(join(plain, 'src/pages'), { recursive: true });
		writeFileSync(join(plain, 'src/pages/journal.mdx'), MDX_PAGE);
		writeFileSync(
			join(plain, 'astro.config.mjs'),
			"import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({ integrations: [mdx()] });\n",
		);
		cpSync(join(site, 'package.json'), join(plain, 'package.json'));
		const linked = await run('ln', ['-s', join(site, 'node_modules'), join(plain, 'node_modules')]);
		expect(linked.code).toBe(0);
		const built = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], plain);
		expect(built.code, built.output).toBe(0);
		expect(readFileSync(join(site, 'dist/journal/index.html'), 'utf8')).toBe(
			readFileSync(join(plain, 'dist/journal/index.html'), 'utf8'),
		);
		expect(page('journal/index.html').querySelector('p')!.textContent).toBe(
			'The “journal” – an MDX page of the site.',
		);
	});
});
