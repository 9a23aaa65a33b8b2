import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkTree, treeDigest, writeLinkedFiles } from '#plans/cache/linked-files.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
const folder = mkdtempSync(join(root, 'linked-files-'));
// A folder on another file system, where no link can reach (a tmpfs on Linux).
const elsewhere = mkdtempSync('/dev/shm/linked-files-');
afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
	rmSync(elsewhere, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const read = (dir: string) =>
	Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('writeLinkedFiles', () => {
	it('writes each file as a link to a kept copy, which the next build links again', () => {
		const kept = join(folder, 'kept-1');
		writeLinkedFiles(join(folder, 'dist-1'), kept, files({ 'a.svg': 'A', 'b.svg': 'B' }));
		expect(read(join(folder, 'dist-1'))).toEqual({ 'a.svg': 'A', 'b.svg': 'B' });
		const copy = statSync(join(kept, 'a.svg'));
		expect(statSync(join(folder, 'dist-1/a.svg')).ino).toBe(copy.ino);

		writeLinkedFiles(join(folder, 'dist-2'), kept, files({ 'a.svg': 'A', 'b.svg': 'B' }));
		expect(statSync(join(folder, 'dist-2/a.svg')).ino).toBe(copy.ino);
		expect(statSync(join(kept, 'a.svg')).nlink).toBe(3);
	});

	it('replaces changed copies without touching the sites built from them, and keeps nothing stale', () => {
		const kept = join(folder, 'kept-2');
		writeLinkedFiles(join(folder, 'old'), kept, files({ 'a.svg': 'A', 'b.svg': 'B' }));
		writeLinkedFiles(join(folder, 'new'), kept, files({ 'a.svg': 'A2', 'c.svg': 'C' }));
		expect(read(join(folder, 'new'))).toEqual({ 'a.svg': 'A2', 'c.svg': 'C' });
		expect(read(kept)).toEqual({ 'a.svg': 'A2', 'c.svg': 'C' });
		expect(read(join(folder, 'old'))).toEqual({ 'a.svg': 'A', 'b.svg': 'B' });
	});

	it('writes a copy again when something rewrote it in place through a built file', () => {
		const kept = join(folder, 'kept-3');
		writeLinkedFiles(join(folder, 'built'), kept, files({ 'a.svg': 'A' }));
		// What a tool that minifies a built site in place does.
		writeFileSync(join(folder, 'built/a.svg'), 'minified');
		expect(readFileSync(join(kept, 'a.svg'), 'utf8')).toBe('minified');

		writeLinkedFiles(join(folder, 'rebuilt'), kept, files({ 'a.svg': 'A' }));
		expect(read(join(folder, 'rebuilt'))).toEqual({ 'a.svg': 'A' });
	});

	it('replaces a file already in the output', () => {
		const out = join(folder, 'full');
		mkdirSync(out);
		writeFileSync(join(out, 'a.svg'), 'stale');
		writeLinkedFiles(out, join(folder, 'kept-4'), files({ 'a.svg': 'A' }));
		expect(read(out)).toEqual({ 'a.svg': 'A' });
		expect(statSync(join(out, 'a.svg')).nlink).toBe(2);
	});

	it('writes the files where no link can be made, leaving the kept copies as they are', () => {
		expect(statSync(elsewhere).dev).not.toBe(statSync(folder).dev);
		const kept = join(folder, 'kept-5');
		writeLinkedFiles(join(folder, 'first'), kept, files({ 'a.svg': 'A', 'b.svg': 'B' }));
		const out = join(elsewhere, 'dist');
		writeLinkedFiles(out, kept, files({ 'a.svg': 'A', 'b.svg': 'B' }));
		expect(read(out)).toEqual({ 'a.svg': 'A', 'b.svg': 'B' });
		expect(statSync(join(out, 'a.svg')).nlink).toBe(1);
		expect(existsSync(join(kept, 'b.svg'))).toBe(true);
	});
});

describe('linkTree', () => {
	const tree = join(folder, 'tree');
	mkdirSync(join(tree, 'index/deep'), { recursive: true });
	writeFileSync(join(tree, 'ui.js'), 'ui');
	writeFileSync(join(tree, 'index/deep/a.pf'), 'a');

	it('links every file of a tree into the same places', () => {
		linkTree(tree, join(folder, 'tree-linked'));
		expect(read(join(folder, 'tree-linked/index/deep'))).toEqual({ 'a.pf': 'a' });
		expect(statSync(join(folder, 'tree-linked/ui.js')).ino).toBe(statSync(join(tree, 'ui.js')).ino);
		expect(treeDigest(join(folder, 'tree-linked'))).toBe(treeDigest(tree));
	});

	it('copies them where no link can be made', () => {
		linkTree(tree, join(elsewhere, 'tree'));
		expect(read(join(elsewhere, 'tree/index/deep'))).toEqual({ 'a.pf': 'a' });
		expect(statSync(join(elsewhere, 'tree/ui.js')).nlink).toBe(1);
	});
});

describe('treeDigest', () => {
	it('changes with a file’s contents and with its place', () => {
		const one = join(folder, 'digest-1');
		mkdirSync(join(one, 'x'), { recursive: true });
		writeFileSync(join(one, 'x/a'), 'A');
		const before = treeDigest(one);
		writeFileSync(join(one, 'x/a'), 'B');
		expect(treeDigest(one)).not.toBe(before);
		const two = join(folder, 'digest-2');
		mkdirSync(join(two, 'y'), { recursive: true });
		writeFileSync(join(two, 'y/a'), 'B');
		expect(treeDigest(two)).not.toBe(treeDigest(one));
	});
});
