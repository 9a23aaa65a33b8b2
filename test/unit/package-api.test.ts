import manifest from 'astro-technical-plans/package.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The package's public API, as a site imports it: a change here is a change for every user.
describe('the astro-technical-plans package', () => {
	it('exports the integration, the loader, the schema, reusable components and the virtual module types', () => {
		expect(manifest.exports).toEqual({
			'.': { types: './dist/index.d.ts', default: './dist/index.js' },
			'./loader': { types: './dist/loader.d.ts', default: './dist/loader.js' },
			'./schema': { types: './dist/schema.d.ts', default: './dist/schema.js' },
			'./components/PlanContent.astro': './dist/components/PlanContent.astro',
			'./components/StatusBadge.astro': './dist/components/StatusBadge.astro',
			'./virtual': { types: './dist/virtual.d.ts' },
			'./package.json': './package.json',
		});
		expect(manifest.bin).toEqual({ 'astro-technical-plans': './bin/astro-technical-plans.js' });
		expect(manifest.peerDependencies).toEqual({ astro: '^7.3.5' });
		expect(manifest.keywords).toContain('astro-integration');
	});

	it('gives each entry point exactly its documented exports', async () => {
		const names = async (entry: Promise<object>) => Object.keys(await entry).sort();
		expect(await names(import('astro-technical-plans'))).toEqual(['default']);
		expect(await names(import('astro-technical-plans/loader'))).toEqual(['plansLoader']);
		expect(await names(import('astro-technical-plans/schema'))).toEqual([
			'PlanDataSchema',
			'planSchema',
		]);
	});

	it('makes an integration and a loader with the names Astro shows in its logs', async () => {
		const { default: plans } = await import('astro-technical-plans');
		const { plansLoader } = await import('astro-technical-plans/loader');
		expect(plans().name).toBe('astro-technical-plans');
		expect(plansLoader().name).toBe('plans-loader');
	});

	it('depends on exactly the packages its published code imports', async () => {
		const dist = fileURLToPath(
			new URL('dist/', import.meta.resolve('astro-technical-plans/package.json')),
		);
		const imported = new Set<string>();
		for (const file of await glob('**/*.{js,astro}', { cwd: dist })) {
			const code = readFileSync(`${dist}${file}`, 'utf8');
			// Import statements start a line; a hint that shows one is inside a string.
			for (const [, from, loaded] of code.matchAll(
				/^(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
			)) {
				const specifier = from ?? loaded;
				if (!specifier || /^(\.|node:|astro:|virtual:)|\$\{/.test(specifier)) continue;
				imported.add(
					specifier.startsWith('@')
						? specifier.split('/').slice(0, 2).join('/')
						: specifier.split('/')[0]!,
				);
			}
		}
		const runtime = Object.keys(manifest.dependencies).filter(
			(name) => !name.startsWith('@types/'),
		);
		// astro is the peer; vite comes with it.
		expect([...imported].filter((name) => name !== 'astro' && name !== 'vite').sort()).toEqual(
			runtime.sort(),
		);
	});
});

/** The packages a published file imports, by name: `@scope/name` or `name`, subpaths dropped. */
function importedPackages(text: string): string[] {
	return ts
		.preProcessFile(text, true, true)
		.importedFiles.map(({ fileName }) => fileName)
		.filter((specifier) => !/^[./#]/.test(specifier))
		.map((specifier) =>
			specifier
				.split('/')
				.slice(0, specifier.startsWith('@') ? 2 : 1)
				.join('/'),
		);
}

/** The script parts of an `.astro` component: its frontmatter and its `<script>` elements. */
const astroScripts = (text: string) =>
	[
		/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '',
		...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]),
	].join('\n');

describe('the published files', () => {
	it('import only declared dependencies and peers, Node’s modules and Astro’s virtual modules', async () => {
		const declared = new Set([
			manifest.name,
			...Object.keys(manifest.dependencies),
			...Object.keys(manifest.peerDependencies),
		]);
		const packageRoot = fileURLToPath(new URL('../../integrations/plans/', import.meta.url));
		const files = await glob(['dist/**/*.{js,d.ts,astro}', 'bin/**/*.js'], { cwd: packageRoot });
		expect(files.length).toBeGreaterThan(200);
		const undeclared = new Set<string>();
		// Reported by name: one import of a package is enough to break a strict install.
		for (const file of files) {
			const text = readFileSync(`${packageRoot}${file}`, 'utf8');
			for (const name of importedPackages(file.endsWith('.astro') ? astroScripts(text) : text)) {
				const builtin = name.startsWith('node:') || builtinModules.includes(name);
				const virtual = /^(astro|virtual):/.test(name);
				// A declaration file's types may come from DefinitelyTyped: `mdast` from `@types/mdast`.
				const types = `@types/${name.replace(/^@(.*)\//, '$1__')}`;
				const typed = file.endsWith('.d.ts') && declared.has(types);
				if (!builtin && !virtual && !typed && !declared.has(name)) undeclared.add(name);
			}
		}
		expect([...undeclared]).toEqual([]);
	});
});
