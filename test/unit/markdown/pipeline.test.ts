import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('the plan renderer', () => {
	it('highlights code exactly as Astro’s own Markdown pipeline does', async () => {
		const ours = await render(CODE, settings('astro'));
		const astro = await createMarkdownProcessor({
			...settings('astro').renderer,
			remarkPlugins: [],
			rehypePlugins: [],
		});
		const theirs = (await astro.render(CODE)).code;
		expect(preBlocks(ours)).toHaveLength(3);
		expect(preBlocks(ours)).toEqual(preBlocks(theirs));
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
