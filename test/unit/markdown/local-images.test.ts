import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkLocalImages } from '#plans/markdown/local-images.ts';

const root = join(import.meta.dirname, '../../../.tmp');
mkdirSync(root, { recursive: true });
const folder = mkdtempSync(join(root, 'local-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// A plan at plans/payments/checkout.md, with two images beside it.
mkdirSync(join(folder, 'plans/payments/img'), { recursive: true });
writeFileSync(join(folder, 'plans/payments/img/flow.png'), 'png');
writeFileSync(join(folder, 'plans/payments/img/my chart.png'), 'png');

const processor = unified()
	.use(remarkParse)
	.use(remarkLocalImages)
	.use(remarkRehype)
	.use(rehypeStringify);
const render = async (markdown: string) =>
	String(
		await processor.process(
			new VFile({ path: join(folder, 'plans/payments/checkout.md'), value: markdown }),
		),
	);

describe('remarkLocalImages', () => {
	it('gives an image beside the plan a ./ path, so Vite does not take `img/` for a package', async () => {
		expect(
			await render(
				'![Flow](img/flow.png) ![Chart](./img/my%20chart.png "Costs") ![Again](img/flow.png?v=2#top)',
			),
		).toBe(
			'<p><img src="./img/flow.png" alt="Flow"> <img src="./img/my%20chart.png" alt="Chart" title="Costs"> <img src="./img/flow.png?v=2#top" alt="Again"></p>',
		);
	});

	it('turns a missing image into a visible note with its alt text (or its path), in place', async () => {
		expect(await render('See ![Old flow](img/gone.png) and ![](../missing.svg).')).toBe(
			'<p>See <em class="missing-image" title="Image not found: img/gone.png">[image not found: Old flow]</em> and <em class="missing-image" title="Image not found: ../missing.svg">[image not found: ../missing.svg]</em>.</p>',
		);
	});

	it('leaves remote, site-absolute and data images alone, and files without a path', async () => {
		const markdown =
			'![R](https://example.com/a.png) ![A](/images/a.png) ![P](//cdn.example.com/a.png) ![D](data:image/png;base64,AA==)';
		const expected =
			'<p><img src="https://example.com/a.png" alt="R"> <img src="/images/a.png" alt="A"> <img src="//cdn.example.com/a.png" alt="P"> <img src="data:image/png;base64,AA==" alt="D"></p>';
		expect(await render(markdown)).toBe(expected);
		expect(String(await processor.process('![Flow](img/gone.png)'))).toBe(
			'<p><img src="img/gone.png" alt="Flow"></p>',
		);
	});
});

describe('images written from the root', () => {
	// A repository (it has .git) whose plans sit in plans/, with a site public/ folder.
	const repository = mkdtempSync(join(root, 'root-images-'));
	afterAll(() => rmSync(repository, { recursive: true, force: true }));
	mkdirSync(join(repository, '.git'));
	mkdirSync(join(repository, 'keps/sig-x/123'), { recursive: true });
	writeFileSync(join(repository, 'keps/sig-x/123/flow.png'), 'png');
	mkdirSync(join(repository, 'site/public'), { recursive: true });
	writeFileSync(join(repository, 'site/public/logo.png'), 'png');
	mkdirSync(join(repository, 'plans/team'), { recursive: true });

	const rendered = async (markdown: string, repositoryRoot: string | undefined) => {
		const withRoots = unified()
			.use(remarkParse)
			.use(remarkLocalImages, { publicDir: join(repository, 'site/public'), repositoryRoot })
			.use(remarkRehype)
			.use(rehypeStringify);
		return String(
			await withRoots.process(
				new VFile({ path: join(repository, 'plans/team/plan.md'), value: markdown }),
			),
		);
	};

	it('are site assets when public/ has them, else files of the repository root, as on GitHub', async () => {
		expect(await rendered('![Logo](/logo.png) ![Flow](/keps/sig-x/123/flow.png)', repository)).toBe(
			'<p><img src="/logo.png" alt="Logo"> <img src="../../keps/sig-x/123/flow.png" alt="Flow"></p>',
		);
	});

	it('become a visible note when neither has them, or when the plans are in no repository', async () => {
		expect(await rendered('![Gone](/keps/gone.png)', repository)).toBe(
			'<p><em class="missing-image" title="Image not found: /keps/gone.png">[image not found: Gone]</em></p>',
		);
		expect(await rendered('![Flow](/keps/sig-x/123/flow.png)', undefined)).toContain(
			'[image not found: Flow]',
		);
	});
});
