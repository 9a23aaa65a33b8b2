/**
 * A drawing's markup without the definitions nothing in it refers to. Mermaid defines every
 * marker, filter and icon its diagram type might use (a sequence diagram carries a 13 KB
 * database icon whether or not it has a database), and a marker, symbol, filter, gradient,
 * pattern, clip path or mask is drawn only where something names it (`url(#id)`, `href="#id"`).
 * One is dropped when its id, after a `#`, appears nowhere else in the markup, its style sheet
 * included; one whose element holds another of its own kind is kept.
 *
 * Runs in the page beside `usedRulesOnly`, and uses nothing outside its own body.
 */
export function withoutUnusedDefinitions(markup: string): string {
	const DEFINITION =
		/<(marker|symbol|filter|linearGradient|radialGradient|pattern|clipPath|mask)\b[^>]*?\sid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g;
	const named = (id: string, text: string): boolean => {
		const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return new RegExp(`#${escaped}(?![\\w-])`).test(text);
	};
	let result = markup;
	for (const match of markup.matchAll(DEFINITION)) {
		const [element, tag, id, inner] = match;
		if (inner!.includes(`<${tag}`)) continue;
		const elsewhere = result.replace(element, '');
		if (!named(id!, elsewhere)) result = elsewhere;
	}
	return result.replaceAll('<defs></defs>', '');
}
