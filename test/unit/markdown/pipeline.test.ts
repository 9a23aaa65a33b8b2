import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import type { RenderSettings } from '#plans/markdown/types.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/pipeline-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CODE =
	'```sql\nSELECT id, total FROM orders WHERE total > 100;\n```\n\n```json {title="x"}\n{ "a": [1, 2] }\n```\n\n```\nplain text\n```\n';

function settings(name: string): RenderSettings {
	const base = defaultRenderSettings(join(folder, name), join(folder, name, 'mermaid'));
	return { ...base, context: { ...base.context, codeCacheDir: join(folder, name, 'code') } };
}

async function render(markdown: string, renderSettings: RenderSettings): Promise<string> {
	const renderer = await createPlanRenderer(renderSettings);
	return (
		await renderer.render(parseMarkdown(markdown), join(renderSettings.context.plansDir, 'plan.md'))
	).html;
}

/** Every `<pre>` of some HTML. */
const preBlocks = (html: string) => html.match(/<pre[\s\S]*?<\/pre>/g) ?? [];

/**
 * What a reader sees of each `<pre>`: its own attributes, then each run of its text with the
 * Shiki variables it gets, from its style, its classes (by the page's `<style>` sheets) or the
 * elements around it.
 */
function codeAsShown(html: string): string[][] {
	const page = JSDOM.fragment(html);
	const sheet = new Map(
		[...page.querySelectorAll('style')].flatMap((style) =>
			[...style.textContent!.matchAll(/\.astro-code \.([\w-]+)\{([^}]*)\}/g)].map(
				([, name, body]) => [name!, body!] as const,
			),
		),
	);
	const variables = (element: Element): string[] => [
		...[...element.classList].map((name) => sheet.get(name) ?? ''),
		element.getAttribute('style') ?? '',
	];
	return [...page.querySelectorAll('pre')].map((pre) => {
		const shown = [[...pre.attributes].map(({ name, value }) => `${name}=${value}`).join(' ')];
		const walker = pre.ownerDocument.createTreeWalker(pre, 4 /* NodeFilter.SHOW_TEXT */);
		for (let text = walker.nextNode(); text; text = walker.nextNode()) {
			const declarations = new Map<string, string>();
			const chain: Element[] = [];
			for (let at = text.parentElement; at && at !== pre; at = at.parentElement) chain.unshift(at);
			for (const element of [pre, ...chain])
				for (const declaration of variables(element).join(';').split(';')) {
					const [name, value] = declaration.split(':').map((part) => part.trim());
					if (name?.startsWith('--shiki-') && value) declarations.set(name, value.toLowerCase());
				}
			shown.push(`${text.textContent} ${[...declarations].sort().join(' ')}`);
		}
		return shown;
	});
}

describe('the plan renderer', () => {
	it('highlights code in the colours of Astro’s own Markdown pipeline, by class', async () => {
		const ours = await render(CODE, settings('astro'));
		const astro = await createMarkdownProcessor({
			...settings('astro').renderer,
			remarkPlugins: [],
			rehypePlugins: [],
		});
		const theirs = (await astro.render(CODE)).code;
		expect(preBlocks(ours)).toHaveLength(3);
		expect(codeAsShown(ours)).toEqual(codeAsShown(theirs));
		expect(ours.length).toBeLessThan(theirs.length);
	});

	it('keeps each highlighted block on disk by content, and uses it', async () => {
		const renderSettings = settings('cache');
		const first = await render(CODE, renderSettings);
		const files = readdirSync(renderSettings.context.codeCacheDir);
		expect(files).toHaveLength(3);
		// A block found in the cache is not highlighted again: change the cached text, see it.
		for (const file of files) {
			const path = join(renderSettings.context.codeCacheDir, file);
			writeFileSync(path, readFileSync(path, 'utf8').replace('SELECT', 'FROM-THE-CACHE'));
		}
		const second = await render(CODE, renderSettings);
		expect(second).toBe(first.replace('SELECT', 'FROM-THE-CACHE'));
	});

	it('keeps nothing when the site’s Shiki transformers may change a block', async () => {
		const renderSettings = settings('transformers');
		const transformers = [
			{
				name: 'mark',
				pre: (node: { properties: Record<string, unknown> }) =>
					void (node.properties.dataMarked = 'yes'),
			},
		];
		renderSettings.renderer = {
			...renderSettings.renderer,
			shikiConfig: { ...renderSettings.renderer.shikiConfig!, transformers },
		} as RenderSettings['renderer'];
		expect(await render(CODE, renderSettings)).toContain('data-marked="yes"');
		expect(() => readdirSync(renderSettings.context.codeCacheDir)).toThrow(/ENOENT/);
	});

	it('puts a table written as raw HTML in the same scrolling box as a Markdown table', async () => {
		const html = await render(
			'<table><tr><td>wide</td></tr></table>\n\n| a |\n| - |\n| 1 |\n',
			settings('raw-table'),
		);
		expect(html.match(/<div class="table-scroll"[^>]*><table>/g)).toHaveLength(2);
	});

	it('parses a plan’s raw HTML into the page, and leaves a plan without any as the tree made it', async () => {
		const withHtml = await render(
			'<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n',
			settings('raw'),
		);
		expect(withHtml).toContain('<details><summary>More</summary>');
		expect(withHtml).toContain('<em>text</em>');
		const plain = await render('# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n', settings('raw'));
		const astro = await createMarkdownProcessor({
			...settings('raw').renderer,
			remarkPlugins: [],
			rehypePlugins: [],
		});
		// The same table markup as Astro's pipeline, which always parses the tree as HTML again.
		expect(plain.match(/<table>[\s\S]*<\/table>/)?.[0]).toBe(
			(await astro.render('| a | b |\n| - | - |\n| 1 | 2 |\n')).code.match(
				/<table>[\s\S]*<\/table>/,
			)?.[0],
		);
	});
});
