import { randomUUID } from 'node:crypto';

/**
 * Diagram figures of the loader's renders, by file path, set aside while the rest of the plan
 * goes through the unified pipeline. A figure is finished markup (two Mermaid SVGs can weigh
 * 90 KB): in the tree it would be parsed again by Astro's rehype-raw and serialised again for
 * nothing, which cost more than any of our own plugins. The tree holds a comment in its place
 * and `putFiguresBack` splices the figures into the rendered HTML. On `globalThis`: the loader
 * and the Markdown plugins are two copies of this module. MDX renders keep figures in the tree.
 */
const KEY = Symbol.for('plans:set-aside-figures');
const { setAside, PLACE } = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
	setAside: new Map<string, string[]>(),
	// Unguessable, so that no plan's own HTML comment is taken for a figure's place.
	PLACE: `plans-figure-${randomUUID()}`,
}) as { setAside: Map<string, string[]>; PLACE: string };

/** Called by the loader before it renders `path`: the diagrams plugin then sets its figures aside. */
export function setFiguresAsideFor(path: string): void {
	setAside.set(path, []);
}

/** The comment that holds a figure's place in the tree, or undefined when figures stay in the tree. */
export function setFigureAside(path: string | undefined, figure: string): string | undefined {
	const figures = path === undefined ? undefined : setAside.get(path);
	if (!figures) return undefined;
	figures.push(figure);
	return `<!--${PLACE}:${figures.length - 1}-->`;
}

/** Splices the figures set aside for `path` into its rendered HTML; every one must find its place. */
export function putFiguresBack(path: string, html: string): string {
	const figures = setAside.get(path) ?? [];
	setAside.delete(path);
	let placed = 0;
	const result = html.replace(new RegExp(`<!--${PLACE}:(\\d+)-->`, 'g'), (_comment, index: string) => {
		placed++;
		return figures[Number(index)]!;
	});
	if (placed !== figures.length) throw new Error(`${path}: ${figures.length - placed} of ${figures.length} diagram figures lost their place in the rendered HTML.`);
	return result;
}
