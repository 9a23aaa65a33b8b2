import { CSP_PLACEHOLDER, withContentSecurityPolicy } from '../security/csp.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Redirect lines for hosts that read `_redirects` (Netlify, Cloudflare Pages): a 301 each. */
export function redirectsFile(redirects: ReadonlyMap<string, string>): string {
	return [...redirects]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([from, to]) => `${from} ${to} 301\n`)
		.join('');
}

/**
 * The page served at a moved plan's old URL: it opens the new one with the old link's query
 * and `#anchor` (a script; without one, the refresh still opens the page), tells search
 * engines where the page is now, and is not indexed itself.
 */
export function redirectPage(to: string, canonical: string, title: string): string {
	const target = escapeHtml(to);
	return withContentSecurityPolicy(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${CSP_PLACEHOLDER}">
<title>${escapeHtml(title)} (moved)</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<script>location.replace(${JSON.stringify(to).replace(/</g, '\\u003c')} + location.search + location.hash)</script>
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This plan moved: <a href="${target}">${escapeHtml(title)}</a>.</p>
</body>
</html>
`);
}

/**
 * The page served at a removed plan's old URL: what was there, and the way to the other plans.
 * It is the site's own 404 page (`shell`) with this notice in its `<main>`, when there is one.
 */
export function removedPage(title: string, plansIndex: string, shell?: string): string {
	const notice = `<h1>${escapeHtml(title)}</h1>
<p>This plan is no longer published. <a href="${escapeHtml(plansIndex)}">See all plans</a>.</p>`;
	const main = shell && /(<main\b[^>]*>)[\s\S]*?(<\/main>)/.exec(shell);
	if (shell && main) {
		return shell
			.replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(title)} (removed)</title>`)
			.replace('</title>', () => '</title><meta name="robots" content="noindex">')
			.replace(main[0], () => `${main[1]}${notice}${main[2]}`);
	}
	return withContentSecurityPolicy(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${CSP_PLACEHOLDER}">
<title>${escapeHtml(title)} (removed)</title>
<meta name="robots" content="noindex">
</head>
<body>
<main>
${notice}
</main>
</body>
</html>
`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `html` with an empty element for each old id, at the start of the element that has the id
 * its links land on now (in a row, inside its first cell), so the old link scrolls there
 * without a script. Returns the ids whose target is not on the page.
 */
export function withAnchorAliases(
	html: string,
	aliases: ReadonlyMap<string, string>,
): { html: string; missing: string[] } {
	const byTarget = new Map<string, string[]>();
	for (const [old, target] of aliases) byTarget.set(target, [...(byTarget.get(target) ?? []), old]);
	const missing: string[] = [];
	let result = html;
	for (const [target, olds] of byTarget) {
		const opening = new RegExp(`<([a-zA-Z][\\w-]*)\\b[^>]*?\\sid="${escapeRegExp(target)}"[^>]*>`);
		const match = opening.exec(result);
		if (!match) {
			missing.push(...olds);
			continue;
		}
		const spans = olds
			.map((old) => `<span id="${escapeHtml(old)}" class="anchor-alias"></span>`)
			.join('');
		let at = match.index + match[0].length;
		if (match[1]!.toLowerCase() === 'tr') {
			const cell = /<t[dh]\b[^>]*>/i.exec(result.slice(at));
			if (cell) at += cell.index + cell[0].length;
		}
		result = result.slice(0, at) + spans + result.slice(at);
	}
	return { html: result, missing };
}
