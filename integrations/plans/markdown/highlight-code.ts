import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'unified';
import { SKIP, visitHast } from '../parse/visit.ts';
import { JsonFiles } from '../cache/json-files.ts';
import type { RendererOptions } from './types.ts';
import { PLANS_VERSION } from '../version.ts';
import { NEVER_HIGHLIGHTED } from './code-languages.ts';
import { tokenColoursByClass } from './code-classes.ts';

type ShikiConfig = NonNullable<RendererOptions['shikiConfig']>;
type Highlighter = Awaited<
	ReturnType<typeof import('@astrojs/markdown-remark/shiki').createShikiHighlighter>
>;

export interface HighlightCodeOptions {
	shikiConfig: ShikiConfig;
	/** Languages left as plain `<pre><code>` (the site's `syntaxHighlight.excludeLangs`). */
	excludeLangs: string[];
	/** Folder of highlighted blocks by content; none with Shiki transformers (code we cannot key). */
	cacheDir?: string;
}

/** A code block to highlight: the `<pre>` to replace, its language, meta string and text. */
interface CodeBlock {
	pre: Element;
	language: string;
	meta: string | undefined;
	code: string;
}

const LANGUAGE_CLASS = /\blanguage-(\S+)\b/;

/**
 * Highlights code blocks with Shiki as Astro's Markdown pipeline does (its highlighter, its
 * `astro-code` markup), and keeps every highlighted block on disk by content (language, meta,
 * themes and code), as Mermaid renders are kept: the same block is highlighted once, in this
 * build or an earlier one. Astro's own plugin cannot be given a cache, hence this one. Token
 * colours then become classes of one sheet for the page (`tokenColoursByClass`).
 */
export const rehypeHighlightCode: Plugin<[HighlightCodeOptions], Root> = (options) => {
	const cache = options.cacheDir ? new JsonFiles<Element>(options.cacheDir) : undefined;
	const configKey = highlightConfigKey(options.shikiConfig);
	let highlighter: Promise<Highlighter> | undefined;
	const highlight = async (block: CodeBlock): Promise<Element> => {
		highlighter ??= createHighlighter(options.shikiConfig);
		const root = await (
			await highlighter
		).codeToHast(block.code, block.language, {
			meta: block.meta,
			wrap: options.shikiConfig.wrap,
			defaultColor: options.shikiConfig.defaultColor,
			transformers: options.shikiConfig.transformers,
		});
		return root.children[0] as Element;
	};
	return async (tree) => {
		const blocks = codeBlocks(tree, [...NEVER_HIGHLIGHTED, ...options.excludeLangs]);
		for (const block of blocks) {
			const key = cache && blockKey(configKey, block);
			let highlighted = key === undefined ? undefined : cache!.get(key);
			if (!highlighted) {
				highlighted = await highlight(block);
				if (key !== undefined) cache!.set(key, highlighted);
			}
			// The `<pre>` becomes Shiki's `<pre>`, in place.
			Object.assign(block.pre, {
				tagName: highlighted.tagName,
				properties: highlighted.properties,
				children: highlighted.children,
			});
		}
		const sheet = tokenColoursByClass(blocks.map((block) => block.pre));
		// First in the body, so that code is coloured as soon as it is shown.
		if (sheet)
			tree.children.unshift({
				type: 'element',
				tagName: 'style',
				properties: {},
				children: [{ type: 'text', value: sheet }],
			});
	};
};

/** `pre > code` blocks, in document order, as Astro finds them: a `language-*` class or plain text. */
function codeBlocks(tree: Root, excluded: string[]): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	visitHast(tree, 'element', (node) => {
		if (node.tagName !== 'pre') return;
		const [code] = node.children;
		if (node.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code')
			return SKIP;
		const classes = Array.isArray(code.properties.className)
			? code.properties.className.map(String)
			: [];
		const language =
			classes.map((name) => LANGUAGE_CLASS.exec(name)?.[1]).find(Boolean) ?? 'plaintext';
		if (excluded.includes(language)) return SKIP;
		const meta =
			(code.data as { meta?: string } | undefined)?.meta ??
			(typeof code.properties.metastring === 'string' ? code.properties.metastring : undefined);
		blocks.push({ pre: node, language, meta, code: toString(code) });
		return SKIP;
	});
	return blocks;
}

async function createHighlighter(config: ShikiConfig): Promise<Highlighter> {
	const { createShikiHighlighter } = await import('@astrojs/markdown-remark/shiki');
	return createShikiHighlighter({
		langs: config.langs,
		theme: config.theme,
		themes: config.themes,
		langAlias: config.langAlias,
	});
}

/** Shiki's version, as the site's Astro resolves it: an upgrade highlights every block again. */
function shikiVersion(): string {
	const fromAstroMarkdown = createRequire(
		createRequire(import.meta.url).resolve('@astrojs/markdown-remark'),
	);
	const fromHelpers = createRequire(fromAstroMarkdown.resolve('@astrojs/internal-helpers/shiki'));
	return (fromHelpers('shiki/package.json') as { version: string }).version;
}

/** The highlighted code cache lives in Astro's cache folder, beside the Mermaid renders. */
export function codeCacheDir(astroCacheDir: URL): string {
	return join(fileURLToPath(astroCacheDir), 'plans-code');
}

/** What, besides a block, decides its highlighted markup. */
function highlightConfigKey(config: ShikiConfig): string {
	const { theme, themes, langAlias, langs, defaultColor, wrap } = config;
	return JSON.stringify({
		plans: PLANS_VERSION,
		shiki: shikiVersion(),
		theme,
		themes,
		langAlias,
		langs,
		defaultColor,
		wrap,
	});
}

function blockKey(configKey: string, { language, meta, code }: CodeBlock): string {
	return createHash('sha256')
		.update(JSON.stringify([configKey, language, meta ?? null, code]))
		.digest('hex')
		.slice(0, 32);
}
