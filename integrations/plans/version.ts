/**
 * Version of the plans integration. It is part of every plan's content digest and of the
 * Markdown plugin names, because Astro's content cache does not see plugin code: without
 * it, a warm build after an upgrade would keep serving HTML rendered by the old plugins.
 */
export const PLANS_VERSION = '0.2.5';
