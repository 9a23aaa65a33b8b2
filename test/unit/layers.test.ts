import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package's structure, read from its imports: parsing depends on nothing of the build, and
// no module reaches itself again through the modules it imports.

const packageDir = join(import.meta.dirname, '../../integrations/plans');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory())
			return ['dist', 'node_modules'].includes(entry.name) ? [] : sourceFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** Each module's value imports of other modules of the package (type-only imports left out), by path from the package. */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourceFiles(packageDir)) {
		const imports = [
			...readFileSync(file, 'utf8').matchAll(
				/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm,
			),
		]
			.filter((match) => !match[1])
			.map((match) => relative(packageDir, normalize(join(dirname(file), match[2]!))));
		graph.set(relative(packageDir, file), imports);
	}
	return graph;
}

describe('the package structure', () => {
	const graph = importGraph();

	it('keeps parsing free of the build: parse/ imports only parse/ and the drawing library', () => {
		const outward = [...graph].flatMap(([file, imports]) =>
			file.startsWith('parse/')
				? imports
						.filter((target) => !target.startsWith('parse/') && !target.startsWith('diagrams/'))
						.map((target) => `${file} → ${target}`)
				: [],
		);
		expect(outward).toEqual([]);
	});

	it('has no import circle', () => {
		const circles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, path: string[]): void => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of graph.keys()) visit(file, []);
		expect(circles).toEqual([]);
	});
});
