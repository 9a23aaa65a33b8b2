import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepPreviousLinks } from '#plans/redirects/publish.ts';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';

let site: BuiltSite;
let page: Document;
beforeAll(async () => {
	site = await buildSite(fixture('facts'), 'facts');
	page = site.page('plans/ledger/index.html');
});

describe('plan facts on the page', () => {
	it('shows the computed total per currency and a note where the written total does not add up', () => {
		const [usd, eur] = [...page.querySelectorAll('table.cost-table')];
		expect(usd!.querySelector('tr.cost-computed td.cost-cell')!.textContent).toBe(
			'at least $576–$590/mo',
		);
		const note = usd!.closest('.table-scroll')!.nextElementSibling!;
		expect(note.className).toBe('cost-mismatch');
		expect(note.textContent).toBe(
			'Total does not add up: written $500/mo, rows sum to at least $576–$590/mo.',
		);
		expect(eur!.querySelector('tr.cost-computed td.cost-cell')!.textContent).toBe('€420/mo');
		expect(eur!.closest('.table-scroll')!.nextElementSibling!.className).not.toBe('cost-mismatch');
	});

	it('draws a bar chart of cost by component whose bars link to their rows', () => {
		const chart = page.querySelector('figure.cost-chart svg')!;
		expect(chart.getAttribute('role')).toBe('group');
		expect(chart.querySelector('title')!.textContent).toBe('Monthly cost by component');
		const links = [...chart.querySelectorAll('a')].map((a) => a.getAttribute('href'));
		// The TBD row has no bar; every bar points at a row that exists.
		expect(links).toEqual(['#cost-compute', '#cost-database', '#cost-backups']);
		for (const href of links) expect(page.getElementById(href!.slice(1))!.tagName).toBe('TR');
		expect(chart.textContent).toContain('$46–$60/mo');
		expect(site.file('plans/ledger/index.html')).not.toMatch(/NaN|Infinity|undefined/);
	});

	it('charts the scaling projection from today’s total', () => {
		const chart = page.querySelector('figure.scaling-chart svg')!;
		const text = chart.textContent!;
		expect(text.indexOf('Now')).toBeLessThan(text.indexOf('6 months'));
		expect(text).toContain('$900/mo');
		expect(text).toContain('$1,600/mo');
	});

	it('places every risk on a 4×4 matrix (a Critical impact) with dots linking to numbered rows', () => {
		const matrix = page.querySelector('figure.risk-matrix svg')!;
		const dots = [...matrix.querySelectorAll('a')];
		expect(dots.map((a) => a.getAttribute('href'))).toEqual([
			'#risk-double-posting',
			'#risk-lock-contention',
			'#risk-reconciliation-lag',
		]);
		expect(matrix.textContent).toContain('Critical');
		expect(page.querySelector('#risk-lock-contention .risk-number')!.textContent).toBe('2');
	});

	it('gives extracted rows an id and a # link (the page script adds their copy-link button)', () => {
		for (const id of [
			'tech-go',
			'tech-postgres',
			'tech-stripe',
			'milestone-shadow-writes',
			'question-which-currency-precision-do-we-store',
			'term-posting',
			'approval-bo-chen',
		]) {
			const row = page.getElementById(id);
			expect(row, id).not.toBeNull();
			expect(row!.querySelector(`a.row-anchor[href="#${id}"]`), id).not.toBeNull();
		}
	});

	it('shows who approved and who is pending in the plan header', () => {
		const items = [...page.querySelectorAll('.plan-header .plan-approvals li')].map((li) => [
			li.querySelector('.approval-mark')!.getAttribute('data-status'),
			li.querySelector('a')!.textContent!.trim(),
			li.querySelector('a')!.getAttribute('href'),
		]);
		expect(items).toEqual([
			['approved', 'Ana Lima (Tech Lead)', '#approval-ana-lima'],
			['changes-requested', 'Bo Chen (Security)', '#approval-bo-chen'],
			['pending', 'Cy Park (DevOps)', '#approval-cy-park'],
		]);
		expect(page.querySelector('.plan-header .approval-count')!.textContent).toBe('(1 of 3)');
	});
});

