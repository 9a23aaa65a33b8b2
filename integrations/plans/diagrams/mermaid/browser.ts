import { existsSync } from 'node:fs';

/** Environment variable that points at a Chromium or Chrome binary. */
export const BROWSER_ENV = 'PLANS_CHROMIUM';

const SYSTEM_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Where to find a browser for build-time Mermaid: the `browser` option, then the
 * `PLANS_CHROMIUM` environment variable (or `CHROMIUM_PATH`), then the usual system paths.
 * Returns `undefined` when there is none or `false` was given; an explicit path that does not exist is an error
 * because the user asked for it.
 */
export function findBrowser(
	explicit: string | false | undefined,
	env: NodeJS.ProcessEnv = process.env,
): string | undefined {
	if (explicit === false) return undefined;
	if (explicit) {
		if (!existsSync(explicit))
			throw new Error(
				`The browser given in the mermaid.browser option does not exist: ${explicit}`,
			);
		return explicit;
	}
	for (const name of [BROWSER_ENV, 'CHROMIUM_PATH']) {
		const fromEnv = env[name];
		if (fromEnv) {
			if (!existsSync(fromEnv))
				throw new Error(`${name} points to a browser that does not exist: ${fromEnv}`);
			return fromEnv;
		}
	}
	return SYSTEM_PATHS.find((path) => existsSync(path));
}

/** Flags for a headless Chromium that must not reach the network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
