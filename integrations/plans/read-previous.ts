import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * A previous deploy's file (`anchors.json`, `plans.json`): a path relative to `root`, or an
 * http(s) URL, fetched with a time limit. Rejects when it cannot be read.
 */
export async function readPrevious(source: string, root: string): Promise<string> {
	if (!/^https?:\/\//i.test(source)) return readFile(resolve(root, source), 'utf8');
	const response = await fetch(source, { signal: AbortSignal.timeout(15_000) });
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return response.text();
}
