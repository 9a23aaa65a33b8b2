import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	CSP_PLACEHOLDER,
	contentSecurityPolicy,
	inlineScriptHashes,
	planBodyMarks,
	withContentSecurityPolicy,
} from '#plans/security/csp.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

/** A built page: the layout's placeholder, a script of the site's own, a plan body with the author's. */
function page(body: string, marks = planBodyMarks(body)): string {
	return `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${CSP_PLACEHOLDER}"><script>theme()</script></head><body><article>${marks.start}${body}${marks.end}</article><script type="module">copyLinks()</script></body></html>`;
}

describe('the Content-Security-Policy of a built page', () => {
	it('allows the site’s own scripts and WebAssembly, inline styles, https images, and nothing from elsewhere', () => {
		const policy = contentSecurityPolicy(['b', 'a', 'a']);
		expect(policy).toBe(
			"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
		);
		expect(
			policy.split('; ').find((directive) => directive.startsWith('script-src')),
		).not.toContain('unsafe-inline');
	});

	it('hashes the page’s own inline scripts and none of a plan’s body', () => {
		const html = page('<p>Plan</p><script>steal()</script><script src="/x.js"></script>');
		expect(inlineScriptHashes(html)).toEqual([sha('theme()'), sha('copyLinks()')]);
	});

	it('is not fooled by a body that closes its own marks early', () => {
		const forged = planBodyMarks('something else').end;
		const html = page(`<p>Plan</p>${forged}<script>steal()</script>`);
		expect(inlineScriptHashes(html)).not.toContain(sha('steal()'));
	});

	it('goes where the layout left its place, and the body marks go', () => {
		const built = withContentSecurityPolicy(page('<p>Plan</p>'));
		expect(built).toContain(
			`<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '`,
		);
		expect(built).not.toContain(CSP_PLACEHOLDER);
		expect(built).not.toContain('plans-body');
		expect(withContentSecurityPolicy(built)).toBe(built);
	});
});
