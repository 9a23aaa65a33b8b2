import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlanRenderer } from '#plans/markdown/pipeline.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { defaultRenderSettings } from '../../helpers/render-settings.ts';

const folder = mkdtempSync(join(import.meta.dirname, '../../../.tmp/alerts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function render(markdown: string): Promise<DocumentFragment> {
	const renderer = await createPlanRenderer(defaultRenderSettings(folder, join(folder, 'mermaid')));
	return JSDOM.fragment(
		(await renderer.render(parseMarkdown(markdown), join(folder, 'plan.md'))).html,
	);
}

describe('GitHub alerts in a plan', () => {
	it('become GitHub’s callouts, each with its icon and title, and the marker is not shown', async () => {
		const types = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];
		const page = await render(
			types.map((type) => `> [!${type}]\n> Read this *first*.\n`).join('\n'),
		);
		const alerts = [...page.querySelectorAll('div.markdown-alert')];
		expect(alerts.map((alert) => alert.className)).toEqual(
			types.map((type) => `markdown-alert markdown-alert-${type.toLowerCase()}`),
		);
		expect(
			alerts.map((alert) => alert.querySelector('.markdown-alert-title')!.textContent),
		).toEqual(['Note', 'Tip', 'Important', 'Warning', 'Caution']);
		for (const alert of alerts) {
			expect(alert.querySelector('.markdown-alert-title svg')!.getAttribute('aria-hidden')).toBe(
				'true',
			);
			expect(alert.querySelector('p:not(.markdown-alert-title)')!.innerHTML).toBe(
				'Read this <em>first</em>.',
			);
		}
		expect(page.textContent).not.toContain('[!');
		expect(page.querySelector('blockquote')).toBeNull();
	});

	it('are only what GitHub takes for one: a quote inside a list, or with an unknown marker, stays a quote', async () => {
		const page = await render(
			'- Item\n\n  > [!NOTE]\n  > In a list.\n\n> [!HINT]\n> Not a kind GitHub knows.\n\n> Plain quote.\n',
		);
		expect(page.querySelector('.markdown-alert')).toBeNull();
		expect(page.querySelectorAll('blockquote')).toHaveLength(3);
	});
});
