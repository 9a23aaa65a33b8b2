import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { PLAN_GLOB } from '#plans/parse/paths.ts';

/**
 * The folder of real documents under test, from `PLANS_CORPUS_DIR` (which
 * `npm run test:corpus -- <folder>` sets). Without one the suite fails: a check of no
 * documents would pass and prove nothing.
 */
export function corpusFolder(): string {
	const folder = process.env.PLANS_CORPUS_DIR;
	if (!folder)
		throw new Error(
			'No corpus folder: run `npm run test:corpus -- <folder of Markdown plans>` (it sets PLANS_CORPUS_DIR).',
		);
	if (!existsSync(folder) || !statSync(folder).isDirectory())
		throw new Error(`PLANS_CORPUS_DIR is not a folder: ${folder}`);
	return folder;
}

export interface CorpusDocument {
	/** Path inside the corpus folder: `kep-3299.md`, `team/plan.mdx`. */
	name: string;
	/** Absolute path. */
	file: string;
	mdx: boolean;
}

/** Every plan of the corpus folder, found as the site finds plans (`.md` and `.mdx`, no `_` names). */
export function corpusDocuments(): CorpusDocument[] {
	const folder = corpusFolder();
	const documents = globSync(PLAN_GLOB, { cwd: folder })
		.sort()
		.map((name) => ({ name, file: join(folder, name), mdx: /\.mdx$/i.test(name) }));
	if (documents.length === 0)
		throw new Error(`No .md or .mdx files in the corpus folder ${folder}`);
	return documents;
}
