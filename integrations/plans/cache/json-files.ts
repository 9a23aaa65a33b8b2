import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';

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
		writeFileAtomically(join(this.directory, `${key}.json`), JSON.stringify(value));
	}
}
