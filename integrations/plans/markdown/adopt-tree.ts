import type { Root } from 'mdast';
import type { Plugin } from 'unified';

/**
 * Trees the loader has parsed, waiting for their render, by absolute file path. On
 * `globalThis`: the loader (loaded through Vite) and this plugin (loaded with the config)
 * are two copies of this module.
 */
const KEY = Symbol.for('plans:parsed-trees');
const parsedTrees: Map<string, Root> = ((globalThis as Record<symbol, unknown>)[KEY] as Map<string, Root> | undefined) ?? new Map();
(globalThis as Record<symbol, unknown>)[KEY] = parsedTrees;

/**
 * Hands a tree the loader already parsed to the next render of that file, so a plan is
 * parsed once per build: the loader renders an empty string and this plugin, first of all
 * remark plugins, swaps the parsed tree in (a unified transformer may return a new tree).
 */
export function adoptOnNextRender(path: string, tree: Root): void {
	parsedTrees.set(path, tree);
}

export const remarkAdoptParsedTree: Plugin<[], Root> = () => (_tree, file) => {
	const parsed = file.path ? parsedTrees.get(file.path) : undefined;
	if (!parsed) return undefined;
	parsedTrees.delete(file.path);
	return parsed;
};
