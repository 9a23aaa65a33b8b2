import type { AstroConfig } from 'astro';
import { AstroError } from 'astro/errors';
import type { PlansOptions } from './options.ts';

export const INTEGRATION_NAME = 'plans';

/**
 * Validated options by project root. The loader runs inside Vite's module runner, a
 * different module instance from astro.config's, and Astro's config validation strips
 * unknown keys from integration objects; the process is the one thing both share.
 */
const REGISTRY = Symbol.for('plans-integration.options');
type Registry = Map<string, PlansOptions>;

function registry(): Registry {
	const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
	global[REGISTRY] ??= new Map();
	return global[REGISTRY];
}

/** Called by the integration in `astro:config:setup`. */
export function registerPlansOptions(root: URL, options: PlansOptions): void {
	registry().set(root.href, options);
}

/** The options given to `plans()` in astro.config, as seen from the content loader. */
export function findPlansOptions(config: AstroConfig): PlansOptions {
	const options = registry().get(config.root.href);
	if (!options) {
		throw new AstroError(
			'The plans collection uses plansLoader(), but the plans() integration is not in astro.config.',
			"Add it: import plans from './integrations/plans/index.ts'; export default defineConfig({ integrations: [mdx(), plans()] }).",
		);
	}
	return options;
}
