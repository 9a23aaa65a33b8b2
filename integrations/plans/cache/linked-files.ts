import {
	copyFileSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';

/** The contents of a file, or undefined when there is none. */
function readIfAny(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * Makes the kept copy at `path` hold `contents`, unless it already does. It is replaced, never
 * written in place: the old one may be linked from a built site.
 */
function keepFile(path: string, contents: string): void {
	if (readIfAny(path) !== contents) writeFileAtomically(path, contents);
}

/**
 * Writes many files into a folder of the built site as hard links to copies kept in `keptDir`
 * (in Astro's cache folder), so that a rebuild creates directory entries and no data: on a disk
 * that discards freed blocks, writing 4,700 small drawings afresh after Astro emptied the output
 * took 2–3 s, linking them under 0.1 s. A kept copy is compared with what the file must hold on
 * every build, so one that something rewrote in place through its link is written again; copies
 * no longer named are removed. Where links cannot be made (another disk, a file system without
 * them), the files are written. Files (name and contents) are taken one at a time: one in memory.
 */
export function writeLinkedFiles(
	outDir: string,
	keptDir: string,
	files: Iterable<readonly [name: string, contents: string]>,
): void {
	mkdirSync(keptDir, { recursive: true });
	mkdirSync(outDir, { recursive: true });
	const names = new Set<string>();
	let linking = true;
	for (const [name, contents] of files) {
		names.add(name);
		const kept = join(keptDir, name);
		keepFile(kept, contents);
		const path = join(outDir, name);
		linking &&= linkFile(kept, path);
		if (linking) continue;
		// Written as a new file: an old one may be a link to a kept copy.
		rmSync(path, { force: true });
		writeFileSync(path, contents);
	}
	for (const name of readdirSync(keptDir))
		if (!names.has(name)) rmSync(join(keptDir, name), { force: true });
}

/** Links `path` to `kept`, replacing what is there; false when this file system makes no links. */
function linkFile(kept: string, path: string): boolean {
	try {
		linkSync(kept, path);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
		rmSync(path);
		return linkFile(kept, path);
	}
}

/** Every file under `dir`, as paths relative to it, in a stable order. */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();
}

/** A digest of the files under `dir`, their paths and their contents: a kept tree is checked with it before it is linked. */
export function treeDigest(dir: string): string {
	const hash = createHash('sha256');
	for (const file of filesUnder(dir))
		hash
			.update(`${file}\0`)
			.update(readFileSync(join(dir, file)))
			.update('\0');
	return hash.digest('hex');
}

/** Links every file under `from` to the same place under `to`, or copies it where no link can be made. */
export function linkTree(from: string, to: string): void {
	const folders = new Set<string>();
	let linking = true;
	for (const file of filesUnder(from)) {
		const target = join(to, file);
		const folder = dirname(target);
		if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
		folders.add(folder);
		linking &&= linkFile(join(from, file), target);
		if (!linking) copyFileSync(join(from, file), target);
	}
}
