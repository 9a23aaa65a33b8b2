import { JSDOM } from 'jsdom';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDiagramFences } from '#plans/parse/fences.ts';
import { mermaidFallbackUsed, resetMermaidFallback } from '#plans/diagrams/mermaid/self-hosted.ts';
import { remarkDiagrams } from '#plans/markdown/diagrams.ts';
import { putFiguresBack, setFiguresAsideFor } from '#plans/markdown/set-aside-figures.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
/** An empty Mermaid cache: no diagram has a render, as on a build without a browser. */
const mermaidCacheDir = mkdtempSync(join(root, 'diagrams-'));
afterAll(() => {
	rmSync(mermaidCacheDir, { recursive: true, force: true });
	resetMermaidFallback();
});

/** A plan at plans/payments/checkout.md on a site at /docs/, rendered with the plugin. */
async function render(
	markdown: string,
	file = new VFile({ path: '/site/plans/payments/checkout.md' }),
): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkDiagrams, {
			mermaidCacheDir,
			showErrors: false,
			verifyDrawings: true,
			base: '/docs',
			trailingSlash: 'always',
		})
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeStringify, { allowDangerousHtml: true });
	file.value = markdown;
	return String(await processor.process(file));
}

const BOXES = '┌──────┐     ┌──────┐\n│ API  │────►│  DB  │\n└──────┘     └──────┘';

