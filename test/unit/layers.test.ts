import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package's structure, read from its imports: layers that read from the bottom up, parsing
// that depends on nothing of the build, and no module that reaches itself again through the
// modules it imports.

const packageDir = join(import.meta.dirname, '../../integrations/plans');

/**
 * The layers, lowest first, by folder or file (the longest prefix names a module's layer). A
 * module uses modules of its own layer or lower ones, never one above.
 */
const LAYERS: readonly (readonly string[])[] = [
	// Shared by everything: versions, problems, URLs, money, caches, process-wide state, types.
	['version.ts', 'problems.ts', 'urls.ts', 'money/', 'cache/', 'process-wide.ts', 'vite-plugin.ts'],
	// The shapes of options and data.
	['options-schema.ts', 'schema.ts', 'plans-json-schema.ts'],
	// The drawing library parsing uses: box drawings and the Mermaid cache key.
	['diagrams/ascii/', 'diagrams/mermaid/key.ts'],
	['parse/'],
	// What reads across plans, and the drawing of diagrams and charts.
	['indexes/', 'validate/', 'charts/', 'read-previous.ts', 'repository.ts', 'diagrams/'],
	['markdown/'],
	['render/'],
	// The build: loading plans, the site's settings and files, the data pages show.
	[
		'load/',
		'site-registry.ts',
		'public-files.ts',
		'virtual-config.ts',
		'search/',
		'security/',
		'redirects/',
		'history/',
	],
	['page-data/', 'client/'],
	// Entry points: the integration, the loader, the checker, the pages.
	['index.ts', 'loader.ts', 'cli/', 'components/', 'routes/'],
];

function layerOf(file: string): number {
	let best = { layer: -1, prefix: '' };
	LAYERS.forEach((prefixes, layer) => {
		for (const prefix of prefixes)
			if (file.startsWith(prefix) && prefix.length > best.prefix.length) best = { layer, prefix };
	});
	return best.layer;
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory())
			return ['dist', 'node_modules'].includes(entry.name) ? [] : sourceFiles(path);
		return /\.(ts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

interface Imports {
	/** Modules of the package whose values it uses, by path from the package. */
	values: string[];
	/** Modules of the package it takes only types from. */
	types: string[];
	/** Packages and Node modules it uses values of (`node:fs`, `astro/errors`, …). */
	packages: string[];
}

/** Each module's imports, by path from the package. */
function importGraph(): Map<string, Imports> {
	const graph = new Map<string, Imports>();
	for (const file of sourceFiles(packageDir)) {
		const imports: Imports = { values: [], types: [], packages: [] };
		const statements = readFileSync(file, 'utf8').matchAll(
			/^(?:import|export)\s+(type\s+)?(?:[^;]*?from\s+)?'([^']+)'/gm,
		);
		for (const [, typeOnly, specifier] of statements) {
			if (!specifier!.startsWith('.')) {
				if (!typeOnly) imports.packages.push(specifier!);
				continue;
			}
			const target = relative(packageDir, normalize(join(dirname(file), specifier!)));
			(typeOnly ? imports.types : imports.values).push(target);
		}
		graph.set(relative(packageDir, file), imports);
	}
	return graph;
}

/** The modules `file` runs when loaded: itself and every module its value imports reach. */
function reach(graph: Map<string, Imports>, file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	for (const target of graph.get(file)?.values ?? []) reach(graph, target, seen);
	return seen;
}

/** What parsing must not touch: the file system, processes, threads, Astro and Vite. */
const BUILD_ONLY = /^(node:(fs|fs\/promises|child_process|worker_threads)|astro|astro\/.*|vite)$/;

describe('the package structure', () => {
	const graph = importGraph();

	it('gives every module a layer', () => {
		expect([...graph.keys()].filter((file) => layerOf(file) < 0)).toEqual([]);
	});

	it('imports only from its own layer or below', () => {
		const upward = [...graph].flatMap(([file, { values }]) =>
			values
				.filter((target) => layerOf(target) > layerOf(file))
				.map((target) => `${file} → ${target}`),
		);
		expect(upward).toEqual([]);
	});

	it('keeps parsing free of the build: nothing parse/ runs touches files, Astro or Vite', () => {
		const parsing = [...graph.keys()].filter((file) => file.startsWith('parse/'));
		const reached = new Set(parsing.flatMap((file) => [...reach(graph, file)]));
		const touches = [...reached].flatMap((file) =>
			(graph.get(file)?.packages ?? [])
				.filter((name) => BUILD_ONLY.test(name))
				.map((name) => `${file} → ${name}`),
		);
		expect(touches).toEqual([]);
	});

	it('has no import circle, counting imports of types', () => {
		const circles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, path: string[]): void => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'open');
			const { values = [], types = [] } = graph.get(file) ?? {};
			for (const target of [...values, ...types]) visit(target, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of graph.keys()) visit(file, []);
		expect(circles).toEqual([]);
	});
});
