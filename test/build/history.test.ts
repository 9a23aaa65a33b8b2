import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
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
	write(
		'plans/loom.md',
		'---\nauthors: [Team Looms]\nreview-by: 2026-03-01\n---\n\n# Loom\n\n## Summary\n\nWeaving.\n',
	);
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
		'# Analytical Engine\n\n**Status**: Accepted\n\n## Summary\n\nA machine that computes tables.\n',
	);
	commit('engine: tables', 'Grace Hopper <grace@example.com>', '2026-02-01');
	write('.github/CODEOWNERS', '* @acme/everyone\nplans/engine.md @grace\n');
	process.env.GITHUB_SERVER_URL = 'https://github.com';
	process.env.GITHUB_REPOSITORY = 'acme/engines';
	process.env.GITHUB_REF_NAME = 'main';
	// The day reviews are judged on: 2026-12-01.
	process.env.SOURCE_DATE_EPOCH = '1796083200';
	try {
		built = await buildSite(site.root, 'history');
	} finally {
		delete process.env.GITHUB_SERVER_URL;
		delete process.env.GITHUB_REPOSITORY;
		delete process.env.GITHUB_REF_NAME;
		delete process.env.SOURCE_DATE_EPOCH;
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
						lastAuthor: 'Grace Hopper',
						revisions: 4,
					},
				],
				[
					'loom.md',
					{
						created: 1736510400,
						updated: 1736510400,
						authors: ['Ada Lovelace'],
						lastAuthor: 'Ada Lovelace',
						revisions: 1,
					},
				],
			]),
		});
	});

	it('shows it on the plan page, with links to its history and its source on the host', () => {
		const source = built.page('plans/engine/index.html').querySelector('.plan-source')!;
		expect(source.textContent!.replace(/\s+/g, ' ').trim()).toBe(
			'Created 2025-01-10 · Last changed 2026-02-01 by Grace Hopper · Written by Ada Lovelace and Grace Hopper · 4 revisions · History · Edit this plan',
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
			'Last changed 2025-01-10 by Ada Lovelace · Written by Team Looms',
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
		// The index filters its table by owner.
		const index = built.page('index.html');
		expect(
			[...index.querySelectorAll('input[name="owner-filter"]')].map((input) =>
				input.parentElement!.textContent!.trim(),
			),
		).toEqual(['All', '@grace', 'Team Looms']);
		expect(
			[...index.querySelectorAll('.plans-table tbody tr')].map((row) =>
				row.getAttribute('data-owner'),
			),
		).toEqual(['owner-0', 'owner-1']);
		expect(index.querySelector('style')!.textContent).toContain(
			".index-main:has(input[name='owner-filter'][value='owner-0']:checked) tbody tr:not([data-owner='owner-0']){display:none}",
		);
	});

	it('says which plans need a review: on their page, on /review/ by owner, and in the index', () => {
		const note = (page: string) =>
			built.page(page).querySelector('.plan-review')?.textContent!.replace(/\s+/g, ' ').trim();
		expect(note('plans/engine/index.html')).toBe(
			'Review overdue since 2026-07-31 (unchanged for 180 days), last changed 2026-02-01 by Grace Hopper.',
		);
		expect(note('plans/loom/index.html')).toBe(
			'Review overdue since 2026-03-01 (its Review by date), last changed 2025-01-10 by Ada Lovelace.',
		);
		const review = built.page('review/index.html');
		expect([...review.querySelectorAll('h2')].map((h2) => h2.textContent)).toEqual([
			'@grace',
			'Team Looms',
		]);
		expect(
			[...review.querySelectorAll('tbody tr')].map((row) =>
				[...row.querySelectorAll('td')].map((cell) =>
					cell.textContent!.replace(/\s+/g, ' ').trim(),
				),
			),
		).toEqual([
			['Analytical Engine', '2026-07-31', 'unchanged for 180 days', '2026-02-01 by Grace Hopper'],
			['Loom', '2026-03-01', 'its Review by date', '2025-01-10 by Ada Lovelace'],
		]);
		expect(
			built.page('index.html').querySelector('.index-summary a[href="/review/"]')!.textContent,
		).toBe('2 plans need a review');
	});

	it('warns about the same reviews in the checker', async () => {
		const packageJson = fileURLToPath(import.meta.resolve('astro-technical-plans/package.json'));
		const bin = join(
			dirname(packageJson),
			JSON.parse(readFileSync(packageJson, 'utf8')).bin['astro-technical-plans'],
		);
		const summary = site.path('summary.md');
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[bin, 'check', '--root', site.path('')],
			{
				env: {
					...process.env,
					GITHUB_ACTIONS: '',
					GITHUB_STEP_SUMMARY: summary,
					SOURCE_DATE_EPOCH: '1796083200',
				},
			},
		);
		expect(readFileSync(summary, 'utf8')).toBe(
			'### Plans to review\n\n- `plans/engine.md`: Review overdue since 2026-07-31 (unchanged for 180 days, last changed 2026-02-01).\n- `plans/loom.md`: Review overdue since 2026-03-01 (its Review by date).\n',
		);
		expect(stdout.split('\n').filter((line) => line.includes('Review overdue'))).toEqual([
			'plans/engine.md:1:1 warning Review overdue since 2026-07-31 (unchanged for 180 days, last changed 2026-02-01).',
			'plans/loom.md:3:1 warning Review overdue since 2026-03-01 (its Review by date).',
		]);
	});

	it('in a shallow clone, says so once and shows only the last change', async () => {
		const shallow = site.path('shallow-site');
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${site.path('')}`, shallow]);
		const printed: string[] = [];
		const write = process.stdout.write.bind(process.stdout);
		process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			printed.push(String(chunk));
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof process.stdout.write;
		let clone: BuiltSite;
		try {
			clone = await buildSite(pathToFileURL(`${shallow}/`), 'shallow', { logLevel: 'warn' });
		} finally {
			process.stdout.write = write;
		}
		expect(printed.join('').match(/shallow git clone/g)).toHaveLength(1);
		const source = clone.page('plans/engine/index.html').querySelector('.plan-source')!;
		expect(source.textContent!.replace(/\s+/g, ' ').trim()).toBe(
			'Last changed 2026-02-01 by Grace Hopper',
		);
	});
});
