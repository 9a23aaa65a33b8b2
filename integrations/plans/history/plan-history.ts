import { relative, sep } from 'node:path';
import { gitLines, gitValue } from './git-log.ts';

/** Who changed a plan file and when, from its commits (renames followed). */
export interface PlanHistory {
	/** Seconds since 1970 of its first commit and of its last. */
	created: number;
	updated: number;
	/** Author names (`.mailmap` applied), most commits first, then by name. */
	authors: string[];
	/** The author of its last commit. */
	lastAuthor: string;
	/** Commits that changed it. */
	revisions: number;
}

/** The history of every plan file, by path in the plans folder, and whether git knew all of it. */
export interface PlansHistory {
	plans: Map<string, PlanHistory>;
	/** Every move of a plan file: old path → path now (see `gitMoves`). */
	moves: Map<string, string>;
	/** A shallow clone: the history starts at its oldest commit, not at the plans' first. */
	shallow: boolean;
}

const COMMIT = '\u001ecommit\t';

interface Tally {
	/** Newest first, as git log gives them. */
	times: number[];
	lastAuthor: string;
	authors: Map<string, number>;
}

/**
 * Reads the history of every file in the plans folder in one `git log` pass (streamed, rename
 * detection on, `.mailmap` applied): a moved file keeps the commits of its old paths. Undefined
 * when the folder is not in a git repository or git is missing.
 */
export async function readPlansHistory(
	repository: string,
	plansDir: string,
): Promise<PlansHistory | undefined> {
	const folder = relative(repository, plansDir).split(sep).join('/') || '.';
	const inFolder = (path: string) => pathInFolder(path, folder);
	const tallies = new Map<string, Tally>();
	// Newest first: an old path's commits belong to the file it became.
	const becomes = new Map<string, string>();
	const renames: Array<[string, string]> = [];
	let commit: { time: number; author: string } | undefined;
	const count = (path: string) => {
		const now = becomes.get(path) ?? path;
		const tally: Tally = tallies.get(now) ?? {
			times: [],
			lastAuthor: commit!.author,
			authors: new Map(),
		};
		tally.times.push(commit!.time);
		tally.authors.set(commit!.author, (tally.authors.get(commit!.author) ?? 0) + 1);
		tallies.set(now, tally);
		return now;
	};
	let code: number;
	try {
		code = await gitLines(
			repository,
			[
				'-c',
				'core.quotePath=false',
				'log',
				'--use-mailmap',
				`--format=${COMMIT}%at\t%aN`,
				'--name-status',
				'-M',
				'--',
				folder,
			],
			(line) => {
				if (line.startsWith(COMMIT)) {
					const [time, author] = line.slice(COMMIT.length).split('\t');
					commit = { time: Number(time), author: author ?? '' };
					return;
				}
				const [status, ...paths] = line.split('\t');
				if (!commit || !status || paths.length === 0) return;
				const [from, to] = paths.map(inFolder);
				if (status.startsWith('R') && to !== undefined) {
					const now = count(to);
					if (from !== undefined) becomes.set(from, now);
					renames.push([paths[0]!, paths[1]!]);
				} else if (from !== undefined) count(from);
			},
		);
	} catch {
		return undefined;
	}
	if (code !== 0) return undefined;
	const shallow = (await gitValue(repository, ['rev-parse', '--is-shallow-repository'])) === 'true';
	return {
		plans: new Map([...tallies].map(([path, tally]) => [path, historyOf(tally)])),
		moves: followMoves(renames.reverse(), folder),
		shallow,
	};
}

function historyOf({ times, authors, lastAuthor }: Tally): PlanHistory {
	return {
		lastAuthor,
		created: Math.min(...times),
		updated: Math.max(...times),
		authors: [...authors]
			.sort(([a, many], [b, more]) => more - many || a.localeCompare(b))
			.map(([name]) => name),
		revisions: times.length,
	};
}

/** A repository path as a path in `folder` (`.` for the repository's root); undefined outside it. */
function pathInFolder(path: string, folder: string): string | undefined {
	if (folder === '.') return path;
	return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}

/** Renames in the order they happened, as paths in the plans folder now. */
export function followMoves(renames: Array<[string, string]>, folder: string): Map<string, string> {
	const inFolder = (path: string) => pathInFolder(path, folder);
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
