import { builders, generateCode, parseModule, type ProxifiedModule } from 'magicast';
import { getDefaultExportOptions } from 'magicast/helpers';
import { PACKAGE_NAME } from '../../version.ts';
import { codeFormat, type FileEdit, InitRefusal, parseCode } from './edit.ts';

const BY_HAND = `import plans from '${PACKAGE_NAME}';
…
export default defineConfig({
	integrations: [plans()],
});`;

/**
 * Adds `plans()` to the integrations of an Astro config, with its import, through its syntax
 * tree (magicast, as `astro add` does). A config whose options are not an object literal, or
 * whose integrations are not an array literal, is refused rather than guessed at.
 */
export function addIntegration(file: string, text: string): FileEdit {
	const mod = parseCode(file, text, BY_HAND);
	const defaultExport = mod.exports.default as { $type?: string; $args?: unknown[] } | undefined;
	if (defaultExport === undefined)
		throw new InitRefusal(file, 'it has no default export.', BY_HAND);
	const wrapped = defaultExport.$type === 'function-call';
	const options = wrapped ? defaultExport.$args?.[0] : defaultExport;
	if ((options as { $type?: string } | undefined)?.$type !== 'object')
		throw new InitRefusal(
			file,
			'its options are not written as an object literal in the default export.',
			BY_HAND,
		);
	const config = getDefaultExportOptions(mod);
	const existing = config.integrations as { $type?: string } | undefined;
	if (existing !== undefined && existing.$type !== 'array')
		throw new InitRefusal(file, '`integrations` is not written as an array literal.', BY_HAND);

	const local = importedName(mod);
	if (local && callsOf(config.integrations, local))
		return { file, text: undefined, action: 'unchanged', note: `already has ${local}()` };
	const name = local ?? freeName(mod);
	if (!local) mod.imports.$append({ imported: 'default', local: name, from: PACKAGE_NAME });
	config.integrations ??= [];
	config.integrations.push(builders.functionCall(name));
	return {
		file,
		text: generateCode(mod, { format: codeFormat(text) }).code,
		action: 'updated',
		note: `added ${name}() to the integrations`,
	};
}

/** The local name the config already imports the integration under. */
function importedName(mod: ProxifiedModule): string | undefined {
	return mod.imports.$items.find(
		(item) => item.from === PACKAGE_NAME && item.imported === 'default',
	)?.local;
}

/** `plans`, unless the config already uses that name for something else. */
function freeName(mod: ProxifiedModule): string {
	const taken = new Set(mod.imports.$items.map((item) => item.local));
	return ['plans', 'technicalPlans', 'astroTechnicalPlans'].find((name) => !taken.has(name))!;
}

interface CallNode {
	type?: string;
	callee?: { type: string; name?: string };
	arguments?: Array<{
		type: string;
		properties?: Array<{
			type: string;
			key?: { name?: string };
			value?: { type: string; value?: unknown };
		}>;
	}>;
}

/** The integrations array's call of `name()`, if it has one. */
function callOf(integrations: unknown, name: string): CallNode | undefined {
	const elements =
		(integrations as { $ast?: { elements?: CallNode[] } } | undefined)?.$ast?.elements ?? [];
	return elements.find(
		({ type, callee }) =>
			type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === name,
	);
}

/** Tells whether an integrations array already calls `name()`. */
function callsOf(integrations: unknown, name: string): boolean {
	return callOf(integrations, name) !== undefined;
}

/**
 * The plans folder a config that already has the integration gives it, when written as a
 * string (`plans({ directory: 'docs' })`), so `init` looks for the plans there.
 */
export function configuredDirectory(text: string): string | undefined {
	try {
		const mod = parseModule(text);
		const local = importedName(mod);
		if (!local) return undefined;
		const options = callOf(getDefaultExportOptions(mod).integrations, local)?.arguments?.[0];
		const directory = options?.properties?.find(
			(property) => property.type === 'ObjectProperty' && property.key?.name === 'directory',
		)?.value;
		return directory?.type === 'StringLiteral' && typeof directory.value === 'string'
			? directory.value
			: undefined;
	} catch {
		return undefined;
	}
}
