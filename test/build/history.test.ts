import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlansHistory } from '#plans/history/plan-history.ts';
import { type BuiltSite, buildSite, fixture } from '../helpers/build.ts';
import { copyFixture } from '../helpers/scratch-site.ts';

// A site in a git repository of its own: a plan written by Ada (under two addresses that
// .mailmap joins), moved and changed by Grace; another with its authors in frontmatter.
const site = copyFixture(fixture('history'));
let built: BuiltSite;

function commit(message: string, author: string, date: string): void {
	execFileSync('git', ['add', '-A'], { cwd: site.path('') });
	execFileSync('git', ['commit', '-qm', message], {
		cwd: site.path(''),
		env: {
			...process.env,
			GIT_AUTHOR_NAME: author.split(' <')[0],
			GIT_AUTHOR_EMAIL: author.split(' <')[1]!.replace('>', ''),
			GIT_COMMITTER_NAME: 'CI',
			GIT_COMMITTER_EMAIL: 'ci@example.com',
			GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
			GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
		},
	});
}

function write(path: string, text: string): void {
	mkdirSync(dirname(site.path(path)), { recursive: true });
	writeFileSync(site.path(path), text);
}

beforeAll(async () => {
	execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: site.path('') });
	write('.mailmap', 'Ada Lovelace <ada@example.com> <ada@old.example.com>\n');
	write('plans/drafts/engine.md', '# Analytical Engine\n\n## Summary\n\nA machine.\n');
	write('plans/loom.md', '---\nauthors: [Team Looms]\n---\n\n# Loom\n\n## Summary\n\nWeaving.\n');
	commit('plans', 'Ada Lovelace <ada@example.com>', '2025-01-10');
	write(
		'plans/drafts/engine.md',
		'# Analytical Engine\n\n## Summary\n\nA machine that computes.\n',
	);
	commit('engine: what it does', 'ada <ada@old.example.com>', '2025-03-01');
	execFileSync('git', ['mv', 'plans/drafts/engine.md', 'plans/engine.md'], { cwd: site.path('') });
	commit('engine: out of drafts', 'Grace Hopper <grace@example.com>', '2025-06-15');
	write(
		'plans/engine.md',
		'# Analytical Engine\n\n## Summary\n\nA machine that computes tables.\n',
	);
	commit('engine: tables', 'Grace Hopper <grace@example.com>', '2026-02-01');
	write('.github/CODEOWNERS', '* @acme/everyone\nplans/engine.md @grace\n');
	process.env.GITHUB_SERVER_URL = 'https://github.com';
	process.env.GITHUB_REPOSITORY = 'acme/engines';
	process.env.GITHUB_REF_NAME = 'main';
	try {
		built = await buildSite(site.root, 'history');
	} finally {
		delete process.env.GITHUB_SERVER_URL;
		delete process.env.GITHUB_REPOSITORY;
		delete process.env.GITHUB_REF_NAME;
	}
});

afterAll(() => site.remove());

describe('plan history from git', () => {
	it('reads every plan in one pass: first and last change, authors by activity, revisions, across a move', async () => {
		const history = await readPlansHistory(site.path(''), site.path('plans'));
		expect(history).toEqual({
			shallow: false,
			moves: new Map([['drafts/engine.md', 'engine.md']]),
			plans: new Map([
				[
					'engine.md',
					{
						created: 1736510400,
						updated: 1769947200,
						authors: ['Ada Lovelace', 'Grace Hopper'],
						revisions: 4,
					},
				],
				[
					'loom.md',
					{ created: 1736510400, updated: 1736510400, authors: ['Ada Lovelace'], revisions: 1 },
				],
			]),
		});
	});

	it('shows it on the plan page, with links to its history and its source on the host', () => {
		const source = built.page('plans/engine/index.html').querySelector('.plan-source')!;
		expect(source.textContent!.replace(/\s+/g, ' ').trim()).toBe(
			'Created 2025-01-10 · Last changed 2026-02-01 by Ada Lovelace and Grace Hopper · 4 revisions · History · Edit this plan',
		);
		expect(
			[...source.querySelectorAll('time')].map((time) => time.getAttribute('datetime')),
		).toEqual(['2025-01-10', '2026-02-01']);
		expect([...source.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
			'https://github.com/acme/engines/commits/main/plans/engine.md',
			'https://github.com/acme/engines/edit/main/plans/engine.md',
		]);
	});

	it('lets the frontmatter name the authors', () => {
		const source = built.page('plans/loom/index.html').querySelector('.plan-source')!;
		expect(source.textContent!.replace(/\s+/g, ' ')).toContain(
			'Last changed 2025-01-10 by Team Looms',
		);
	});

	it('puts it in plans.json and in a sortable column of the index', () => {
		const { plans } = JSON.parse(built.file('plans.json'));
		expect(
			plans.map(({ id, created, updated, authors, revisions }: Record<string, unknown>) => ({
				id,
				created,
				updated,
				authors,
				revisions,
			})),
		).toEqual([
			{
				id: 'engine',
				created: '2025-01-10',
				updated: '2026-02-01',
				authors: ['Ada Lovelace', 'Grace Hopper'],
				revisions: 4,
			},
			{
				id: 'loom',
				created: '2025-01-10',
				updated: '2025-01-10',
				authors: ['Team Looms'],
				revisions: 1,
			},
		]);
		const index = built.page('index.html');
		const column = [...index.querySelectorAll('.plans-table thead th')].findIndex(
			(th) => th.textContent === 'Last changed',
		);
		expect(column).toBeGreaterThan(0);
		expect(
			[...index.querySelectorAll('.plans-table tbody tr')].map((row) =>
				row.children[column]!.getAttribute('data-sort'),
			),
		).toEqual(['2026-02-01', '2025-01-10']);
	});

	it('says a shallow clone knows only its last commits, and leaves out what it cannot know', async () => {
		const shallow = site.path('shallow');
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${site.path('')}`, shallow]);
		const history = await readPlansHistory(shallow, `${shallow}/plans`);
		expect(history?.shallow).toBe(true);
		expect(history?.plans.get('engine.md')?.revisions).toBe(1);
	});

	it('takes the owner from CODEOWNERS when the plan names none', () => {
		const owner = (page: string) =>
			[...built.page(page).querySelectorAll('.plan-meta > div')]
				.find((row) => row.querySelector('dt')!.textContent === 'Owner')
				?.querySelector('dd')!.textContent;
		expect(owner('plans/engine/index.html')).toBe('@grace');
		// Its frontmatter authors are its owners.
		expect(owner('plans/loom/index.html')).toBe('Team Looms');
		const { plans } = JSON.parse(built.file('plans.json'));
		expect(plans.map((plan: { owner?: string }) => plan.owner)).toEqual(['@grace', 'Team Looms']);
	});
});
