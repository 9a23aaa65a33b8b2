import type { Locator } from 'playwright-core';

/**
 * The height, on screen, of each label of a figure's visible drawing: its font size times the
 * scale the drawing is shown at (its viewBox and transforms).
 */
export function labelSizes(figure: Locator): Promise<number[]> {
	return figure.locator('.diagram-canvas svg:visible').evaluate((svg) =>
		[...svg.querySelectorAll('text')]
			.filter((text) => text.textContent!.trim() !== '')
			.map((text) => {
				const { a, b, c, d } = text.getScreenCTM()!;
				return parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(a * d - b * c));
			}),
	);
}

/** Whether a figure's drawing is wider than its box, which then scrolls sideways. */
export function scrollsSideways(figure: Locator): Promise<boolean> {
	return figure
		.locator('.diagram-canvas')
		.evaluate((canvas) => canvas.scrollWidth > canvas.clientWidth);
}
