import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import { bundledLanguages } from 'shiki';
import type { Plugin } from 'unified';
import { visitMdast } from '../parse/visit.ts';

const PLAIN = new Set(['text', 'txt', 'plain', 'plaintext', 'ansi']);

/** Astro's own default exclusion from highlighting: `math` blocks are left for a math plugin. */
export const NEVER_HIGHLIGHTED = ['math'];

/**
 * Real plans label fences with languages Shiki does not know (`markup`, `rego`, `turtle`).
 * Shiki would print a warning per block that names no file; such fences are shown as plain
 * text on purpose, so say so in the tree. The written label stays on the block as
 * `data-written-language` where no highlighter replaces its markup (Prism, or none).
 */
export const remarkCodeLanguages: Plugin<[], Root> = () => (tree) => {
	visitMdast(tree, 'code', (node) => {
		if (!node.lang) return;
		const lang = node.lang.toLowerCase();
		if (PLAIN.has(lang) || lang in bundledLanguages || NEVER_HIGHLIGHTED.includes(lang)) return;
		node.data ??= {};
		node.data.hProperties = { ...node.data.hProperties, dataWrittenLanguage: node.lang };
		node.lang = 'plaintext';
	});
};
