import ignore from 'ignore';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One line of a CODEOWNERS file: a gitignore-style pattern and the owners of what it matches. */
export interface CodeOwnersRule {
	pattern: string;
	owners: string[];
}

/** Where GitHub looks for the file, in its order. */
const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** The rules of a CODEOWNERS file, in order; comments and blank lines left out. */
export function parseCodeOwners(text: string): CodeOwnersRule[] {
	return text.split(/\r?\n/).flatMap((line) => {
		const [pattern, ...owners] = line
			.replace(/(^|\s)#.*$/, '')
			.trim()
			.split(/\s+/);
		return pattern ? [{ pattern, owners }] : [];
	});
}

/**
 * The owners of a file (its path from the repository root), as GitHub applies CODEOWNERS:
 * the last rule whose pattern matches wins, and a rule with no owners leaves the file unowned.
 */
export function codeOwnersOf(rules: readonly CodeOwnersRule[], path: string): string[] {
	for (let index = rules.length - 1; index >= 0; index -= 1) {
		const rule = rules[index]!;
		if (matches(rule.pattern, path)) return rule.owners;
	}
	return [];
}

/** Compiled patterns, so a site's plans (each on three pages) do not compile every rule again. */
const matchers = new Map<string, ReturnType<typeof ignore>>();
function matcherOf(pattern: string): ReturnType<typeof ignore> {
	let matcher = matchers.get(pattern);
	if (!matcher) matchers.set(pattern, (matcher = ignore().add(pattern)));
	return matcher;
}

/**
 * Gitignore's matching, but for one difference GitHub documents: `docs/*` owns the files in
 * `docs/`, not those of its subfolders (gitignore would match the subfolder, and all below it).
 */
function matches(pattern: string, path: string): boolean {
	const matcher = matcherOf(pattern);
	if (!matcher.ignores(path)) return false;
	const lastSegment = pattern.replace(/\/$/, '').split('/').at(-1)!;
	const inFolder =
		/\/./.test(pattern.replace(/^\//, '')) &&
		lastSegment.includes('*') &&
		!lastSegment.includes('**');
	if (!inFolder) return true;
	const parent = path.split('/').slice(0, -1).join('/');
	return parent === '' || !matcher.ignores(`${parent}/`);
}

/** The repository's CODEOWNERS rules, from the first place GitHub looks that has the file. */
export async function readCodeOwners(repository: string): Promise<CodeOwnersRule[]> {
	for (const location of LOCATIONS) {
		try {
			return parseCodeOwners(await readFile(join(repository, location), 'utf8'));
		} catch {
			// Not there: the next place.
		}
	}
	return [];
}
