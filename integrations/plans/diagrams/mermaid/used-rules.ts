/**
 * A drawing's markup with its style sheet cut to the rules that style something in it.
 * Mermaid writes every rule its diagram type might need (error icons, edge animations, the
 * "neo" look, popup menus) into every drawing: on a plan page more than half of a sheet
 * matches nothing. A style rule is kept when its selector, without the pseudo-classes of a
 * reader's actions and without pseudo-elements, matches the drawing or an element in it, and
 * when the browser cannot read it; `@keyframes` are kept while a kept rule names them, other
 * at-rules always. A sheet not shaped as Mermaid's minifier (stylis) writes it is left whole.
 *
 * Runs in the page, on the drawing `svg` in the document whose markup is `markup`, and uses
 * nothing outside its own body, as the renderer sends its text to the page.
 */
export function usedRulesOnly(markup: string, svg: SVGSVGElement): string {
	const style = /(<style>)([\s\S]*?)(<\/style>)/.exec(markup);
	if (!style) return markup;
	const sheet = style[2]!;
	// Top-level blocks as `readBlocks` in dark-rules.ts reads them, written out again: this runs in the page.
	const blocks: Array<{ prelude: string; text: string }> = [];
	let start = 0;
	let depth = 0;
	let open = -1;
	let quote = '';
	for (let index = 0; index < sheet.length; index++) {
		const char = sheet[index]!;
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '{' && depth++ === 0) open = index;
		else if (char === '}' && --depth === 0) {
			blocks.push({
				prelude: sheet.slice(start, open).trim(),
				text: sheet.slice(start, index + 1),
			});
			start = index + 1;
		} else if (depth < 0) return markup;
	}
	if (depth !== 0 || quote !== '' || sheet.slice(start).trim() !== '') return markup;
	// What a static drawing never is in, until a reader hovers, focuses or follows a link.
	const ACTIONS =
		/::?(?:before|after|first-line|first-letter|marker|selection|placeholder|hover|active|focus-visible|focus-within|focus|visited|any-link|link|target)\b/gi;
	// The markup may carry the sheet escaped (a drawing serialised by the browser).
	const unescaped = (text: string) =>
		text
			.replaceAll('&gt;', '>')
			.replaceAll('&lt;', '<')
			.replaceAll('&quot;', '"')
			.replaceAll('&amp;', '&');
	const styles = (prelude: string): boolean => {
		const selector = unescaped(prelude).replace(ACTIONS, '');
		try {
			return svg.matches(selector) || svg.querySelector(selector) !== null;
		} catch {
			return true;
		}
	};
	const rules = blocks.filter(({ prelude }) => prelude.startsWith('@') || styles(prelude));
	const named = rules
		.filter(({ prelude }) => !prelude.startsWith('@'))
		.map(({ text }) => text)
		.join('');
	const kept = rules.filter(({ prelude }) => {
		const keyframes = /^@(?:-\w+-)?keyframes\s+(\S+)$/.exec(prelude);
		if (!keyframes) return true;
		const name = keyframes[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return new RegExp(`[:\\s,]${name}(?![\\w-])`).test(named);
	});
	const text = kept.map((block) => block.text).join('');
	return (
		markup.slice(0, style.index) +
		style[1] +
		text +
		style[3] +
		markup.slice(style.index + style[0].length)
	);
}
