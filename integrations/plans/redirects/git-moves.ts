import { relative, sep } from 'node:path';
import { gitLines, gitValue } from '../history/git-log.ts';

/** What git knows of the plans folder's history: its moves, and whether it knows all of it. */
export interface GitMoves {
	/** Path at the time → path now, relative to the plans folder, chains followed. */
	moves: Map<string, string>;
	/** A shallow clone: moves before its first commit are not known. */
	shallow: boolean;
}

/**
 * Every move of a plan file in the history of the plans folder, from one `git log` pass with
 * rename detection, streamed (a long history is never held as one string). A file moved twice
 * maps from both old paths to where it is now. Undefined when the folder is not in a git
 * repository or git is missing.
 */
export async function gitMoves(
	repository: string,
	plansDir: string,
): Promise<GitMoves | undefined> {
	const folder = relative(repository, plansDir).split(sep).join('/') || '.';
	const renames: Array<[string, string]> = [];
	let code: number;
	try {
		code = await gitLines(
			repository,
			[
				'-c',
				'core.quotePath=false',
				'log',
				'--format=',
				'--name-status',
				'-M',
				'--diff-filter=R',
				'--',
				folder,
			],
			(text) => {
				const [status, from, to] = text.split('\t');
				if (status?.startsWith('R') && from && to) renames.push([from, to]);
			},
		);
	} catch {
		return undefined;
	}
	if (code !== 0) return undefined;
	const shallow = (await gitValue(repository, ['rev-parse', '--is-shallow-repository'])) === 'true';
	return { moves: followMoves(renames.reverse(), folder), shallow };
}

/** Renames in the order they happened, as paths in the plans folder now. */
export function followMoves(renames: Array<[string, string]>, folder: string): Map<string, string> {
	const inFolder = (path: string) =>
		folder === '.'
			? path
			: path.startsWith(`${folder}/`)
				? path.slice(folder.length + 1)
				: undefined;
	const moves = new Map<string, string>();
	for (const [from, to] of renames) {
		const old = inFolder(from);
		const now = inFolder(to);
		if (old === undefined || now === undefined) continue;
		for (const [earlier, target] of moves) if (target === old) moves.set(earlier, now);
		moves.set(old, now);
		moves.delete(now);
	}
	return moves;
}
