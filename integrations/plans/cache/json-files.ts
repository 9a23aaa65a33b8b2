import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Values on disk, one JSON file per content key, so that work done once (a Mermaid render, a
 * highlighted code block) is never done again, by this build or the next. Files are written
 * atomically: render threads and other builds may read while one writes.
 */
export class JsonFiles<Value> {
	readonly directory: string;

	constructor(directory: string) {
		this.directory = directory;
	}

	has(key: string): boolean {
		return existsSync(join(this.directory, `${key}.json`));
	}

	get(key: string): Value | undefined {
		try {
			return JSON.parse(readFileSync(join(this.directory, `${key}.json`), 'utf8')) as Value;
		} catch {
			return undefined;
		}
	}

	set(key: string, value: Value): void {
		mkdirSync(this.directory, { recursive: true });
		const file = join(this.directory, `${key}.json`);
		// Threads of one process share its pid: the thread id keeps their temporary files apart.
		const temporary = `${file}.${process.pid}-${threadId}.tmp`;
		writeFileSync(temporary, JSON.stringify(value));
		renameSync(temporary, file);
	}
}
