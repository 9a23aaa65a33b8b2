import type { AstroConfig } from 'astro';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlansOptions } from '../options-schema.ts';
import { repositoryRoot } from '../repository.ts';
import { type RepositoryHost, repositoryHost } from './host.ts';

/** What the integration learned of the repository the plans are in. */
export interface RepositoryInfo {
	host: RepositoryHost | undefined;
	/** The project root's folder in the repository (`''` at its root). */
	folder: string;
}

/** The repository the plans are in: its host (for history and edit links) and the site's folder in it. */
export async function repositoryInfo(
	config: AstroConfig,
	options: PlansOptions,
): Promise<RepositoryInfo> {
	const projectRoot = fileURLToPath(config.root);
	const repository = repositoryRoot(join(projectRoot, options.directory));
	if (!repository) return { host: undefined, folder: '' };
	return {
		host: await repositoryHost(repository, options.repository, process.env),
		folder: relative(repository, projectRoot).split(sep).join('/'),
	};
}
