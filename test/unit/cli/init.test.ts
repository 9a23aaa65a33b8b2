import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addIntegration } from '#plans/cli/init/astro-config.ts';
import { addPlansCollection, NEW_CONTENT_CONFIG } from '#plans/cli/init/content-config.ts';
import { InitRefusal } from '#plans/cli/init/edit.ts';
import { runInit } from '#plans/cli/init/index.ts';
import { addCheckScript } from '#plans/cli/init/package-json.ts';
import { PLANS_VERSION } from '#plans/version.ts';

/** Astro's minimal template, as `npm create astro -- --template minimal` writes it. */
const MINIMAL_CONFIG = `// @ts-check
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({});
`;

const refusal = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		if (error instanceof InitRefusal) return error;
		throw error;
	}
	throw new Error('expected a refusal');
};

describe('adding plans() to astro.config', () => {
	it('adds the import and the integration to the minimal template', () => {
		const edit = addIntegration('astro.config.mjs', MINIMAL_CONFIG);
		expect(edit.action).toBe('updated');
		expect(edit.text).toBe(`// @ts-check
import { defineConfig } from 'astro/config';

import plans from 'astro-technical-plans';

// https://astro.build/config
export default defineConfig({
  integrations: [plans()]
});`);
		expect(addIntegration('astro.config.mjs', edit.text!)).toMatchObject({
			action: 'unchanged',
			text: undefined,
		});
	});

	it('appends to the integrations a config has, in its own tab indentation', () => {
		const config =
			"import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n\nexport default defineConfig({\n\tsite: 'https://docs.example.com',\n\tintegrations: [mdx()],\n});\n";
		const { text } = addIntegration('astro.config.ts', config);
		expect(text).toContain(
			"\tsite: 'https://docs.example.com',\n\tintegrations: [mdx(), plans()],\n});",
		);
	});

	it('reads TypeScript configs, with types and `as` or `satisfies` around the options', () => {
		const config =
			"import type { AstroUserConfig } from 'astro';\n\nconst site: string = 'https://example.com';\n\nexport default {\n  site,\n} as AstroUserConfig;\n";
		expect(addIntegration('astro.config.ts', config).text).toContain(
			'export default {\n  site,\n  integrations: [plans()],\n} as AstroUserConfig;',
		);
		const satisfies =
			"import { defineConfig } from 'astro/config';\nexport default defineConfig({\n  site: 'https://example.com',\n} satisfies object);\n";
		expect(addIntegration('astro.config.ts', satisfies).text).toContain(
			"  site: 'https://example.com',\n  integrations: [plans()],\n} satisfies object);",
		);
	});

	it('keeps a config that already has the integration, under any name', () => {
		const config =
			"import { defineConfig } from 'astro/config';\nimport technicalPlans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [technicalPlans({ title: 'Plans' })] });\n";
		expect(addIntegration('astro.config.mjs', config)).toMatchObject({
			action: 'unchanged',
			note: 'already has technicalPlans()',
		});
	});

	it('picks another name when `plans` is taken', () => {
		const config =
			"import { defineConfig } from 'astro/config';\nimport plans from './plans.mjs';\n\nexport default defineConfig({ integrations: [plans] });\n";
		const { text } = addIntegration('astro.config.mjs', config);
		expect(text).toContain("import technicalPlans from 'astro-technical-plans';");
		expect(text).toContain('integrations: [plans, technicalPlans()]');
	});

	it.each([
		[
			'a config held in a variable',
			"import { defineConfig } from 'astro/config';\nconst config = defineConfig({});\nexport default config;\n",
			'its options are not written as an object literal in the default export.',
		],
		[
			'a config function',
			"import { defineConfig } from 'astro/config';\nexport default defineConfig(() => ({}));\n",
			'its options are not written as an object literal in the default export.',
		],
		[
			'integrations from a variable',
			"import { defineConfig } from 'astro/config';\nconst list = [];\nexport default defineConfig({ integrations: list });\n",
			'`integrations` is not written as an array literal.',
		],
		['no default export', 'export const config = {};\n', 'it has no default export.'],
	])('refuses %s, with the lines to add by hand', (_name, config, reason) => {
		const error = refusal(() => addIntegration('astro.config.mjs', config));
		expect(error.message).toBe(`astro.config.mjs: ${reason}`);
		expect(error.byHand).toContain("import plans from 'astro-technical-plans';");
		expect(error.byHand).toContain('integrations: [plans()],');
	});

	it('refuses a config it cannot parse', () => {
		expect(refusal(() => addIntegration('astro.config.mjs', 'export default {')).message).toMatch(
			/^astro\.config\.mjs: it could not be parsed \(/,
		);
	});
});

describe('adding the plans collection', () => {
	it('creates src/content.config.ts when the site has none', () => {
		expect(addPlansCollection('src/content.config.ts', undefined)).toEqual({
			file: 'src/content.config.ts',
			text: NEW_CONTENT_CONFIG,
			action: 'created',
			note: 'the plans collection',
		});
		expect(NEW_CONTENT_CONFIG).toContain('plans: defineCollection({ loader: plansLoader() }),');
	});

	it('adds it beside the collections a site has, importing what it needs once', () => {
		const config =
			"import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/blog' }) });\n\nexport const collections = { blog };\n";
		const edit = addPlansCollection('src/content.config.ts', config);
		expect(edit.action).toBe('updated');
		expect(edit.text!.match(/import \{ defineCollection \}/g)).toHaveLength(1);
		expect(edit.text).toContain("import { plansLoader } from 'astro-technical-plans/loader';");
		expect(edit.text).toMatch(
			/export const collections = \{\n {2}blog,\n\n {2}plans: defineCollection\(\{\n {4}loader: plansLoader\(\)\n {2}\}\)\n\};/,
		);
		expect(addPlansCollection('src/content.config.ts', edit.text)).toMatchObject({
			action: 'unchanged',
		});
	});

	it('keeps a site that loads its plans under another collection name', () => {
		const config =
			"import { defineCollection } from 'astro:content';\nimport { plansLoader } from 'astro-technical-plans/loader';\n\nexport const collections = { docs: defineCollection({ loader: plansLoader() }) };\n";
		expect(addPlansCollection('src/content.config.ts', config).action).toBe('unchanged');
	});

	it.each([
		[
			'collections built elsewhere',
			"import { all } from './collections';\nexport const collections = all;\n",
			'`collections` is not exported as an object literal.',
		],
		[
			'a plans collection of its own',
			"import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { plans: defineCollection({ loader: glob({ pattern: '*.md' }) }) };\n",
			'it already has a collection named `plans`, not loaded with plansLoader().',
		],
	])('refuses %s', (_name, config, reason) => {
		const error = refusal(() => addPlansCollection('src/content.config.ts', config));
		expect(error.message).toBe(`src/content.config.ts: ${reason}`);
		expect(error.byHand).toContain('plans: defineCollection({ loader: plansLoader() }),');
	});
});

describe('adding the check:plans script', () => {
	it('adds the script and the package, in the file’s indentation, once', () => {
		const manifest = `{\n  "name": "site",\n  "type": "module",\n  "scripts": {\n    "build": "astro build"\n  },\n  "dependencies": {\n    "astro": "^7.4.8"\n  }\n}\n`;
		const edit = addCheckScript('package.json', manifest);
		expect(edit.note).toBe(
			'added astro-technical-plans to the dependencies and added the check:plans script',
		);
		expect(edit.text).toBe(
			`{\n  "name": "site",\n  "type": "module",\n  "scripts": {\n    "build": "astro build",\n    "check:plans": "astro-technical-plans check"\n  },\n  "dependencies": {\n    "astro": "^7.4.8",\n    "astro-technical-plans": "^${PLANS_VERSION}"\n  }\n}\n`,
		);
		expect(addCheckScript('package.json', edit.text!).action).toBe('unchanged');
	});

	it('leaves a script of that name as the site wrote it', () => {
		const manifest = JSON.stringify({
			scripts: { 'check:plans': 'astro-technical-plans check --strict' },
			devDependencies: { 'astro-technical-plans': '*' },
		});
		expect(addCheckScript('package.json', manifest).action).toBe('unchanged');
	});
});

describe('npx astro-technical-plans init', () => {
	let root: string;
	let output: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'plans-init-'));
		output = '';
		vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
			output += String(text);
			return true;
		});
		vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
			output += String(text);
			return true;
		});
	});
	afterEach(() => {
		vi.restoreAllMocks();
		rmSync(root, { recursive: true, force: true });
	});

	const write = (file: string, text: string) => {
		mkdirSync(join(root, file, '..'), { recursive: true });
		writeFileSync(join(root, file), text);
	};
	const snapshot = () =>
		Object.fromEntries(
			readdirSync(root, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile())
				.map((entry) => join(entry.parentPath, entry.name))
				.sort()
				.map((file) => [file, readFileSync(file, 'utf8')] as const),
		);

	it('sets up a minimal site, says each change, and changes nothing the second time', async () => {
		write('astro.config.mjs', MINIMAL_CONFIG);
		write('package.json', '{\n  "name": "site",\n  "dependencies": { "astro": "^7.4.8" }\n}\n');
		write('pnpm-lock.yaml', '');
		expect(await runInit(['--root', root], new Date('2026-12-07T10:00:00Z'))).toBe(0);
		expect(output).toBe(
			[
				'  updated   astro.config.mjs       added plans() to the integrations',
				'  created   src/content.config.ts  the plans collection',
				'  created   plans/example-plan.md  a starter plan',
				'  updated   package.json           added astro-technical-plans to the dependencies and added the check:plans script',
				'Next: pnpm install, then pnpm build (or pnpm dev), and pnpm check:plans in CI.',
				'',
			].join('\n'),
		);
		expect(readFileSync(join(root, 'plans/example-plan.md'), 'utf8')).toContain(
			'**Date**: 2026-12-07',
		);
		const after = snapshot();
		output = '';
		expect(await runInit(['--root', root])).toBe(0);
		expect(output).toContain('Nothing to change: the site already publishes its plans.');
		expect(output).toContain('  unchanged plans/                 already there');
		expect(snapshot()).toEqual(after);
	});

	it('writes nothing when one file is too unusual to edit, and says what to add by hand', async () => {
		write('astro.config.mjs', MINIMAL_CONFIG);
		write('package.json', '{}\n');
		write('src/content.config.ts', 'export const collections = makeCollections();\n');
		const before = snapshot();
		expect(await runInit(['--root', root])).toBe(1);
		expect(output).toContain(
			'src/content.config.ts: `collections` is not exported as an object literal.\nNo file was changed. Add this to src/content.config.ts by hand:',
		);
		expect(snapshot()).toEqual(before);
	});

	it('looks for the plans where the config’s plans() keeps them', async () => {
		write(
			'astro.config.mjs',
			"import plans from 'astro-technical-plans';\n\nexport default { integrations: [plans({ directory: 'docs/plans' })] };\n",
		);
		write('package.json', '{}\n');
		expect(await runInit(['--root', root])).toBe(0);
		expect(output).toContain('  created   docs/plans/example-plan.md  a starter plan');
		expect(readdirSync(root)).not.toContain('plans');
	});

	it('refuses a folder with no Astro config', async () => {
		write('package.json', '{}\n');
		expect(await runInit(['--root', root])).toBe(1);
		expect(output).toContain(
			'there is no Astro config here: run init in the root of an Astro site',
		);
	});
});
