import { gitValue } from './git-log.ts';

/** Where a repository lives on its host, and the branch the site is built from. */
export interface RepositoryHost {
	/** `https://github.com/acme/plans`, without `.git`. */
	url: string;
	branch: string;
	kind: 'github' | 'gitlab' | 'bitbucket' | 'gitea';
}

/** The web address of a git remote: `git@github.com:acme/plans.git` → `https://github.com/acme/plans`. */
export function webUrlOfRemote(remote: string): string | undefined {
	const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+?)(?:\.git)?\/?$/.exec(remote);
	if (scp) return `https://${scp[1]}/${scp[2]}`;
	try {
		const url = new URL(remote);
		if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
		const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
		return path.length > 1 ? `https://${url.hostname}${path}` : undefined;
	} catch {
		return undefined;
	}
}

/** The host's kind, from its name: GitHub, GitLab and Bitbucket by name, any other as Gitea. */
export function hostKind(url: string): RepositoryHost['kind'] {
	const host = new URL(url).hostname;
	if (host === 'github.com' || host.startsWith('github.')) return 'github';
	if (host.includes('gitlab')) return 'gitlab';
	if (host === 'bitbucket.org') return 'bitbucket';
	return 'gitea';
}

/**
 * The repository's host: from the option, else GitHub Actions' variables, else the `origin`
 * remote. The branch is the option's, GitHub Actions', or the one checked out.
 */
export async function repositoryHost(
	repository: string,
	option: { url?: string; branch?: string } | undefined,
	env: Record<string, string | undefined>,
): Promise<RepositoryHost | undefined> {
	const fromActions =
		env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
			? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
			: undefined;
	const remote = await gitValue(repository, ['config', '--get', 'remote.origin.url']);
	const url =
		option?.url?.replace(/\/$/, '') ?? fromActions ?? (remote ? webUrlOfRemote(remote) : undefined);
	if (!url) return undefined;
	const checkedOut = await gitValue(repository, ['rev-parse', '--abbrev-ref', 'HEAD']);
	const branch =
		option?.branch ??
		env.GITHUB_HEAD_REF ??
		env.GITHUB_REF_NAME ??
		(checkedOut && checkedOut !== 'HEAD' ? checkedOut : 'HEAD');
	return { url, branch, kind: hostKind(url) };
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The page listing a file's commits on its host. */
export function historyUrl({ url, branch, kind }: RepositoryHost, path: string): string {
	const at = `${encodeURIComponent(branch)}/${encodePath(path)}`;
	if (kind === 'gitlab') return `${url}/-/commits/${at}`;
	if (kind === 'bitbucket') return `${url}/history-node/${at}`;
	if (kind === 'gitea') return `${url}/commits/branch/${at}`;
	return `${url}/commits/${at}`;
}

/** The host's page that edits files, to which a file's path from the repository root is added. */
export function editUrlPrefix({ url, branch, kind }: RepositoryHost, folder: string): string {
	const inRepository = folder ? `${encodePath(folder)}/` : '';
	const at = `${encodeURIComponent(branch)}/${inRepository}`;
	if (kind === 'gitlab') return `${url}/-/edit/${at}`;
	if (kind === 'bitbucket') return `${url}/src/${at}`;
	if (kind === 'gitea') return `${url}/_edit/${at}`;
	return `${url}/edit/${at}`;
}
