import type { AstroIntegrationLogger } from 'astro';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepPreviousLinks } from '#plans/redirects/publish.ts';

const folder = mkdtempSync(join(tmpdir(), 'plans-publish-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const write = (path: string, text: string) => {
	mkdirSync(dirname(join(folder, path)), { recursive: true });
	writeFileSync(join(folder, path), text);
};
const plan = (url: string, path: string, headings: string[]) => ({
	url,
	path,
	title: 'Checkout',
	file: `plans/${path}`,
	headings: headings.map((text, index) => ({
		depth: 2,
		id: text.toLowerCase().replace(/ /g, '-'),
		text,
		line: index + 3,
	})),
	htmlAnchors: [],
	costs: [],
	...Object.fromEntries(
		[
			'scaling',
			'risks',
			'technologies',
			'milestones',
			'dependencies',
			'questions',
			'glossary',
			'approvals',
			'performanceTargets',
			'retention',
		].map((kind) => [kind, []]),
	),
});

describe('kept links on a site under a base path without trailing slashes', () => {
	it('writes the redirect where the old page was and the old id into the page it moved to', async () => {
		const before = plan('/docs/plans/payments/checkout', 'payments/checkout.md', [
			'Summary',
			'Risks',
		]);
		const after = plan('/docs/plans/commerce/checkout', 'commerce/checkout.md', [
			'Summary',
			'Risks and hazards',
		]);
		write('previous/plans.json', JSON.stringify({ plans: [before] }));
		write(
			'previous/anchors.json',
			JSON.stringify({ pages: { [before.url]: ['risks', 'summary'] } }),
		);
		write('dist/plans.json', JSON.stringify({ plans: [after] }));
		write(
			'dist/anchors.json',
			JSON.stringify({ pages: { [after.url]: ['risks-and-hazards', 'summary'] } }),
		);
		write(
			'dist/plans/commerce/checkout/index.html',
			'<main><h2 id="summary">Summary</h2><h2 id="risks-and-hazards">Risks and hazards</h2></main>',
		);
		const logger = { info: () => {}, warn: () => {} } as unknown as AstroIntegrationLogger;
		await keepPreviousLinks({
			outDir: join(folder, 'dist'),
			root: folder,
			plansDir: join(folder, 'plans'),
			previousAnchors: 'previous/anchors.json',
			previousPlans: 'previous/plans.json',
			site: new URL('https://example.com'),
			base: '/docs',
			trailingSlash: 'never',
			logger,
			summaryFile: undefined,
		});
		const dist = (path: string) => readFileSync(join(folder, 'dist', path), 'utf8');
		expect(dist('_redirects')).toBe(
			'/docs/plans/payments/checkout /docs/plans/commerce/checkout 301\n',
		);
		expect(dist('plans/payments/checkout/index.html')).toContain(
			'<link rel="canonical" href="https://example.com/docs/plans/commerce/checkout">',
		);
		expect(dist('plans/commerce/checkout/index.html')).toBe(
			'<main><h2 id="summary">Summary</h2><h2 id="risks-and-hazards"><span id="risks" class="anchor-alias"></span>Risks and hazards</h2></main>',
		);
		expect(JSON.parse(dist('anchors.json'))).toEqual({
			pages: { '/docs/plans/commerce/checkout': ['risks', 'risks-and-hazards', 'summary'] },
			moved: { '/docs/plans/payments/checkout': '/docs/plans/commerce/checkout' },
			aliases: { '/docs/plans/commerce/checkout': { risks: 'risks-and-hazards' } },
		});
	});

	it('never writes outside the site for an old URL from outside it', async () => {
		const before = plan('/docs/plans/../../../escaped', 'x.md', ['Summary']);
		write('previous/plans.json', JSON.stringify({ plans: [before] }));
		write('previous/anchors.json', JSON.stringify({ pages: { [before.url]: ['summary'] } }));
		const logger = { info: () => {}, warn: () => {} } as unknown as AstroIntegrationLogger;
		await keepPreviousLinks({
			outDir: join(folder, 'dist'),
			root: folder,
			plansDir: join(folder, 'plans'),
			previousAnchors: 'previous/anchors.json',
			previousPlans: 'previous/plans.json',
			site: undefined,
			base: '/docs',
			trailingSlash: 'never',
			logger,
			summaryFile: undefined,
		});
		expect(() => readFileSync(join(folder, '..', 'escaped', 'index.html'))).toThrow();
		expect(() => readFileSync(join(folder, 'escaped', 'index.html'))).toThrow();
	});
});
