// Global setup of `npm run test:package`: packs the package once, as `npm publish` would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { run } from './run.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The packed package: an `.tgz` path. */
		tarball: string;
	}
}

export default async function pack(project: TestProject) {
	const repo = fileURLToPath(new URL('../../', import.meta.url));
	const folder = mkdtempSync(join(tmpdir(), 'plans-tarball-'));
	const packed = await run(
		'npm',
		['pack', '--workspace', 'astro-technical-plans', '--pack-destination', folder, '--json'],
		repo,
	);
	if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
	const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
	project.provide('tarball', join(folder, filename));
	return () => rmSync(folder, { recursive: true, force: true });
}
