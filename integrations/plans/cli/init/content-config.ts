import { builders, generateCode } from 'magicast';
import { PACKAGE_NAME } from '../../version.ts';
import { codeFormat, type FileEdit, InitRefusal, parseCode } from './edit.ts';

const LOADER_MODULE = `${PACKAGE_NAME}/loader`;

/** A new `src/content.config.ts` with the plans collection. */
export const NEW_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { plansLoader } from '${LOADER_MODULE}';

// The loader brings its schema: \`getCollection('plans')\` is typed as \`PlanData\`.
export const collections = {
	plans: defineCollection({ loader: plansLoader() }),
};
`;

const BY_HAND = `import { defineCollection } from 'astro:content';
import { plansLoader } from '${LOADER_MODULE}';

export const collections = {
	// … the site's other collections
	plans: defineCollection({ loader: plansLoader() }),
};`;

/**
 * Creates the content config with the plans collection, or adds the collection to the one the
 * site has, through its syntax tree. A site that already loads a collection with
 * `plansLoader()`, under any name, keeps its config as it is.
 */
export function addPlansCollection(file: string, text: string | undefined): FileEdit {
	if (text === undefined)
		return { file, text: NEW_CONTENT_CONFIG, action: 'created', note: 'the plans collection' };
	const mod = parseCode(file, text, BY_HAND);
	if (mod.imports.$items.some((item) => item.from === LOADER_MODULE))
		return { file, text: undefined, action: 'unchanged', note: 'already loads the plans' };
	const collections = mod.exports.collections as Record<string, unknown> & { $type?: string };
	if (collections?.$type !== 'object')
		throw new InitRefusal(file, '`collections` is not exported as an object literal.', BY_HAND);
	if ('plans' in collections)
		throw new InitRefusal(
			file,
			'it already has a collection named `plans`, not loaded with plansLoader().',
			BY_HAND,
		);

	if (!mod.imports.$items.some((item) => item.local === 'defineCollection'))
		mod.imports.$append({ imported: 'defineCollection', from: 'astro:content' });
	mod.imports.$append({ imported: 'plansLoader', from: LOADER_MODULE });
	collections.plans = builders.functionCall('defineCollection', {
		loader: builders.functionCall('plansLoader'),
	});
	return {
		file,
		text: generateCode(mod, { format: codeFormat(text) }).code,
		action: 'updated',
		note: 'added the plans collection',
	};
}
