import manifest from './package.json' with { type: 'json' };

/** The package's name, for messages and hints. */
export const PACKAGE_NAME: string = manifest.name;

/**
 * Version of the plans integration, from its package.json. It is part of every plan's
 * content digest and of every diagram's cache key, because Astro's content cache does not
 * see code: without it, a warm build after an upgrade would keep serving HTML and diagrams
 * made by the old version.
 */
export const PLANS_VERSION: string = manifest.version;
