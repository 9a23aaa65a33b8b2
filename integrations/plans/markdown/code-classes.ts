import type { Element, ElementContent } from 'hast';

/** A Shiki variable, `--shiki-light:#CF222E`, the kind of declaration moved to a class. */
const SHIKI_VARIABLE = /^(--shiki-[\w-]+)\s*:\s*(.+)$/;

/**
 * Shiki's token colours by class. With two themes Shiki writes each token's colours into its
 * style (`--shiki-light:#CF222E;--shiki-dark:#FF7B72`, about fifty bytes a token, most of the
 * weight of highlighted code). Here a token whose colour variables are those it inherits (the
 * block's own, usually the commonest colour) loses them, and every other set of colour
 * variables becomes a class (`t0`, `t1`, … in order of first use), defined once in the sheet
 * returned; a token left with nothing of its own becomes its text. Other declarations (a single
 * theme's `color`, font styles) stay where Shiki wrote them, so a site's own CSS for Shiki
 * applies as before.
 */
export function tokenColoursByClass(blocks: Element[]): string | undefined {
	const classes = new Map<string, string>();
	for (const pre of blocks) {
		const inherited = shikiVariables(pre.properties.style);
		for (const child of pre.children) moveColoursToClasses(child, inherited, classes);
	}
	if (classes.size === 0) return undefined;
	return [...classes].map(([variables, name]) => `.astro-code .${name}{${variables}}`).join('');
}

function moveColoursToClasses(
	node: ElementContent,
	inherited: Map<string, string>,
	classes: Map<string, string>,
): void {
	if (node.type !== 'element') return;
	const own = shikiVariables(node.properties.style);
	const changed = [...own].filter(([name, value]) => !sameValue(inherited.get(name), value));
	if (own.size > 0) {
		const rest = otherDeclarations(node.properties.style);
		if (rest) node.properties.style = rest;
		else delete node.properties.style;
		if (changed.length > 0) {
			const variables = changed.map(([name, value]) => `${name}:${value}`).join(';');
			if (!classes.has(variables)) classes.set(variables, `t${classes.size}`);
			const className = Array.isArray(node.properties.className) ? node.properties.className : [];
			node.properties.className = [...className, classes.get(variables)!];
		}
	}
	const below = new Map([...inherited, ...changed]);
	for (const child of node.children) moveColoursToClasses(child, below, classes);
	node.children = node.children.flatMap((child) => (isBareText(child) ? child.children : [child]));
}

/** A span left with nothing of its own but text: its text alone looks the same. */
function isBareText(
	node: ElementContent,
): node is Element & { children: Array<ElementContent & { type: 'text' }> } {
	return (
		node.type === 'element' &&
		node.tagName === 'span' &&
		Object.keys(node.properties).length === 0 &&
		node.children.every((child) => child.type === 'text')
	);
}

/** The Shiki variables of a style attribute, by name. */
function shikiVariables(style: unknown): Map<string, string> {
	const variables = new Map<string, string>();
	for (const declaration of declarations(style)) {
		const [, name, value] = SHIKI_VARIABLE.exec(declaration) ?? [];
		if (name && value) variables.set(name, value);
	}
	return variables;
}

function otherDeclarations(style: unknown): string {
	return declarations(style)
		.filter((declaration) => !SHIKI_VARIABLE.test(declaration))
		.join(';');
}

function declarations(style: unknown): string[] {
	if (typeof style !== 'string') return [];
	return style
		.split(';')
		.map((declaration) => declaration.trim())
		.filter(Boolean);
}

/** Hex colours are the same whatever their case: the block writes `#1f2328`, its tokens `#1F2328`. */
function sameValue(inherited: string | undefined, value: string): boolean {
	if (inherited === undefined) return false;
	return /^#[\da-f]+$/i.test(value)
		? inherited.toLowerCase() === value.toLowerCase()
		: inherited === value;
}
