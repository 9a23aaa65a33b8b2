import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadAnchors } from '../helpers/dead-anchors.ts';

/** A built site written by hand: path → HTML. */
function site(pages: Record<string, string>): string {
	const outDir = mkdtempSync(join(tmpdir(), 'plans-dead-anchors-'));
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(dirname(join(outDir, path)), { recursive: true });
		writeFileSync(join(outDir, path), `<!doctype html><html><body>${html}</body></html>`);
	}
	return outDir;
}

// Every build of a fixture runs this check (see `buildSite`); these cases show it catches what it should.
describe('links into their own page', () => {
	it('are dead when the page has no element with that id, written as #id, as the page path or in an SVG', () => {
		const outDir = site({
			'plans/web/index.html': `
				<h2 id="setup">Setup</h2><table><tr id="cost-mvp"><td>MVP</td></tr></table>
				<a href="#setup">ok</a> <a href="#cost-mvp">ok</a> <a href="#">top</a> <a href="#top">top</a>
				<a href="#cost-v10">dead</a> <a href="/plans/web/#gone">dead</a> <a href="/plans/web#gone-too">dead</a>
				<svg><a href="#bar-dead"><rect/></a><a xlink:href="#xlink-dead"><rect/></a></svg>
				<a href="#caf%C3%A9">dead, decoded</a>
				<a href="/plans/api/#elsewhere">another page: not checked here</a> <a href="https://example.com/#x">external</a>`,
			'index.html': '<a href="/plans/web/#setup">other page</a> <a href="/#missing">dead</a>',
		});
		expect(deadAnchors(outDir)).toEqual([
			'index.html#missing',
			'plans/web/index.html#bar-dead',
			'plans/web/index.html#café',
			'plans/web/index.html#cost-v10',
			'plans/web/index.html#gone',
			'plans/web/index.html#gone-too',
			'plans/web/index.html#xlink-dead',
		]);
	});

	it('are recognised under the site base', () => {
		const outDir = site({
			'plans/web/index.html':
				'<a href="/docs/plans/web#nowhere">dead</a> <a href="/plans/web#x">not this site</a>',
		});
		expect(deadAnchors(outDir, { base: '/docs' })).toEqual(['plans/web/index.html#nowhere']);
	});

	it('can leave out the links an author wrote in a plan, and only those', () => {
		const outDir = site({
			'plans/web/index.html': `<article class="plan-content">
				<p><a href="#author-typo">written by the author</a></p>
				<h2 id="setup">Setup <a class="anchor-link" href="#set-up">ours</a></h2>
				<p><a href="#user-content-fn-1" data-footnote-ref="">1</a></p>
				<figure class="plan-chart"><svg><a href="#cost-v10"><rect/></a></svg></figure>
			</article>`,
		});
		expect(deadAnchors(outDir)).toEqual([
			'plans/web/index.html#author-typo',
			'plans/web/index.html#cost-v10',
			'plans/web/index.html#set-up',
			'plans/web/index.html#user-content-fn-1',
		]);
		expect(deadAnchors(outDir, { authored: false })).toEqual([
			'plans/web/index.html#cost-v10',
			'plans/web/index.html#set-up',
			'plans/web/index.html#user-content-fn-1',
		]);
	});
});