describe('plans.json', () => {
	it('exports the facts, valid against plans.schema.json, with stable key order', () => {
		const exported = JSON.parse(site.file('plans.json'));
		const validate = new Ajv2020({ strict: false }).compile(
			JSON.parse(site.file('plans.schema.json')),
		);
		expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
		const [ledger] = exported.plans;
		expect(
			ledger.technologies.map((technology: { key: string; major?: string; layer: string }) => [
				technology.key,
				technology.major,
				technology.layer,
			]),
		).toEqual([
			['go', '1', 'backend'],
			['postgresql', '16', 'backend'],
			['stripe', undefined, 'third-party'],
		]);
		expect(ledger.milestones.map((milestone: { dueDate?: string }) => milestone.dueDate)).toEqual([
			'2026-10-15',
			'2027-03-31',
		]);
		expect(ledger.questions[0]).toMatchObject({
			owner: 'Ana',
			dueDate: '2026-11-20',
			status: 'open',
		});
		expect(ledger.glossary).toEqual([
			{
				term: 'Posting',
				definition: 'One side of a double entry.',
				anchor: 'term-posting',
				line: 78,
				section: 'glossary',
			},
		]);
		expect(ledger.approvals.map((approval: { status: string }) => approval.status)).toEqual([
			'approved',
			'changes-requested',
			'pending',
		]);
		expect(
			ledger.costs.map((table: { totals: object; period?: string; periodFrom?: string }) => [
				table.period,
				table.periodFrom,
				table.totals,
			]),
		).toEqual([
			[
				'month',
				'heading',
				{ monthly: { USD: { low: 576, high: 590, atLeast: true } }, oneTime: {}, unstated: {} },
			],
			[
				'month',
				'cells',
				{ monthly: { EUR: { low: 420, high: 420, atLeast: false } }, oneTime: {}, unstated: {} },
			],
		]);
		expect(ledger.costs[0].items[0]).toMatchObject({
			component: 'Compute',
			inTotal: true,
			cost: { low: 210, monthlyLow: 210, period: 'month' },
		});
		// The plan's money over all its tables: the run-rate per month and per year, each currency
		// apart; the TBD support row could cost any currency, so each sum is a lower bound.
		expect(ledger.costTotals).toEqual({
			monthly: {
				USD: { low: 576, high: 590, atLeast: true },
				EUR: { low: 420, high: 420, atLeast: true },
			},
			yearly: {
				USD: { low: 6912, high: 7080, atLeast: true },
				EUR: { low: 5040, high: 5040, atLeast: true },
			},
			oneTime: {},
			unstated: {},
		});
		expect(ledger.scaling.map((point: { label: string }) => point.label)).toEqual([
			'6 months',
			'12 months',
		]);
		expect(Object.keys(ledger.risks[0])).toEqual([
			'risk',
			'likelihood',
			'impact',
			'mitigation',
			'owner',
			'anchor',
			'line',
			'section',
		]);
	});
});

describe('anchors.json', () => {
	it('lists every heading and row anchor of each plan page, each of which exists on the page', () => {
		const { pages } = JSON.parse(site.file('anchors.json'));
		expect(Object.keys(pages)).toEqual(['/plans/ledger/']);
		const anchors: string[] = pages['/plans/ledger/'];
		expect(anchors).toContain('cost-estimation');
		expect(anchors).toContain('risk-double-posting');
		expect(anchors).toContain('costs-infrastructure-costs-monthly');
		expect(anchors).toEqual([...anchors].sort());
		for (const anchor of anchors) expect(page.getElementById(anchor), anchor).not.toBeNull();
	});

	it('warns for every anchor of the previous deploy that lost its place, from its anchors.json alone', async () => {
		const messages: string[] = [];
		const logger = {
			// Whether the repository is a shallow clone depends on how it was checked out.
			warn: (message: string) => message.includes('shallow git clone') || messages.push(message),
			info: () => {},
		} as unknown as AstroIntegrationLogger;
		const outDir = await mkdtemp(join(tmpdir(), 'facts-kept-'));
		await cp(site.outDir, outDir, { recursive: true });
		const options = {
			outDir,
			root: fileURLToPath(fixture('facts')),
			plansDir: fileURLToPath(new URL('plans/', fixture('facts'))),
			previousPlans: undefined,
			site: undefined,
			base: '/',
			trailingSlash: 'ignore' as const,
			logger,
			summaryFile: undefined,
		};
		await keepPreviousLinks({ ...options, previousAnchors: 'previous-anchors.json' });
		expect(messages).toEqual([
			'/plans/retired/ is no longer published: its links land on a notice pointing to the plans index.',
			'plans/ledger.md: #tech-rust is gone; its links land on the top of the page.',
		]);
		await keepPreviousLinks({ ...options, previousAnchors: 'missing.json' });
		expect(messages.at(-1)).toMatch(/^Could not read the previous deploy from missing.json/);
		await rm(outDir, { recursive: true, force: true });
	});
});
