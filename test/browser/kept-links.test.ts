import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchorList } from '#plans/indexes/anchors.ts';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { previewSite } from '../helpers/preview.ts';
import { copyFixture } from '../helpers/scratch-site.ts';

// A site is built, then its plans change the ways plans do (a plan moved, a heading reworded,
// a cost row renamed, a section and a plan deleted) and it is built again against the first
// build's anchors.json and plans.json. Every link the first build published is then opened in
// Chromium on the second.

const site = copyFixture(fixture('kept-links'));
let first: BuiltSite;
let second: BuiltSite;
let printed = '';
let browser: Browser;
let origin: string;
let stop: () => Promise<void>;

/** Runs `work` and returns what it printed to stdout and stderr, without colours. */
async function printedBy(work: () => Promise<unknown>): Promise<string> {
	const chunks: string[] = [];
	const restore = [process.stdout, process.stderr].map((stream) => {
		const write = stream.write.bind(stream);
		stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			chunks.push(String(chunk));
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write;
		return () => (stream.write = write);
	});
	try {
		await work();
	} finally {
		for (const undo of restore) undo();
	}
	// eslint-disable-next-line no-control-regex -- the colours of the build's output.
	return chunks.join('').replace(/\u001b\[[0-9;]*m/g, '');
}

function edit(file: string, change: (text: string) => string): void {
	writeFileSync(site.path(file), change(readFileSync(site.path(file), 'utf8')));
}

beforeAll(async () => {
	first = await buildSite(site.root, 'first');
	mkdirSync(site.path('previous'));
	for (const file of ['anchors.json', 'plans.json'])
		cpSync(join(first.outDir, file), site.path(`previous/${file}`));

	mkdirSync(site.path('plans/commerce'));
	renameSync(site.path('plans/payments/checkout.md'), site.path('plans/commerce/checkout.md'));
	edit('plans/commerce/checkout.md', (text) =>
		text
			.replace('## Risks & Mitigations', '## Risks and mitigations')
			.replace('| Database | AWS RDS |', '| Primary database | Aurora |')
			.replace(/### Phase 2\n[\s\S]*?(?=## Open Questions)/, ''),
	);
	rmSync(site.path('plans/retired.md'));
	process.env.KEPT_LINKS_PREVIOUS = 'previous';
	try {
		printed = await printedBy(async () => {
			second = await buildSite(site.root, 'second', { logLevel: 'info' });
		});
	} finally {
		delete process.env.KEPT_LINKS_PREVIOUS;
	}
	({ origin, stop } = await previewSite(site.root, second.outDir, { base: '/docs' }));
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await stop?.();
	site.remove();
});

/**
 * Where a link lands once the page it ends on (`path`, after any redirect) has loaded and
 * scrolled: the element that has its id (or the one an alias sits in), and whether that is at
 * the top of the window, under the sticky header (or as far as the page scrolls).
 */
async function landing(page: Page, url: string, path: string) {
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForURL((at) => at.pathname === path, { waitUntil: 'load' });
	return page.evaluate(async () => {
		const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
		// Until the page is still: the same scroll position for five frames in a row.
		await new Promise<void>((done) => {
			let last = Number.NaN;
			let still = 0;
			const frame = () => {
				still = scrollY === last ? still + 1 : 0;
				last = scrollY;
				if (still >= 5) done();
				else requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
		const place = target?.classList.contains('anchor-alias')
			? target.parentElement!.closest('[id]')
			: target;
		const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
		const top = target ? target.getBoundingClientRect().top : Number.NaN;
		const atEnd = scrollY >= document.documentElement.scrollHeight - innerHeight - 1;
		return {
			path: location.pathname,
			place: place?.id,
			atTop: Math.abs(top - header) < 40 || (atEnd && top >= header),
			removedNotice: document.querySelector('h1')?.textContent,
		};
	});
}

const movedFrom = '/docs/plans/payments/checkout/';
const movedTo = '/docs/plans/commerce/checkout/';
/** The ids that changed, and where their links must land; every other id lands on itself. */
const changed: Record<string, string> = {
	'risks--mitigations': 'risks-and-mitigations',
	'cost-database': 'cost-primary-database',
	'phase-2': 'rollout',
};

describe('links of the previous deploy, after plans moved and changed', () => {
	it('all land: moved plans on their new page, reworded and renamed ids on their place, removed ones around it', async () => {
		const previous = JSON.parse(first.file('anchors.json')) as AnchorList;
		const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
		const counts = { links: 0, moved: 0, aliased: 0, parent: 0 };
		for (const [url, anchors] of Object.entries(previous.pages)) {
			if (url === '/docs/plans/retired/') continue;
			for (const anchor of anchors) {
				counts.links += 1;
				const path = url === movedFrom ? movedTo : url;
				const got = await landing(page, `${origin}${url}?from=chat#${anchor}`, path);
				const place = changed[anchor] ?? anchor;
				expect(got, `${url}#${anchor}`).toMatchObject({ path, place, atTop: true });
				if (url === movedFrom) counts.moved += 1;
				if (anchor in changed) counts[anchor === 'phase-2' ? 'parent' : 'aliased'] += 1;
			}
		}
		expect(counts).toEqual({ links: counts.links, moved: counts.moved, aliased: 2, parent: 1 });
		expect(counts.moved).toBeGreaterThan(10);
		console.log(`Kept links: ${JSON.stringify(counts)}`);
		await page.close();
	});

	it('keeps the query string through a redirect, and works without a script for ids', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}${movedFrom}?from=chat#fraud`);
		await page.waitForURL(`${origin}${movedTo}?from=chat#fraud`);
		await page.close();
		const noScript = await browser.newPage({ javaScriptEnabled: false });
		await noScript.goto(`${origin}${movedTo}#risks--mitigations`);
		expect(
			await noScript.evaluate(() => document.querySelector(':target')?.parentElement?.id),
		).toBe('risks-and-mitigations');
		await noScript.close();
	});

	it('serves a notice where a removed plan was, pointing to the plans index', async () => {
		const page = await browser.newPage();
		const got = await landing(
			page,
			`${origin}/docs/plans/retired/#executive-summary`,
			'/docs/plans/retired/',
		);
		expect(got.removedNotice).toBe('Retired Plan');
		expect(await page.getAttribute('main a', 'href')).toBe('/docs/');
		await page.close();
	});

	it('writes _redirects, a redirect page search engines skip, and anchors.json keeping the old ids', () => {
		expect(second.file('_redirects')).toBe(`${movedFrom} ${movedTo} 301\n`);
		const redirect = second.page('plans/payments/checkout/index.html');
		expect(redirect.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
			`https://plans.example.com${movedTo}`,
		);
		expect(redirect.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
		const anchors = JSON.parse(second.file('anchors.json')) as AnchorList;
		expect(anchors.moved).toEqual({ [movedFrom]: movedTo });
		expect(anchors.aliases?.[movedTo]).toEqual(changed);
		expect(anchors.pages[movedTo]).toEqual(expect.arrayContaining(Object.keys(changed)));
	});

	it('prints every kept link, and warns about what landed around its place', () => {
		expect(printed).toContain(`${movedFrom} → ${movedTo}`);
		expect(printed).toContain(
			'plans/commerce/checkout.md: #risks--mitigations → #risks-and-mitigations',
		);
		expect(printed).toContain(
			'plans/commerce/checkout.md: #cost-database → #cost-primary-database',
		);
		expect(printed).toContain(
			'plans/commerce/checkout.md: #phase-2 is gone; its links land on #rollout, the section around it.',
		);
		expect(printed).toContain('/docs/plans/retired/ (Retired Plan) is no longer published');
	});

	it('are listed by the checker against the previous plans.json, before any build', async () => {
		const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
		const bin = join(
			dirname(packageJson),
			JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
		);
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[bin, 'check', '--root', fileURLToPath(site.root), '--against', 'previous/plans.json'],
			{ env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } },
		);
		expect(stdout).toContain(
			[
				'Links of previous/plans.json the next build keeps:',
				'payments/checkout → commerce/checkout',
				'warning retired (Retired Plan) is no longer published: its links land on a notice pointing to the plans index.',
				'plans/commerce/checkout.md: #cost-database → #cost-primary-database',
				'warning plans/commerce/checkout.md: #phase-2 is gone; its links land on #rollout, the section around it.',
				'plans/commerce/checkout.md: #risks--mitigations → #risks-and-mitigations',
			].join('\n'),
		);
	});
});
