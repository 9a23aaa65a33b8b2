import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { PLAN_GLOB, planIdFromPath, toPosix } from '../parse/paths.ts';
import type { Problem } from '../problems.ts';

/** A plan file and the URL id it is published under. */
export interface PlanFile {
	/** URL id: `payments/checkout-service`. */
	id: string;
	/** Path relative to the project root: `plans/payments/Checkout Service.md`. */
	file: string;
	/** Path relative to the plans folder. */
	path: string;
	absolute: string;
}

/**
 * The plan files of a folder, sorted, each with its URL id. A name that gives no URL, and two
 * files that give the same URL, are errors naming the files; the second of two such files is
 * returned apart (`unpublished`), so a check still reads it.
 */
export async function findPlanFiles(
	root: string,
	directory: string,
): Promise<{ files: PlanFile[]; unpublished: PlanFile[]; problems: Problem[] }> {
	const plansDir = join(root, directory);
	const paths = existsSync(plansDir) ? (await glob(PLAN_GLOB, { cwd: plansDir })).sort() : [];
	const problems: Problem[] = [];
	const byId = new Map<string, PlanFile>();
	const unpublished: PlanFile[] = [];
	for (const path of paths) {
		const id = planIdFromPath(path);
		const file = toPosix(join(directory, path));
		if (!id) {
			problems.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				message: 'The file name gives an empty URL.',
				hint: 'Rename the file so its name contains letters or digits.',
			});
			continue;
		}
		const absolute = join(plansDir, path);
		const planFile = { id, file, path: toPosix(relative(plansDir, absolute)), absolute };
		const other = byId.get(id);
		if (other) {
			unpublished.push(planFile);
			problems.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				message: `Two plans map to the same URL /plans/${id}/: ${other.file} and ${file}.`,
				hint: 'URLs are made from file names in lower case with spaces turned into "-". Rename one of the two files.',
			});
			continue;
		}
		byId.set(id, planFile);
	}
	return { files: [...byId.values()], unpublished, problems };
}
