import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlanPreamble } from '#plans/markdown/plan-preamble.ts';

/** A plan at plans/payments/checkout.md (or another file of the site), rendered with the plugin. */
async function render(
	markdown: string,
	path = '/site/plans/payments/checkout.md',
	frontmatter: Record<string, unknown> = {},
): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkPlanPreamble, { plansDir: '/site/plans' })
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(
		await processor.process(new VFile({ path, value: markdown, data: { astro: { frontmatter } } })),
	);
}

describe('remarkPlanPreamble', () => {
	it('drops the title, the metadata lines the page header shows, and the rule under them', async () => {
		expect(
			await render(
				'# Checkout\n\n**Version**: 1.2\n**Status**: Draft\n**Based on spec**: [spec](spec.md)\n\n---\n\n## Overview\n\nBody.',
			),
		).toBe('<h2>Overview</h2>\n<p>Body.</p>');
		// spec-kit's one-line form, after a leading comment.
		expect(
			await render(
				'<!-- generated -->\n# Checkout\n\n**Date**: 2026-02-01 | **Owner**: Ana\n\nBody.',
			),
		).toBe('<p>Body.</p>');
	});

	it('drops only the title when the paragraph below holds anything the header does not show', async () => {
		expect(
			await render('# Checkout\n\n**Version**: 1.2\n**Branch**: 004-refunds\n\n---\n\nBody.'),
		).toBe(
			'<p><strong>Version</strong>: 1.2\n<strong>Branch</strong>: 004-refunds</p>\n<hr>\n<p>Body.</p>',
		);
		expect(await render('# Checkout\n\n**Status**: Draft, see **Risks** first\n\nBody.')).toBe(
			'<p><strong>Status</strong>: Draft, see <strong>Risks</strong> first</p>\n<p>Body.</p>',
		);
		expect(await render('# Checkout\n\nThis plan moves checkout to the new gateway.')).toBe(
			'<p>This plan moves checkout to the new gateway.</p>',
		);
	});

	it('drops a `##` heading that opens a plan without any `#`: it is the title', async () => {
		expect(await render('## Checkout\n\n**Version**: 1.2\n\n## Overview\n')).toBe(
			'<h2>Overview</h2>',
		);
	});

	it('keeps the author’s heading when the frontmatter names the plan otherwise, and drops it when the frontmatter title is a slug', async () => {
		expect(
			await render('# Machine Config Nodes\n\nBody.', undefined, { title: 'Config Node Status' }),
		).toBe('<h1>Machine Config Nodes</h1>\n<p>Body.</p>');
		expect(
			await render('# Machine Config Nodes\n\nBody.', undefined, { title: 'machine-config-node' }),
		).toBe('<p>Body.</p>');
		expect(await render('# Checkout\n\nBody.', undefined, { Title: 'Checkout' })).toBe(
			'<p>Body.</p>',
		);
	});

	it('keeps the first section of a plan whose sections are `#` headings', async () => {
		expect(await render('# Summary\n\nWhat.\n\n# Motivation\n\nWhy.')).toBe(
			'<h1>Summary</h1>\n<p>What.</p>\n<h1>Motivation</h1>\n<p>Why.</p>',
		);
	});

	it('keeps a title that does not open the plan, and files outside the plans folder', async () => {
		expect(await render('Intro.\n\n# Checkout\n\n**Version**: 1.2')).toBe(
			'<p>Intro.</p>\n<h1>Checkout</h1>\n<p><strong>Version</strong>: 1.2</p>',
		);
		for (const path of ['/site/src/pages/about.md', '/site/plans-archive/about.md']) {
			expect(await render('# About\n\n**Version**: 1.2', path)).toBe(
				'<h1>About</h1>\n<p><strong>Version</strong>: 1.2</p>',
			);
		}
	});
});
