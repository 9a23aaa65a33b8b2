import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { visitHast, visitMdast } from './visit.ts';

/** A piece of HTML that may hold a link target: only those are parsed. */
const MAY_HOLD_TARGET = /\s(?:id|name)\s*=/i;

/** What an MDX plan's JSX element (`<a id="x" />`) holds, as remark-mdx builds it. */
interface JsxElement {
	name: string | null;
	attributes: Array<{ type: string; name?: string; value?: unknown }>;
}

/**
 * The link targets a plan makes in its own HTML: every element's `id`, and the `name` of an
 * `<a>` (`<a id="defid"></a>`, `<a name="x"></a>`: what the browser scrolls to for `#defid`
 * and `#x`, as on GitHub). Read from raw HTML in Markdown plans (after sanitising, so only
 * what the page keeps) and from JSX elements with a written value in MDX plans. Sorted.
 */
export function collectHtmlAnchors(tree: Root): string[] {
	const anchors = new Set<string>();
	visitMdast(tree, (node) => {
		const targets =
			node.type === 'html'
				? MAY_HOLD_TARGET.test(node.value)
					? htmlTargets(fromHtml(node.value, { fragment: true }))
					: []
				: node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
					? jsxTargets(node as unknown as JsxElement)
					: [];
		for (const target of targets) anchors.add(target);
	});
	return [...anchors].sort();
}

function htmlTargets(fragment: HastRoot): string[] {
	const targets: string[] = [];
	visitHast(fragment, 'element', (element) => {
		const { id, name } = element.properties;
		if (typeof id === 'string' && id) targets.push(id);
		if (element.tagName === 'a' && typeof name === 'string' && name) targets.push(name);
	});
	return targets;
}

function jsxTargets(element: JsxElement): string[] {
	return element.attributes
		.filter(
			(attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				(attribute.name === 'id' || (attribute.name === 'name' && element.name === 'a')),
		)
		.map((attribute) => attribute.value)
		.filter((value): value is string => typeof value === 'string' && value !== '');
}
