import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

/** An inline script: no `src`, so its text is what runs. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy of a page whose own inline scripts have these hashes.
 * - Scripts: the site's own files and exactly the inline scripts of its pages, outside the
 *   plans' bodies. An author's `<script>` (with `sanitize: false`) or event handler does not run. Pagefind's
 *   search runs WebAssembly, which `'wasm-unsafe-eval'` allows (it cannot evaluate text).
 * - Styles may be inline: diagrams carry their own `<style>` and style attributes, and CSS
 *   runs no code. An author's `<style>` is removed by the sanitiser.
 * - Images may come from anywhere https, as plans link remote images; nothing else may load
 *   from another origin, and no page can be framed into ours or submit a form elsewhere.
 */
export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
	const scripts = [...new Set(scriptHashes)].sort().map((hash) => `'sha256-${hash}'`);
	return [
		"default-src 'self'",
		['script-src', "'self'", "'wasm-unsafe-eval'", ...scripts].join(' '),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: https:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self' blob:",
		"frame-src 'none'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/**
 * A Markdown plan's body between two comments that name the SHA-256 of the body: no author can
 * write the closing one inside it, so what lies between is exactly the author's content.
 */
const PLAN_BODY = /<!--plans-body:([\da-f]{64})-->[\s\S]*?<!--\/plans-body:\1-->/g;
const PLAN_BODY_MARK = /<!--\/?plans-body:[\da-f]{64}-->/g;

/** The comments that mark a plan's body in a built page, until the build reads them. */
export function planBodyMarks(body: string): { start: string; end: string } {
	const digest = createHash('sha256').update(body).digest('hex');
	return { start: `<!--plans-body:${digest}-->`, end: `<!--/plans-body:${digest}-->` };
}

/** The base64 SHA-256 of each inline script of the page's own, as CSP hashes them: none of a plan's body. */
export function inlineScriptHashes(html: string): string[] {
	return [...html.replace(PLAN_BODY, '').matchAll(INLINE_SCRIPT)].map(([, text]) =>
		createHash('sha256').update(text!).digest('base64'),
	);
}

/** What the plan site's layout puts where the policy goes; the build fills it in. */
export const CSP_PLACEHOLDER = 'plans-content-security-policy';

/** The page with its policy in place of the layout's placeholder, and without body marks. */
export function withContentSecurityPolicy(html: string): string {
	const policy = contentSecurityPolicy(inlineScriptHashes(html));
	return html
		.replace(`content="${CSP_PLACEHOLDER}"`, () => `content="${policy}"`)
		.replace(PLAN_BODY_MARK, '');
}

/**
 * Gives every page of the plan site (the pages with its layout) its policy; the site's own
 * pages are left as they are. Every page read is shown to `onPage` as it is left (its path in
 * `outDir`, with `/`), so that later passes need not read it again. Returns how many pages got
 * a policy.
 */
export async function addContentSecurityPolicy(
	outDir: string,
	onPage?: (page: string, html: string) => void,
): Promise<number> {
	const pages = await glob('**/*.html', { cwd: outDir });
	let secured = 0;
	await eachAtOnce(pages, PAGES_AT_ONCE, async (page) => {
		const file = join(outDir, page);
		const html = await readFile(file, 'utf8');
		if (!html.includes(CSP_PLACEHOLDER)) {
			onPage?.(page, html);
			return;
		}
		const securedHtml = withContentSecurityPolicy(html);
		onPage?.(page, securedHtml);
		await writeFile(file, securedHtml);
		secured++;
	});
	return secured;
}

/**
 * Pages read and written at once: enough to keep the disk busy, few enough that memory does
 * not grow with the site (all at once, 10,000 plan pages exhausted a 4 GB heap).
 */
const PAGES_AT_ONCE = 32;

/** Runs `task` on every item, at most `limit` at a time. */
async function eachAtOnce<Item>(
	items: readonly Item[],
	limit: number,
	task: (item: Item) => Promise<void>,
): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
