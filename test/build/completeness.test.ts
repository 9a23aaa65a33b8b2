import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

// Three plans: one with every template section (numbered), one Approved with two sections
// missing and four placeholders, and one written to another outline.
let site: BuiltSite;
beforeAll(async () => {
	site = await buildSite(fixture('completeness'), 'completeness');
});

const panel = (page: string) =>
	site.page(`plans/${page}/index.html`).querySelector('.plan-completeness')!;

describe('the completeness panel of a plan page', () => {
	it('sums up sections and placeholders, and opens a checklist that links to each place', () => {
		const orders = panel('orders');
		expect(orders.querySelector('summary')?.textContent).toBe('11 of 13 sections · 4 placeholders');
		expect(orders.getAttribute('data-complete')).toBe('false');
		const items = [...orders.querySelectorAll('.completeness-sections li')];
		expect(items).toHaveLength(13);
		expect(
			items
				.filter((item) => item.getAttribute('data-present') === 'false')
				.map((item) => item.querySelector('span:not(.completeness-mark)')?.textContent),
		).toEqual(['Cost Estimation', 'Open Questions']);
		expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('#executive-summary');
		const placeholders = [...orders.querySelectorAll('.completeness-placeholders li')].map(
			(item) => [
				item.querySelector('code')?.textContent,
				item.querySelector('a')?.getAttribute('href'),
			],
		);
		expect(placeholders).toEqual([
			['[Project Name]', undefined],
			['[e.g., Go]', '#technology-stack'],
			['TBD', '#technology-stack'],
			['empty table', '#timeline--milestones'],
		]);
		// Every link of the panel leads somewhere on the page.
		const page = site.page('plans/orders/index.html');
		for (const link of orders.querySelectorAll('a'))
			expect(
				page.getElementById(link.getAttribute('href')!.slice(1)),
				link.getAttribute('href')!,
			).not.toBeNull();
	});

	it('is complete on a template-shaped plan with numbered headings, and says a plan with no template section follows its own outline', () => {
		expect(panel('complete').querySelector('summary')?.textContent).toBe('13 of 13 sections');
		expect(panel('complete').getAttribute('data-complete')).toBe('true');
		expect(panel('complete').querySelector('a')?.getAttribute('href')).toBe('#1-executive-summary');
		// A plan written to its own outline is not graded against the template's.
		expect(panel('rfc').querySelector('summary')?.textContent).toBe('Own outline');
		expect(panel('rfc').querySelector('.completeness-note')?.textContent).toBe(
			'This plan follows its own outline, not the 13 sections this site expects.',
		);
		expect(panel('rfc').querySelectorAll('.completeness-sections li')).toHaveLength(0);
	});
});

describe('the plans index', () => {
	it('has a sortable completeness column and marks an Approved plan that is incomplete', () => {
		const page = site.page('index.html');
		const rows = [...page.querySelectorAll('.plans-table tbody tr')].map((row) => {
			const cell = row.querySelector('.completeness-cell')!;
			return [
				row.querySelector('a')?.textContent,
				cell.textContent!.trim(),
				Number(cell.getAttribute('data-sort')),
			];
		});
		expect(rows).toEqual([
			['RFC: Tenant relocation', 'Own outline', 0],
			[
				'Technical Plan: [Project Name]',
				'11 of 13 sections · 4 placeholders',
				(11 / 13) * 1000 - 4,
			],
			['Technical Plan: Ledger', '13 of 13 sections', 1000],
		]);
		const approved = [...page.querySelectorAll('.status-column[data-status="accepted"] li')].map(
			(item) => [
				item.querySelector('a')?.textContent,
				item.querySelector('.board-incomplete .sr-only')?.textContent ?? null,
			],
		);
		expect(approved).toEqual([
			['[Project Name]', 'Approved but incomplete: 11 of 13 sections · 4 placeholders'],
			['Ledger', null],
		]);
	});
});

describe('the checker', () => {
	it('warns about each missing section, each placeholder and the incomplete approval, and nothing about another outline', async () => {
		const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
		const bin = join(
			dirname(packageJson),
			JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
		);
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[bin, 'check', '--root', fileURLToPath(fixture('completeness'))],
			{ env: { ...process.env, GITHUB_ACTIONS: '' } },
		);
		expect(stdout.split('\n').filter((line) => line.startsWith('plans/'))).toEqual([
			'plans/orders.md:1:1 warning Section "Cost Estimation" is missing.',
			'plans/orders.md:1:1 warning Section "Open Questions" is missing.',
			'plans/orders.md:1:1 warning The plan is Approved but incomplete: 11 of 13 sections · 4 placeholders.',
			'plans/orders.md:1:19 warning Placeholder left: [Project Name].',
			'plans/orders.md:19:13 warning Placeholder left: [e.g., Go].',
			'plans/orders.md:20:19 warning Placeholder left: TBD.',
			'plans/orders.md:48:1 warning Placeholder left: empty table.',
		]);
		expect(stdout.trim().split('\n').at(-1)).toBe('3 plans, 0 diagrams, 0 errors, 7 warnings');
	});
});
