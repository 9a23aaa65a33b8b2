import type { AstroIntegrationLogger } from 'astro';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AnchorList, lostAnchors } from '../indexes/anchors.ts';

/**
 * Compares the anchors this build published (`<outDir>/anchors.json`) with a previous deploy's
 * list (a path or an http(s) URL) and warns for every anchor that disappeared: links people
 * shared to it would now land at the top of the page. An unreachable list is a warning, not a
 * failure, so a first deploy or an offline build still works.
 */
export async function warnAboutLostAnchors(outDir: string, previous: string, root: string, logger: AstroIntegrationLogger): Promise<string[]> {
	let before: AnchorList;
	try {
		const text = /^https?:\/\//i.test(previous) ? await (await fetchOk(previous)).text() : await readFile(resolve(root, previous), 'utf8');
		before = JSON.parse(text) as AnchorList;
	} catch (error) {
		logger.warn(`Could not read the previous anchors from ${previous} (${(error as Error).message}); skipped the check for lost anchors.`);
		return [];
	}
	const now = JSON.parse(await readFile(join(outDir, 'anchors.json'), 'utf8')) as AnchorList;
	const lost = lostAnchors(before, now);
	for (const anchor of lost) logger.warn(`Anchor ${anchor} was published before and is gone: links shared to it now land at the top of the page.`);
	if (lost.length > 0) logger.warn(`${lost.length} published ${lost.length === 1 ? 'anchor' : 'anchors'} disappeared since ${previous}. Keep the heading text, or link the old anchor to its new place.`);
	return lost;
}

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return response;
}
