// `astro add astro-technical-plans` in a new minimal site, with the packed package served as if
// published: Astro installs it and adds the integration; the build then asks for the plans
// collection and names `init`, which adds it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import manifest from '../../integrations/plans/package.json' with { type: 'json' };
import { type LocalRegistry, serveRegistry } from './registry.ts';
import { run, type RunResult } from './run.ts';

const site = mkdtempSync(join(tmpdir(), 'plans-astro-add-'));
const astroVersion = JSON.parse(
	readFileSync(new URL('../../node_modules/astro/package.json', import.meta.url), 'utf8'),
).version as string;

const write = (file: string, text: string) => {
	mkdirSync(dirname(join(site, file)), { recursive: true });
	writeFileSync(join(site, file), text);
};

let registry: LocalRegistry;
let added: RunResult;
let withoutCollection: RunResult;
let init: RunResult;
let build: RunResult;

beforeAll(async () => {
	registry = await serveRegistry(manifest, inject('tarball'));
	write(
		'package.json',
		`${JSON.stringify({ name: 'site', type: 'module', scripts: { build: 'astro build' }, dependencies: { astro: astroVersion } }, null, 2)}\n`,
	);
	write(
		'astro.config.mjs',
		"// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n",
	);
	write('src/pages/index.astro', '---\n---\n\n<h1>Astro</h1>\n');
	const installed = await run(
		'npm',
		['install', '--no-audit', '--no-fund', '--prefer-offline'],
		site,
	);
	expect(installed.code, installed.output).toBe(0);
	const env = { npm_config_registry: `${registry.url}/` };
	added = await run('npx', ['astro', 'add', 'astro-technical-plans', '--yes'], site, { env });
	withoutCollection = await run('npm', ['run', 'build'], site);
	init = await run('npx', ['astro-technical-plans', 'init'], site);
	build = await run('npm', ['run', 'build'], site);
}, 900_000);

afterAll(async () => {
	await registry?.close();
	rmSync(site, { recursive: true, force: true });
});

describe('astro add astro-technical-plans', () => {
	it('installs the package and adds the integration to astro.config', () => {
		expect(added.code, added.output).toBe(0);
		const { dependencies } = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
		expect(dependencies['astro-technical-plans']).toBe(`^${manifest.version}`);
		const config = readFileSync(join(site, 'astro.config.mjs'), 'utf8');
		expect(config).toContain("import technicalPlans from 'astro-technical-plans';");
		expect(config).toContain('integrations: [technicalPlans()]');
	});

	it('leads to a build that asks for the plans collection and names init', () => {
		expect(withoutCollection.code).not.toBe(0);
		expect(withoutCollection.output).toContain('no plans collection loaded with plansLoader()');
		expect(withoutCollection.output).toContain('Run `npx astro-technical-plans init`');
	});

	it('is finished by init, which keeps the integration astro add wrote', () => {
		expect(init.code, init.output).toBe(0);
		expect(init.output).toContain('unchanged astro.config.mjs');
		expect(init.output).toContain('already has technicalPlans()');
		expect(init.output).toContain('created   src/content.config.ts');
		expect(build.code, build.output).toBe(0);
		expect(readFileSync(join(site, 'dist/plans/example-plan/index.html'), 'utf8')).toContain(
			'Technical Plan: Example Service',
		);
	});
});
