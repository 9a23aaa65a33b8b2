/**
 * State that the parts of one process share. Astro loads the integration with the site's
 * astro.config, but the content loader and the Markdown plugins through Vite's module runner:
 * a second copy of every module, whose module-level variables are not the first copy's. The
 * process is the one thing both copies share, so such state lives on `globalThis`, under a
 * symbol of its own. (A render thread is a process of its own in this sense: it gets its own
 * state, and reports back by message.)
 */
export function processWide<T>(name: string, create: () => T): T {
	const key = Symbol.for(`astro-technical-plans:${name}`);
	const global = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
	return (global[key] ??= create());
}
