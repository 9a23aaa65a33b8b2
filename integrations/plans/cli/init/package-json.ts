import { PACKAGE_NAME, PLANS_VERSION } from '../../version.ts';
import { type FileEdit, InitRefusal } from './edit.ts';

/** The script that checks the plans without a build, for CI and for authors. */
export const CHECK_SCRIPT = { name: 'check:plans', command: `${PACKAGE_NAME} check` };

interface PackageJson {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
}

/**
 * Adds the `check:plans` script, and the package itself to the dependencies when `npx` ran
 * `init` in a site that does not have it yet. Keys keep their order and the file its indentation.
 */
export function addCheckScript(file: string, text: string): FileEdit {
	let manifest: PackageJson;
	try {
		manifest = JSON.parse(text) as PackageJson;
	} catch (error) {
		throw new InitRefusal(
			file,
			`it is not valid JSON (${(error as Error).message}).`,
			`"scripts": { "${CHECK_SCRIPT.name}": "${CHECK_SCRIPT.command}" }`,
		);
	}
	const notes: string[] = [];
	if (!manifest.dependencies?.[PACKAGE_NAME] && !manifest.devDependencies?.[PACKAGE_NAME]) {
		manifest.dependencies = { ...manifest.dependencies, [PACKAGE_NAME]: `^${PLANS_VERSION}` };
		notes.push(`added ${PACKAGE_NAME} to the dependencies`);
	}
	if (!manifest.scripts?.[CHECK_SCRIPT.name]) {
		manifest.scripts = { ...manifest.scripts, [CHECK_SCRIPT.name]: CHECK_SCRIPT.command };
		notes.push(`added the ${CHECK_SCRIPT.name} script`);
	}
	if (notes.length === 0)
		return { file, text: undefined, action: 'unchanged', note: `already has ${CHECK_SCRIPT.name}` };
	const indent = /^\{\r?\n([ \t]+)/.exec(text)?.[1] ?? '\t';
	return {
		file,
		text: `${JSON.stringify(manifest, null, indent)}\n`,
		action: 'updated',
		note: notes.join(' and '),
	};
}