describe('remarkDiagrams', () => {
	it('draws a box-drawing fence as an SVG figure named after its heading, with its source and a full-size link', async () => {
		const markdown = `## Data flow\n\n\`\`\`\n${BOXES}\n\`\`\`\n\nAfter.`;
		const page = JSDOM.fragment(await render(markdown));
		expect([...page.children].map((child) => child.tagName)).toEqual(['H2', 'FIGURE', 'P']);
		const figure = page.querySelector('figure')!;
		expect([figure.id, figure.className, figure.getAttribute('aria-labelledby')]).toEqual([
			'plans-diagram-1',
			'diagram diagram-ascii',
			'plans-diagram-1-caption',
		]);
		const svg = figure.querySelector('.diagram-canvas > .diagram-svg > svg')!;
		expect([svg.id, svg.getAttribute('role'), svg.querySelector('title')!.textContent]).toEqual([
			'plans-diagram-1-svg',
			'img',
			'Data flow',
		]);
		expect([...svg.querySelectorAll('text')].map((text) => text.textContent)).toEqual([
			'API',
			'DB',
		]);
		expect(figure.querySelector('#plans-diagram-1-caption')!.textContent).toBe(
			'Diagram: Data flow',
		);
		// The file the loader writes under the drawing's key, under the site's base, never with a trailing slash.
		const [fence] = collectDiagramFences(unified().use(remarkParse).parse(markdown));
		expect(
			[...figure.querySelectorAll('a.diagram-open')].map((link) => [
				link.className,
				link.getAttribute('href'),
			]),
		).toEqual([
			['diagram-open diagram-open-light', `/docs/_diagrams/${fence!.key}.svg`],
			['diagram-open diagram-open-dark', `/docs/_diagrams/${fence!.key}-dark.svg`],
		]);
		expect(fence!.key).toMatch(/^[0-9a-f]{24}$/);
		// Never shrunk below 12 px text (14 px in the drawing): 21 columns of 8.4 px and the padding, × 12/14.
		expect(figure.querySelector<HTMLElement>('.diagram-svg')!.getAttribute('style')).toBe(
			`--diagram-min-width:${Math.ceil(((21 * 8.4 + 4) * 12) / 14)}px`,
		);
		expect(figure.querySelector('details.diagram-source pre > code')!.textContent).toBe(BOXES);
	});

	it('leaves file trees, fences in a programming language, `no-diagram` fences and ascii fences with no drawing as code', async () => {
		const markdown = `\`\`\`text\nsrc/\n├── a.ts\n└── b.ts\n\`\`\`\n\n\`\`\`js\n${BOXES}\n\`\`\`\n\n\`\`\`text no-diagram\n${BOXES}\n\`\`\`\n\n\`\`\`ascii\nno drawing here\n\`\`\``;
		expect(await render(markdown)).toBe(
			'<pre><code class="language-text">src/\n├── a.ts\n└── b.ts\n</code></pre>\n' +
				`<pre><code class="language-js">${BOXES}\n</code></pre>\n<pre><code class="language-text">${BOXES}\n</code></pre>\n` +
				'<pre><code class="language-ascii">no drawing here\n</code></pre>',
		);
	});

	it('shows a fence marked `diagram` that it cannot draw as set, without a full-size link', async () => {
		const figure = JSDOM.fragment(await render('```text diagram\nhello\n```')).querySelector(
			'figure',
		)!;
		expect(figure.querySelector('.diagram-canvas')!.innerHTML).toBe(
			'<pre class="diagram-fallback">hello</pre>',
		);
		expect(figure.querySelector('a.diagram-open')).toBeNull();
	});

	it('shows a drawing that does not match its text as the text, or draws it when told not to check', async () => {
		const misaligned = '┌─────────┐\n│ alpha   │\n│ gamma             │\n└─────────┘';
		const markdown = `\`\`\`\n${misaligned}\n\`\`\``;
		const figure = JSDOM.fragment(await render(markdown)).querySelector('figure')!;
		expect(figure.querySelector('.diagram-canvas')!.innerHTML).toBe(
			`<pre class="diagram-fallback">${misaligned}</pre>`,
		);
		expect(figure.querySelector('a.diagram-open')).toBeNull();
		const processor = unified()
			.use(remarkParse)
			.use(remarkDiagrams, {
				mermaidCacheDir,
				showErrors: false,
				verifyDrawings: false,
				base: '/',
				trailingSlash: 'ignore',
			})
			.use(remarkRehype, { allowDangerousHtml: true })
			.use(rehypeStringify, { allowDangerousHtml: true });
		const attempt = JSDOM.fragment(
			String(await processor.process(new VFile({ path: '/site/plans/a.md', value: markdown }))),
		).querySelector('figure')!;
		expect(attempt.querySelector('.diagram-canvas svg')).not.toBeNull();
	});

	it('keeps markup in a drawing, its heading and its source as text', async () => {
		const source =
			'┌──────────┐     ┌──────┐\n│ <script> │────►│ a&b  │\n└──────────┘     └──────┘';
		const page = JSDOM.fragment(
			await render(`## Flow <b>"x"</b> & y\n\n\`\`\`\n${source}\n\`\`\``),
		);
		const figure = page.querySelector('figure')!;
		expect(figure.querySelectorAll('script')).toHaveLength(0);
		expect([...figure.querySelectorAll('svg text')].map((text) => text.textContent)).toEqual([
			'<script>',
			'a&b',
		]);
		expect(figure.querySelector('svg title')!.textContent).toBe('Flow "x" & y');
		expect(figure.querySelector('.diagram-label')!.textContent).toBe('Diagram: Flow "x" & y');
		expect(figure.querySelector('details pre > code')!.textContent).toBe(source);
	});

	it('sets the figures of an announced render aside, each with its own id, behind a comment', async () => {
		const file = new VFile({ path: '/site/plans/payments/checkout.md' });
		setFiguresAsideFor(file);
		const html = await render(
			`## One\n\n\`\`\`\n${BOXES}\n\`\`\`\n\n## Two\n\n\`\`\`\n${BOXES}\n\`\`\``,
			file,
		);
		expect(html).toMatch(
			/^<h2>One<\/h2>\n<!--plans-figure-[0-9a-f-]+:0-->\n<h2>Two<\/h2>\n<!--plans-figure-[0-9a-f-]+:1-->$/,
		);
		const page = JSDOM.fragment(putFiguresBack(file, html));
		expect(
			[...page.querySelectorAll('figure')].map((figure) => [
				figure.id,
				figure.querySelector('svg')!.id,
				figure.querySelector('.diagram-label')!.textContent,
			]),
		).toEqual([
			['plans-diagram-1', 'plans-diagram-1-svg', 'Diagram: One'],
			['plans-diagram-2', 'plans-diagram-2-svg', 'Diagram: Two'],
		]);
	});

	it('without a Mermaid render, gives the source for the reader’s browser to draw, and says mermaid must ship', async () => {
		resetMermaidFallback();
		const figure = JSDOM.fragment(
			await render('## Flow\n\n```mermaid\ngraph LR\n  A-->B\n```'),
		).querySelector('figure.diagram-mermaid')!;
		expect(figure.querySelector('.diagram-canvas')!.innerHTML).toBe(
			'<pre class="mermaid-source">graph LR\n  A--&gt;B</pre>',
		);
		expect(figure.querySelector('.diagram-label')!.textContent).toBe('Mermaid diagram: Flow');
		expect(figure.querySelector('a.diagram-open')).toBeNull();
		expect(mermaidFallbackUsed()).toBe(true);
	});

	it('shows a diagram that needs a Mermaid plugin as written, says why, and leaves nothing for the reader’s browser to try', async () => {
		resetMermaidFallback();
		const page = JSDOM.fragment(await render('## Flow\n\n```mermaid\nzenuml\n  A->B.pay()\n```\n'));
		const canvas = page.querySelector('figure.diagram-mermaid .diagram-canvas')!;
		expect(canvas.querySelector('p.diagram-note[role="note"]')!.textContent).toBe(
			"Not drawn: zenuml diagrams are drawn by Mermaid's @mermaid-js/mermaid-zenuml plugin, which this site does not load; the diagram is shown as written.",
		);
		expect(canvas.querySelector('pre.diagram-fallback')!.textContent).toBe('zenuml\n  A->B.pay()');
		expect(canvas.querySelector('.mermaid-source')).toBeNull();
		expect(mermaidFallbackUsed()).toBe(false);
	});
});
