import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import type { PlanRenderer, RenderSettings } from '#plans/markdown/types.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';
import { randomPlan } from '../../helpers/random-plans.ts';

let renderer: PlanRenderer;
let plansDir: string;

beforeAll(async () => {
	plansDir = await mkdtemp(join(tmpdir(), 'plans-render-properties-'));
	const settings: RenderSettings = defaultRenderSettings(plansDir, join(plansDir, '.mermaid'));
	renderer = await createPlanRenderer(settings);
});

describe('rendering hostile plans', () => {
	it('never throws', async () => {
		await fc.assert(
			fc.asyncProperty(randomPlan(), async ({ raw }) => {
				const absolute = join(plansDir, 'p.md');
				const { tree } = parsePlan({
					raw,
					file: 'plans/p.md',
					path: 'p.md',
					fileExists: () => false,
				});
				const { html } = await renderer.render(tree, absolute);
				expect(typeof html).toBe('string');
			}),
			{ numRuns: 400 },
		);
	});
});

/** Tag names a hostile author reaches for: removed with content, void, allowed, unknown. */
const TAG_NAMES = [
	'script',
	'style',
	'iframe',
	'object',
	'embed',
	'param',
	'frame',
	'keygen',
	'form',
	'textarea',
	'select',
	'option',
	'svg',
	'math',
	'template',
	'title',
	'noscript',
	'img',
	'br',
	'hr',
	'input',
	'link',
	'meta',
	'source',
	'div',
	'span',
	'b',
	'details',
	'summary',
	'table',
	'td',
	'font',
	'blink',
	'x-widget',
];

/** One piece of hostile HTML: tags (opened, closed, self-closed, with handlers), text and closed comments. */
const hostilePiece = fc.oneof(
	fc
		.record({
			name: fc.constantFrom(...TAG_NAMES),
			attributes: fc.constantFrom(
				'',
				' src="https://example.com/x.swf"',
				' onclick="alert(1)"',
				' style="position:fixed"',
				' id="x"',
			),
			close: fc.constantFrom('>', '/>'),
		})
		.map(({ name, attributes, close }) => `<${name}${attributes}${close}`),
	fc.constantFrom(...TAG_NAMES).map((name) => `</${name}>`),
	fc.constantFrom(
		'alert(1)',
		'body { display: none }',
		'text',
		'*emphasis*',
		'<!-- note -->',
		'\n',
		'\n\n',
	),
);

describe('sanitising hostile HTML', () => {
	it('keeps the paragraph after it on the page, whenever Markdown reads that paragraph as a paragraph', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(hostilePiece, { minLength: 1, maxLength: 12 }), async (pieces) => {
				const kept = 'Kept paragraph with <sup>sup</sup> and <kbd>Ctrl</kbd>.';
				const raw = `# Plan\n\n${pieces.join('')}\n\n${kept}\n`;
				// An unclosed `<script>`, `<style>` or comment block runs to the end of the file in Markdown, on GitHub too.
				const read = parseMarkdown(raw).children.at(-1);
				fc.pre(read?.type === 'paragraph');
				const { tree } = parsePlan({
					raw,
					file: 'plans/p.md',
					path: 'p.md',
					fileExists: () => false,
				});
				const { html } = await renderer.render(tree, join(plansDir, 'p.md'));
				expect(html).toContain(kept);
			}),
			{ numRuns: 400 },
		);
	});
});
