import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
	id: string;
	impact: string;
	help: string;
	nodes: Array<{ target: string[] }>;
}

/** Serious and critical axe-core violations of a page, or of the elements `selector` finds in it, as readable lines. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
	// Blocks off screen are skipped by content-visibility; axe must see every one of them.
	await page.addStyleTag({
		content: '.plan-content > * { content-visibility: visible !important; }',
	});
	// Evaluated by the browser's debugger, which the pages' Content-Security-Policy does not govern.
	await page.evaluate(readFileSync(axeSource, 'utf8'));
	const violations = await page.evaluate(async (include) => {
		const axe = (
			window as unknown as {
				axe: { run: (context: object, options: object) => Promise<{ violations: AxeViolation[] }> };
			}
		).axe;
		const result = await axe.run(include ? { include: [include] } : document, {
			resultTypes: ['violations'],
		});
		return result.violations;
	}, selector);
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map(
			(violation) =>
				`${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
					.slice(0, 3)
					.map((node) => node.target.join(' '))
					.join(', ')}`,
		);
}
