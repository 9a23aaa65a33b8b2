import { describe, expect, it } from 'vitest';
import {
	redirectPage,
	redirectsFile,
	removedPage,
	withAnchorAliases,
} from '#plans/redirects/pages.ts';

describe('withAnchorAliases', () => {
	it("puts each old id at the start of the heading, and of a row's first cell, its links land on", () => {
		const html =
			'<h2 id="risks-and-mitigations">Risks and mitigations</h2><table><tr id="cost-aurora" class="fact-row"><td>Aurora</td></tr></table>';
		const result = withAnchorAliases(
			html,
			new Map([
				['risks--mitigations', 'risks-and-mitigations'],
				['risks', 'risks-and-mitigations'],
				['cost-aws-rds', 'cost-aurora'],
			]),
		);
		expect(result).toEqual({
			html: '<h2 id="risks-and-mitigations"><span id="risks--mitigations" class="anchor-alias"></span><span id="risks" class="anchor-alias"></span>Risks and mitigations</h2><table><tr id="cost-aurora" class="fact-row"><td><span id="cost-aws-rds" class="anchor-alias"></span>Aurora</td></tr></table>',
			missing: [],
		});
	});

	it('does not take an id that only ends like the target, and names the ids with no place', () => {
		const html = '<h2 id="x-summary">A</h2>';
		expect(withAnchorAliases(html, new Map([['old', 'summary']]))).toEqual({
			html,
			missing: ['old'],
		});
	});

	it('writes an old id from outside as text, never as markup', () => {
		const { html } = withAnchorAliases(
			'<h2 id="a">A</h2>',
			new Map([['"><script>x</script>', 'a']]),
		);
		expect(html).not.toContain('<script>');
	});
});

describe('redirect pages', () => {
	it('open the new page with the old query and anchor, point search engines at it, and are not indexed', () => {
		const page = redirectPage(
			'/docs/plans/commerce/checkout/',
			'https://example.com/docs/plans/commerce/checkout/',
			'Checkout <v2>',
		);
		expect(page).toContain(
			'<script>location.replace("/docs/plans/commerce/checkout/" + location.search + location.hash)</script>',
		);
		expect(page).toContain(
			'<meta http-equiv="refresh" content="0; url=/docs/plans/commerce/checkout/">',
		);
		expect(page).toContain(
			'<link rel="canonical" href="https://example.com/docs/plans/commerce/checkout/">',
		);
		expect(page).toContain('<meta name="robots" content="noindex">');
		expect(page).toContain('Checkout &#60;v2&#62;');
		// Its one script is allowed by its own policy, by hash.
		expect(page).toMatch(
			/content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/,
		);
	});

	it("say what was removed in the site's own 404 page, when it has one", () => {
		const shell =
			'<html><head><title>Page not found · Plans</title></head><body><header>Plans</header><main id="plans-main" class="not-found"><h1>Page not found</h1></main></body></html>';
		expect(removedPage('Retired <plan>', '/docs/', shell)).toBe(
			'<html><head><title>Retired &#60;plan&#62; (removed)</title><meta name="robots" content="noindex"></head><body><header>Plans</header><main id="plans-main" class="not-found"><h1>Retired &#60;plan&#62;</h1>\n<p>This plan is no longer published. <a href="/docs/">See all plans</a>.</p></main></body></html>',
		);
	});

	it('say what was removed and link the plans index', () => {
		const page = removedPage('Checkout', '/docs/');
		expect(page).toContain('<h1>Checkout</h1>');
		expect(page).toContain('<a href="/docs/">See all plans</a>');
		expect(page).toContain('noindex');
	});

	it('are listed for hosts that read _redirects, each a 301', () => {
		expect(
			redirectsFile(
				new Map([
					['/plans/b/', '/plans/c/'],
					['/plans/a/', '/plans/c/'],
				]),
			),
		).toBe('/plans/a/ /plans/c/ 301\n/plans/b/ /plans/c/ 301\n');
	});
});
