import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOptions, type PlansOptions } from '../options-schema.ts';
import { INTEGRATION_NAME, PLANS_OPTIONS } from '../site-registry.ts';

/** The names Astro looks for a config file under, in its order. */
const CONFIG_FILES = [
	'astro.config.mjs',
	'astro.config.js',
	'astro.config.ts',
	'astro.config.mts',
	'astro.config.cjs',
	'astro.config.cts',
];

/** The site's options as `plans()` resolved them in its astro.config, and where they come from. */
export type SiteOptions =
	{ options: PlansOptions; from: string } | { options: PlansOptions; from: undefined };

/**
 * Reads the site's astro.config the way Astro finds it, and takes the options its `plans()`
 * integration resolved: the checker then checks what the build checks. A folder without an
 * astro.config (a repository of plans only) gets the defaults.
 */
export async function siteOptions(root: string): Promise<SiteOptions> {
	const file = CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
	if (!file) return { options: parseOptions(undefined), from: undefined };
	const config =
		((await import(pathToFileURL(file).href)) as { default?: { integrations?: unknown[] } })
			.default ?? {};
	const integration = [config.integrations ?? []]
		.flat(Infinity)
		.find((candidate) => isPlans(candidate));
	if (!integration)
		throw new SiteConfigError(
			`${file} has no ${INTEGRATION_NAME} integration.`,
			`Add it: import plans from '${INTEGRATION_NAME}'; … integrations: [plans()]. The checker reads the options you give plans() there.`,
		);
	return { options: (integration as Record<symbol, PlansOptions>)[PLANS_OPTIONS]!, from: file };
}

function isPlans(candidate: unknown): boolean {
	return (
		typeof candidate === 'object' &&
		candidate !== null &&
		(candidate as { name?: unknown }).name === INTEGRATION_NAME &&
		PLANS_OPTIONS in candidate
	);
}

/** A site config the checker cannot use, with what to do about it. */
export class SiteConfigError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}
