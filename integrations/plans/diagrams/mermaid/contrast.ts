/**
 * Keeps labels readable on the fills authors give their shapes (`style A fill:#ffc`): Mermaid
 * colours text by its theme whatever the fill, so a pale node got light text in the dark theme.
 * A label whose contrast with an author's fill under it is below 4.5:1 (WCAG AA) gets black or
 * white text, whichever reads better. Mermaid writes authors' fills (`style`, `classDef`) as
 * `!important` declarations, its themes' without: the themes' own colours are left as they are.
 *
 * Runs in the page, on an SVG in the document (colours and boxes come from layout), and uses
 * nothing outside its own body, as the renderer sends its text to the page.
 */
export function readableLabels(svg: SVGSVGElement): boolean {
	const MINIMUM = 4.5;
	const SHAPES =
		':scope > rect, :scope > path, :scope > polygon, :scope > circle, :scope > ellipse, :scope > g > rect, :scope > g > path, :scope > g > polygon';
	const rgb = (color: string): number[] | undefined => {
		const parts = /^rgba?\(([^)]+)\)$/
			.exec(color.trim())?.[1]
			?.split(/[\s,/]+/)
			.filter(Boolean)
			.map(Number);
		if (!parts || parts.length < 3 || (parts[3] !== undefined && parts[3] < 1)) return undefined;
		return parts.slice(0, 3);
	};
	const luminance = (channels: number[]): number => {
		const [r, g, b] = channels.map((value) => {
			const c = value / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	const contrast = (a: number[], b: number[]): number => {
		const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (light! + 0.05) / (dark! + 0.05);
	};
	const authorRules = [...svg.querySelectorAll('style')]
		.flatMap((style) => [...(style.sheet?.cssRules ?? [])])
		.filter(
			(rule): rule is CSSStyleRule =>
				rule instanceof CSSStyleRule && rule.style.getPropertyPriority('fill') === 'important',
		);
	const authorFilled = (shape: Element): boolean =>
		(shape as SVGElement).style.getPropertyPriority('fill') === 'important' ||
		authorRules.some((rule) => shape.matches(rule.selectorText));
	/** The opaque fill an author gave the shape painted under a point, from the shapes beside the label's own branches. */
	const fillUnder = (label: Element, x: number, y: number): number[] | undefined => {
		let branch: Element = label;
		for (let level = 0; level < 5 && branch.parentElement && branch !== svg; level++) {
			const parent: Element = branch.parentElement;
			const under = [...parent.querySelectorAll(SHAPES)].filter((shape) => {
				if (!(shape.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING))
					return false;
				const box = shape.getBoundingClientRect();
				return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
			});
			const shape = under.at(-1);
			if (shape)
				return authorFilled(shape) && Number(getComputedStyle(shape).fillOpacity) >= 1
					? rgb(getComputedStyle(shape).fill)
					: undefined;
			branch = parent;
		}
		return undefined;
	};
	let changed = false;
	const labels = [...svg.querySelectorAll('text, foreignObject *')].filter((element) =>
		[...element.childNodes].some(
			(node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
		),
	);
	for (const label of labels) {
		const box = label.getBoundingClientRect();
		if (box.width === 0) continue;
		const fill = fillUnder(label, box.left + box.width / 2, box.top + box.height / 2);
		const property = label instanceof SVGElement ? 'fill' : 'color';
		const text = rgb(getComputedStyle(label)[property]);
		if (!fill || !text || contrast(fill, text) >= MINIMUM) continue;
		const better = contrast(fill, [0, 0, 0]) >= contrast(fill, [255, 255, 255]) ? '#000' : '#fff';
		(label as HTMLElement | SVGElement).style.setProperty(property, better, 'important');
		changed = true;
	}
	return changed;
}
