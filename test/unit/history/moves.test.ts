import type { AstroIntegrationLogger } from 'astro';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followMoves, readPlansHistory } from '#plans/history/plan-history.ts';

const gitMoves = async (repository: string, plansDir: string) => {
	const history = await readPlansHistory(repository, plansDir);
	return history && { moves: history.moves, shallow: history.shallow };
};
import { keepPreviousLinks } from '#plans/redirects/publish.ts';

// A repository made here: a plan committed, then moved with `git mv` and rewritten so that
// neither its title nor its content tells it is the same plan; only git knows.
let repo: string;
const git = (...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
		cwd: repo,
	});
const write = (path: string, text: string) => {
	mkdirSync(join(repo, path, '..'), { recursive: true });
	writeFileSync(join(repo, path), text);
};

beforeAll(() => {
	repo = mkdtempSync(join(tmpdir(), 'plans-git-'));
	git('init', '-q');
	write('docs/plans/payments/checkout.md', '# Checkout\n\n## Summary\n\nPays for orders.\n');
	write('docs/plans/identity.md', '# Identity\n');
	git('add', '.');
	git('commit', '-qm', 'plans');
	mkdirSync(join(repo, 'docs/plans/commerce'));
	git('mv', 'docs/plans/payments/checkout.md', 'docs/plans/commerce/orders.md');
	git('commit', '-qm', 'move');
	git('mv', 'docs/plans/commerce/orders.md', 'docs/plans/commerce/ordering.md');
	write('docs/plans/commerce/ordering.md', '# Ordering\n\n## Summary\n\nPays for orders.\n');
	git('commit', '-qam', 'move again');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('moves from git', () => {
	it('names every move of a plan in one pass, to where it is now', async () => {
		expect(await gitMoves(repo, join(repo, 'docs/plans'))).toEqual({
			moves: new Map([
				['payments/checkout.md', 'commerce/ordering.md'],
				['commerce/orders.md', 'commerce/ordering.md'],
			]),
			shallow: false,
		});
	});

	it('follows chains and drops moves out of the plans folder', () => {
		expect(
			followMoves(
				[
					['plans/a.md', 'plans/b.md'],
					['plans/b.md', 'plans/c.md'],
					['plans/x.md', 'archive/x.md'],
				],
				'plans',
			),
		).toEqual(
			new Map([
				['a.md', 'c.md'],
				['b.md', 'c.md'],
			]),
		);
	});

	it('says when the clone is shallow, so the moves it names are not all of them', async () => {
		const shallow = mkdtempSync(join(tmpdir(), 'plans-shallow-'));
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
		expect(await gitMoves(shallow, join(shallow, 'docs/plans'))).toEqual({
			moves: new Map(),
			shallow: true,
		});
		rmSync(shallow, { recursive: true, force: true });
	});

	it('is nothing outside a repository', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'plans-no-git-'));
		expect(await gitMoves(folder, folder)).toBeUndefined();
		rmSync(folder, { recursive: true });
	});

	it('redirects the old URL of a plan only git knows was moved', async () => {
		const outDir = join(repo, 'dist');
		const plan = (url: string, path: string, title: string) => ({
			id: url,
			url,
			path,
			title,
			file: `docs/plans/${path}`,
			headings: [],
			htmlAnchors: [],
			costs: [],
			scaling: [],
			risks: [],
			technologies: [],
			milestones: [],
			dependencies: [],
			questions: [],
			glossary: [],
			approvals: [],
			performanceTargets: [],
			retention: [],
		});
		write(
			'previous/plans.json',
			JSON.stringify({
				plans: [plan('/plans/payments/checkout/', 'payments/checkout.md', 'Checkout')],
			}),
		);
		write('previous/anchors.json', JSON.stringify({ pages: { '/plans/payments/checkout/': [] } }));
		write(
			'dist/plans.json',
			JSON.stringify({
				plans: [plan('/plans/commerce/ordering/', 'commerce/ordering.md', 'Ordering')],
			}),
		);
		write('dist/anchors.json', JSON.stringify({ pages: { '/plans/commerce/ordering/': [] } }));
		const logger = { info: () => {}, warn: () => {} } as unknown as AstroIntegrationLogger;
		const kept = await keepPreviousLinks({
			outDir,
			root: repo,
			plansDir: join(repo, 'docs/plans'),
			previousAnchors: 'previous/anchors.json',
			previousPlans: 'previous/plans.json',
			site: undefined,
			base: '/',
			trailingSlash: 'always',
			logger,
			summaryFile: undefined,
		});
		expect([...kept!.redirects]).toEqual([
			['/plans/payments/checkout/', '/plans/commerce/ordering/'],
		]);
		expect(readFileSync(join(outDir, '_redirects'), 'utf8')).toBe(
			'/plans/payments/checkout/ /plans/commerce/ordering/ 301\n',
		);
		expect(readFileSync(join(outDir, 'plans/payments/checkout/index.html'), 'utf8')).toContain(
			'url=/plans/commerce/ordering/',
		);
	});
});
