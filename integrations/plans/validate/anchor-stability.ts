import type { AstroIntegrationLogger } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AnchorList, lostAnchors } from '../indexes/anchors.ts';
import { readPrevious } from '../read-previous.ts';

/**
 * Compares the anchors this build published (`<outDir>/anchors.json`) with a previous deploy's
 * list (a path or an http(s) URL) and warns for every anchor that disappeared: links people
 * shared to it would now land at the top of the page. An unreachable list is a warning, not a
 * failure, so a first deploy or an offline build still works.
 */
export async function warnAboutLostAnchors(
	outDir: string,
	previous: string,
	root: string,
	logger: AstroIntegrationLogger,
): Promise<string[]> {
	let before: AnchorList;
	try {
		before = JSON.parse(await readPrevious(previous, root)) as AnchorList;
	} catch (error) {
		logger.warn(
			`Could not read the previous anchors from ${previous} (${(error as Error).message}); skipped the check for lost anchors.`,
		);
		return [];
	}
	const now = JSON.parse(await readFile(join(outDir, 'anchors.json'), 'utf8')) as AnchorList;
	const lost = lostAnchors(before, now);
	for (const anchor of lost)
		logger.warn(
			`Anchor ${anchor} was published before and is gone: links shared to it now land at the top of the page.`,
		);
	if (lost.length > 0)
		logger.warn(
			`${lost.length} published ${lost.length === 1 ? 'anchor' : 'anchors'} disappeared since ${previous}. Keep the heading text, or link the old anchor to its new place.`,
		);
	return lost;
}
