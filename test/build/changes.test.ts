import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { copyFixture } from '../helpers/scratch-site.ts';

// The example plans, built once; then one cost row, one milestone date and one status of
// the checkout plan are edited, and the site is built again against the first build's plans.json.
let site: ReturnType<typeof copyFixture>;
let built: BuiltSite;
const example = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

beforeAll(async () => {
	site = copyFixture(fixture('changes'));
	cpSync(example('plans'), site.path('plans'), { recursive: true });
	// The MDX plan imports a component of the example site.
	cpSync(example('src/components'), site.path('src/components'), { recursive: true });
	const before = await buildSite(site.root, 'before');
	writeFileSync(site.path('previous-plans.json'), before.file('plans.json'));

	const plan = site.path('plans/checkout-service.md');
	const edited = readFileSync(plan, 'utf8')
		.replace('**Status**: Approved', '**Status**: In Review')
		.replace(
			'| Compute | Amazon EKS (m7g.xlarge) | 6 nodes + control plane | $1,250 |',
			'| Compute | Amazon EKS (m7g.xlarge) | 6 nodes + control plane | $1,550 |',
		)
		.replace(
			'| Beta (5% of DE traffic) | 2026-11-13 |',
			'| Beta (5% of DE traffic) | 2026-11-27 |',
		);
	writeFileSync(plan, edited);
	process.env.PLANS_PREVIOUS = 'previous-plans.json';
	built = await buildSite(site.root, 'after');
});

afterAll(() => {
	delete process.env.PLANS_PREVIOUS;
	site?.remove();
});

const itemsOf = (list: Element) =>
	[...list.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());

describe('completeness of the example plans', () => {
	it('finds every template section in each of them', () => {
		for (const page of [
			'checkout-service',
			'identity',
			'platform/observability',
			'platform/search-indexing',
		]) {
			expect(
				built.page(`plans/${page}/index.html`).querySelector('.plan-completeness summary')
					?.textContent,
				page,
			).toBe('13 of 13 sections');
		}
	});
});

describe('changes since the last deploy', () => {
	it('/changes/ shows exactly the three edits of the one plan that changed, each linking to its row', () => {
		const page = built.page('changes/index.html');
		const changes = [...page.querySelectorAll('.change')];
		expect(changes.map((change) => change.querySelector('h2 a')?.getAttribute('href'))).toEqual([
			'/plans/checkout-service/',
		]);
		expect(itemsOf(changes[0]!.querySelector('.change-list')!)).toEqual([
			'Status: Approved → In Review',
			'Cost +$300/mo: Compute +$300',
			'Milestone Beta (5% of DE traffic) moved +14 days (2026-11-13 → 2026-11-27)',
		]);
		const plan = built.page('plans/checkout-service/index.html');
		for (const link of changes[0]!.querySelectorAll('.change-list a')) {
			const [, anchor] = link.getAttribute('href')!.split('#');
			expect(plan.getElementById(anchor!), anchor).not.toBeNull();
		}
	});

	it('the changed plan has a "Since last deploy" box with the same three lines; the others have none', () => {
		const box = built.page('plans/checkout-service/index.html').querySelector('.plan-changes')!;
		expect(itemsOf(box.querySelector('.change-list')!)).toEqual([
			'Status: Approved → In Review',
			'Cost +$300/mo: Compute +$300',
			'Milestone Beta (5% of DE traffic) moved +14 days (2026-11-13 → 2026-11-27)',
		]);
		expect(box.querySelector('.change-cost a')?.getAttribute('href')).toBe('#cost-compute');
		expect(built.page('plans/identity/index.html').querySelector('.plan-changes')).toBeNull();
	});

	it('the checker prints the same changes and writes them to the GitHub job summary', async () => {
		const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
		const bin = join(
			dirname(packageJson),
			JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
		);
		const summary = join(mkdtempSync(join(tmpdir(), 'plans-summary-')), 'summary.md');
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[bin, 'check', '--root', fileURLToPath(site.root), '--against', 'previous-plans.json'],
			{
				env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: summary },
			},
		);
		expect(stdout).toContain(
			'\nChanges against previous-plans.json:\ncheckout-service: status Approved → In Review · +$300/mo (Compute +$300) · milestone Beta (5% of DE traffic) moved +14 days\n',
		);
		expect(readFileSync(summary, 'utf8')).toBe(
			'### Plan changes since the last deploy\n\n- **`checkout-service`**: status Approved → In Review · +$300/mo (Compute +$300) · milestone Beta (5% of DE traffic) moved +14 days\n',
		);
	});
});
