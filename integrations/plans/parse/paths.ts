import { slug } from 'github-slugger';

/** The glob (relative to the plans folder) of plan files: `_`-prefixed files and folders are ignored. */
export const PLAN_GLOB = ['**/*.{md,mdx}', '!**/_*', '!**/_*/**'];

/**
 * Turns a plan's path inside the plans folder into its id, which is also its URL path:
 * `payments/Checkout Service.md` → `payments/checkout-service`.
 * Each segment is slugged like GitHub slugs headings (lower case, spaces to `-`,
 * punctuation dropped, letters of every script kept), after Unicode NFC normalisation so a
 * name typed on macOS (NFD) and on Linux gives the same URL.
 * Returns `undefined` when a segment has nothing left to put in a URL.
 */
export function planIdFromPath(pathInPlansDir: string): string | undefined {
	const withoutExtension = pathInPlansDir.replace(/\.(md|mdx)$/i, '');
	const segments = withoutExtension
		.normalize('NFC')
		.split(/[\\/]+/)
		.filter(Boolean)
		.map((segment) => slug(segment));
	if (segments.length === 0 || segments.some((segment) => segment.replace(/-/g, '') === ''))
		return undefined;
	// A folder's `index.md` is the folder's page, as in Astro's own routing.
	if (segments.length > 1 && segments.at(-1) === 'index') segments.pop();
	return segments.join('/');
}

/** Forward-slash relative path, for messages and ids. */
export function toPosix(path: string): string {
	return path.replace(/\\/g, '/');
}
