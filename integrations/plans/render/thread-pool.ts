import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { markMermaidFallbackUsed } from '../diagrams/mermaid/self-hosted.ts';
import type { MermaidCheck } from '../diagrams/mermaid/validate.ts';
import type { PlanSource, ReadAndRendered } from './read-and-render.ts';
import type { RenderedPlan, RenderSettings } from '../markdown/types.ts';

export type ThreadTask =
	| { kind: 'read'; plan: PlanSource }
	| { kind: 'render'; absolute: string; source: string; sanitize: boolean }
	| { kind: 'check-mermaid'; sources: string[] }
	| { kind: 'warm-up' };

/** What each kind of task resolves to. */
export interface ThreadResults {
	read: ReadAndRendered;
	render: RenderedPlan;
	'check-mermaid': MermaidCheck[];
	'warm-up': null;
}

export interface ThreadJob {
	job: number;
	task: ThreadTask;
}

export type ThreadReply =
	| {
			job: number;
			result: ThreadResults[ThreadTask['kind']];
			mermaidFallbackUsed: boolean;
			error?: undefined;
	  }
	| { job: number; error: { message: string; stack?: string }; result?: undefined };

interface Pending extends ThreadJob {
	resolve(result: ThreadResults[ThreadTask['kind']]): void;
	reject(error: Error): void;
}

/**
 * Below this many plans, starting threads costs more than it saves: a thread that renders loads
 * Shiki and the plugins; reading a plan's data alone (astro dev) takes a few milliseconds.
 */
const MIN_PLANS_FOR_THREADS = { render: 16, read: 200 };

/**
 * How many render threads to start for `plans` plans to render (or only to read, in `astro
 * dev`): 0 does the work in the build's own thread. `requested` is the `renderThreads` option.
 */
export function renderThreadCount(
	requested: number | undefined,
	plans: number,
	{
		work = 'render',
		cores = availableParallelism(),
	}: { work?: 'render' | 'read'; cores?: number } = {},
): number {
	const wanted = requested ?? (plans >= MIN_PLANS_FOR_THREADS[work] ? cores : 1);
	const count = Math.min(wanted, plans);
	return count > 1 ? count : 0;
}

/**
 * Worker threads that read and render plans in parallel, each with its own copy of the
 * site's Markdown renderer. Jobs queue and go to whichever thread is free.
 */
export class RenderThreads {
	readonly #idle: Worker[] = [];
	readonly #workers: Worker[] = [];
	readonly #queue: Pending[] = [];
	readonly #running = new Map<Worker, Pending>();
	#nextJob = 0;
	#failure: Error | undefined;

	constructor(size: number, settings: RenderSettings) {
		for (let index = 0; index < size; index++) {
			const worker = new Worker(new URL(`./worker${extname(import.meta.url)}`, import.meta.url), {
				workerData: settings,
			});
			worker.on('message', (reply: ThreadReply) => this.#settle(worker, reply));
			worker.on('error', (error: Error) => this.#fail(error));
			this.#workers.push(worker);
			this.#idle.push(worker);
		}
	}

	/** `readAndRender` in a thread. */
	read(plan: PlanSource): Promise<ReadAndRendered> {
		return this.#run({ kind: 'read', plan });
	}

	/** `renderPlanSource` in a thread. */
	render(absolute: string, source: string, sanitize: boolean): Promise<RenderedPlan> {
		return this.#run({ kind: 'render', absolute, source, sanitize });
	}

	/** `parseMermaid` of each source, in a thread. */
	checkMermaid(sources: string[]): Promise<MermaidCheck[]> {
		return this.#run({ kind: 'check-mermaid', sources });
	}

	/** Loads the renderer and the Mermaid syntax checker in a thread, before the first task needs them. */
	async warmUp(): Promise<void> {
		await this.#run({ kind: 'warm-up' });
	}

	/** A thread could not start or died: the remaining plans must be read elsewhere. */
	get failed(): boolean {
		return this.#failure !== undefined;
	}

	async close(): Promise<void> {
		await Promise.all(this.#workers.map((worker) => worker.terminate()));
	}

	#run<Task extends ThreadTask>(task: Task): Promise<ThreadResults[Task['kind']]> {
		if (this.#failure) return Promise.reject(this.#failure);
		return new Promise((resolve, reject) => {
			this.#queue.push({
				job: this.#nextJob++,
				task,
				resolve: resolve as Pending['resolve'],
				reject,
			});
			this.#dispatch();
		});
	}

	#dispatch(): void {
		while (this.#idle.length > 0 && this.#queue.length > 0) {
			const worker = this.#idle.pop()!;
			const pending = this.#queue.shift()!;
			this.#running.set(worker, pending);
			worker.postMessage({ job: pending.job, task: pending.task } satisfies ThreadJob);
		}
	}

	#settle(worker: Worker, reply: ThreadReply): void {
		const pending = this.#running.get(worker)!;
		this.#running.delete(worker);
		this.#idle.push(worker);
		if (reply.error) {
			const error = new Error(reply.error.message);
			if (reply.error.stack) error.stack = reply.error.stack;
			pending.reject(error);
		} else {
			// The site then ships mermaid for diagrams left to the reader's browser.
			if (reply.mermaidFallbackUsed) markMermaidFallbackUsed();
			pending.resolve(reply.result);
		}
		this.#dispatch();
	}

	/** A thread that dies (it could not load, it ran out of memory) fails every job left. */
	#fail(error: Error): void {
		this.#failure = error;
		for (const pending of [...this.#running.values(), ...this.#queue.splice(0)])
			pending.reject(error);
		this.#running.clear();
	}
}
