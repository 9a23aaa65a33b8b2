import { describe, expect, it } from 'vitest';
import { editUrlPrefix, historyUrl, hostKind, webUrlOfRemote } from '#plans/history/host.ts';

describe('the repository host', () => {
	it('is read from a remote as git writes it', () => {
		expect(webUrlOfRemote('git@github.com:acme/plans.git')).toBe('https://github.com/acme/plans');
		expect(webUrlOfRemote('https://github.com/acme/plans.git')).toBe(
			'https://github.com/acme/plans',
		);
		expect(webUrlOfRemote('https://token@gitlab.example.com/group/sub/plans')).toBe(
			'https://gitlab.example.com/group/sub/plans',
		);
		expect(webUrlOfRemote('ssh://git@bitbucket.org/acme/plans.git')).toBe(
			'https://bitbucket.org/acme/plans',
		);
		expect(webUrlOfRemote('/srv/git/plans')).toBeUndefined();
		expect(webUrlOfRemote('file:///srv/git/plans')).toBeUndefined();
	});

	it('is known by its name, any other taken for Gitea', () => {
		expect(
			[
				'https://github.com/a/b',
				'https://gitlab.com/a/b',
				'https://gitlab.acme.io/a/b',
				'https://bitbucket.org/a/b',
				'https://git.acme.io/a/b',
			].map(hostKind),
		).toEqual(['github', 'gitlab', 'gitlab', 'bitbucket', 'gitea']);
	});

	it("links a file's history and its editor the way each host writes them", () => {
		const at = (url: string) => ({ url, branch: 'main', kind: hostKind(url) });
		expect(historyUrl(at('https://github.com/a/b'), 'docs/plans/Check out.md')).toBe(
			'https://github.com/a/b/commits/main/docs/plans/Check%20out.md',
		);
		expect(historyUrl(at('https://gitlab.com/a/b'), 'plans/x.md')).toBe(
			'https://gitlab.com/a/b/-/commits/main/plans/x.md',
		);
		expect(historyUrl(at('https://bitbucket.org/a/b'), 'plans/x.md')).toBe(
			'https://bitbucket.org/a/b/history-node/main/plans/x.md',
		);
		expect(historyUrl(at('https://git.acme.io/a/b'), 'plans/x.md')).toBe(
			'https://git.acme.io/a/b/commits/branch/main/plans/x.md',
		);
		expect(editUrlPrefix(at('https://github.com/a/b'), 'site')).toBe(
			'https://github.com/a/b/edit/main/site/',
		);
		expect(editUrlPrefix(at('https://gitlab.com/a/b'), '')).toBe(
			'https://gitlab.com/a/b/-/edit/main/',
		);
	});
});
