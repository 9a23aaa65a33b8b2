// Builds the publishable package into dist/: JavaScript and type declarations from the
// TypeScript sources, and the Astro components, styles and ambient types beside them.
// Node does not strip types inside node_modules, and an installed integration is loaded by
// Node itself (the site's config, the render threads, the checker's bin): it must be JavaScript.
// Type checking is not done here: `astro check` checks the sources with the example site.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { glob } from 'tinyglobby';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const ignore = ['dist/**', 'node_modules/**', 'scripts/**'];

/** Relative imports of `.ts` modules, as written in `.astro` components and ambient types. */
const TS_SPECIFIER = /((?:from\s+|import\s*\(?\s*)['"]\.{1,2}\/[^'"]+)\.ts(['"])/g;

/** Public entry points: their declarations, and those of every module they reach. */
const ENTRIES = ['index.ts', 'loader.ts', 'schema.ts'];

function transpile(files) {
	for (const file of files) {
		const source = readFileSync(join(root, file), 'utf8');
		const { outputText } = ts.transpileModule(source, {
			fileName: file,
			compilerOptions: {
				module: ts.ModuleKind.ESNext,
				target: ts.ScriptTarget.ES2023,
				rewriteRelativeImportExtensions: true,
				verbatimModuleSyntax: true,
			},
		});
		// dist/ is one folder below package.json.
		write(
			file.replace(/\.ts$/, '.js'),
			outputText.replace(/(['"])\.\/package\.json\1/g, '$1../package.json$1'),
		);
	}
}

function declare() {
	const program = ts.createProgram(
		ENTRIES.map((entry) => join(root, entry)),
		{
			declaration: true,
			emitDeclarationOnly: true,
			rewriteRelativeImportExtensions: true,
			allowImportingTsExtensions: true,
			module: ts.ModuleKind.NodeNext,
			moduleResolution: ts.ModuleResolutionKind.NodeNext,
			target: ts.ScriptTarget.ES2023,
			strict: true,
			skipLibCheck: true,
			types: ['node', 'astro/client'],
			resolveJsonModule: true,
			rootDir: root,
			outDir: dist,
		},
	);
	// Declarations keep the sources' `.ts` specifiers: point them at the published `.js`.
	const writeDeclaration = (file, text) =>
		write(relative(dist, file), text.replace(TS_SPECIFIER, '$1.js$2'));
	const { diagnostics } = program.emit(undefined, writeDeclaration);
	if (diagnostics.length > 0) {
		const host = {
			getCanonicalFileName: (name) => name,
			getCurrentDirectory: () => root,
			getNewLine: () => '\n',
		};
		throw new Error(
			`Declarations could not be written:\n${ts.formatDiagnostics(diagnostics, host)}`,
		);
	}
}

function copyAssets(files) {
	for (const file of files) {
		const text = readFileSync(join(root, file), 'utf8');
		write(file, /\.(astro|d\.ts)$/.test(file) ? text.replace(TS_SPECIFIER, '$1.js$2') : text);
	}
}

function write(file, text) {
	const target = join(dist, file);
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, text);
}

rmSync(dist, { recursive: true, force: true });
const sources = await glob('**/*.ts', { cwd: root, ignore: [...ignore, '**/*.d.ts'] });
transpile(sources);
declare();
copyAssets(await glob(['**/*.astro', '**/*.css', '**/*.d.ts'], { cwd: root, ignore }));
console.log(`Built ${sources.length} modules into ${relative(process.cwd(), dist) || 'dist'}/.`);
