import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/**
 * Takes a fixture for one build or dev server at a time, and returns its release. Test files
 * run two at a time, and two Astro runs of one fixture would write its `.astro/` folder at
 * once. The lock is a folder (creating one is atomic) holding its owner's pid; a lock whose
 * owner has exited is taken over.
 */
export async function lockFixture(root: URL): Promise<() => void> {
	const lock = fileURLToPath(new URL('node_modules/.fixture-lock/', root));
	mkdirSync(join(lock, '..'), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			return () => rmSync(lock, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (ownerExited(lock)) rmSync(lock, { recursive: true, force: true });
		else await sleep(200);
	}
}

function ownerExited(lock: string): boolean {
	let pid: number;
	try {
		pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
	} catch {
		// Taken a moment ago: its owner is writing its pid.
		return false;
	}
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}
