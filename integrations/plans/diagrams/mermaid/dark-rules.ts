/**
 * The dark style sheet of a Mermaid drawing, cut to what differs from the light one. Mermaid
 * writes both sheets from one template (the same rules, in the same order, for every theme):
 * a property family (`stroke`, `stroke-width` and `stroke-dasharray` are one) whose every
 * declaration is the same in both sheets keeps the light sheet's cascade in the dark theme, so
 * its dark declarations are dropped; a family changed anywhere keeps all of them, so that the
 * dark cascade of that family is exactly what it was. Identical at-rules (keyframes) go too.
 * Sheets that do not line up rule for rule are kept whole.
 *
 * Mermaid's sheets are minified by stylis: blocks, `prop:value;` declarations, no comments.
 * A hand-written reader is enough for that output, and anything else falls back to the whole sheet.
 */
export function darkRulesThatDiffer(lightSheet: string, darkSheet: string): string {
	const light = readBlocks(lightSheet);
	const dark = readBlocks(darkSheet);
	if (!light || !dark || light.length !== dark.length) return darkSheet;
	if (dark.some((block, index) => block.prelude !== light[index]!.prelude)) return darkSheet;
	const changed = changedFamilies(light, dark);
	if (!changed) return darkSheet;
	let kept = '';
	dark.forEach((block, index) => {
		if (block.prelude.startsWith('@')) {
			if (block.body !== light[index]!.body) kept += `${block.prelude}{${block.body}}`;
			return;
		}
		const declarations = block.declarations!.filter(({ property }) =>
			changed.has(familyOf(property)),
		);
		if (declarations.length > 0)
			kept += `${block.prelude}{${declarations.map(({ text }) => `${text};`).join('')}}`;
	});
	return kept;
}

interface Block {
	prelude: string;
	body: string;
	/** A style rule's declarations; none for an at-rule. */
	declarations?: Declaration[];
}

interface Declaration {
	property: string;
	/** `property:value`, as written. */
	text: string;
}

/** The top-level blocks of a sheet, or undefined when it is not shaped as stylis writes it. */
function readBlocks(sheet: string): Block[] | undefined {
	const blocks: Block[] = [];
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
			const prelude = sheet.slice(start, open).trim();
			const body = sheet.slice(open + 1, index);
			const declarations = prelude.startsWith('@') ? undefined : readDeclarations(body);
			if (!prelude.startsWith('@') && !declarations) return undefined;
			blocks.push({ prelude, body, declarations });
			start = index + 1;
		} else if (depth < 0) return undefined;
	}
	return depth === 0 && quote === '' && sheet.slice(start).trim() === '' ? blocks : undefined;
}

function readDeclarations(body: string): Declaration[] | undefined {
	const declarations: Declaration[] = [];
	for (const text of splitOutsideQuotes(body)) {
		if (text.trim() === '') continue;
		const colon = text.indexOf(':');
		if (colon <= 0 || /[{}]/.test(text)) return undefined;
		declarations.push({ property: text.slice(0, colon).trim().toLowerCase(), text: text.trim() });
	}
	return declarations;
}

/** A rule's body split at its semicolons, leaving those in quoted strings. */
function splitOutsideQuotes(body: string): string[] {
	const parts: string[] = [];
	let quote = '';
	let start = 0;
	for (let index = 0; index < body.length; index++) {
		const char = body[index]!;
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") quote = char;
		else if (char === ';') {
			parts.push(body.slice(start, index));
			start = index + 1;
		}
	}
	parts.push(body.slice(start));
	return parts;
}

/**
 * The property families some rule declares differently in the two sheets; undefined when a
 * rule uses `all`, which touches every family.
 */
function changedFamilies(light: Block[], dark: Block[]): Set<string> | undefined {
	const changed = new Set<string>();
	for (const [index, darkBlock] of dark.entries()) {
		const lightDeclarations = light[index]!.declarations;
		if (!lightDeclarations || !darkBlock.declarations) continue;
		const all = [...lightDeclarations, ...darkBlock.declarations];
		if (all.some(({ property }) => property === 'all')) return undefined;
		const written = (declarations: Declaration[], family: string) =>
			declarations
				.filter(({ property }) => familyOf(property) === family)
				.map(({ text }) => text)
				.join(';');
		for (const family of new Set(all.map(({ property }) => familyOf(property))))
			if (written(lightDeclarations, family) !== written(darkBlock.declarations, family))
				changed.add(family);
	}
	return changed;
}

/** `stroke-width` → `stroke`: a shorthand and its longhands change together. */
function familyOf(property: string): string {
	return property.startsWith('--') ? property : property.replace(/^-\w+-/, '').split('-')[0]!;
}
