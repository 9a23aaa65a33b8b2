import type { MermaidCache } from '../diagrams/mermaid/cache.ts';
import { type MermaidCheck, parseMermaid } from '../diagrams/mermaid/validate.ts';
import {
	type PlanSource,
	type ReadAndRendered,
	readAndRender,
	renderPlanSource,
} from './read-and-render.ts';
import type { PlanRenderer, RenderedPlan } from '../markdown/types.ts';
import type { RenderThreads } from './thread-pool.ts';

/**
 * Reads and renders plans in render threads when there are some, else one after the other in
 * the build's thread, so that only one plan's tree is alive at a time. A thread that cannot
 * start (or dies) leaves its plans to the build's thread. Every promise it returns counts as
 * handled: the loader awaits them in file order, and a later plan's failure must not end the
 * process while an earlier one is awaited.
 */
export class PlanDispatcher {
	readonly #threads: RenderThreads | undefined;
	readonly #renderer: () => Promise<PlanRenderer>;
	readonly #mermaidCache: MermaidCache;
	#previous: Promise<unknown> = Promise.resolve();

	constructor(
		threads: RenderThreads | undefined,
		renderer: () => Promise<PlanRenderer>,
		mermaidCache: MermaidCache,
	) {
		this.#threads = threads;
		this.#renderer = renderer;
		this.#mermaidCache = mermaidCache;
	}

	/** `readAndRender`: the plan's data, and its HTML unless it waits for Mermaid renders. */
	read(plan: PlanSource): Promise<ReadAndRendered> {
		return this.#run(
			(threads) => threads.read(plan),
			() => readAndRender(plan, this.#renderer, this.#mermaidCache),
		);
	}

	/** `renderPlanSource`, for plans that waited for their Mermaid renders. */
	render(absolute: string, source: string, sanitize: boolean): Promise<RenderedPlan> {
		return this.#run(
			(threads) => threads.render(absolute, source, sanitize),
			() => renderPlanSource(absolute, source, sanitize, this.#renderer),
		);
	}

	/** `parseMermaid` of each source. */
	checkMermaid(sources: string[]): Promise<MermaidCheck[]> {
		return this.#run(
			(threads) => threads.checkMermaid(sources),
			() => Promise.all(sources.map((source) => parseMermaid(source))),
		);
	}

	/** Loads the renderer and the Mermaid syntax checker before the first task needs them. */
	warmUp(): Promise<void> {
		return this.#run(
			(threads) => threads.warmUp(),
			async () => {
				await Promise.all([this.#renderer(), parseMermaid('flowchart LR\n  a')]);
			},
		);
	}

	async close(): Promise<void> {
		await this.#threads?.close();
	}

	#run<T>(inThreads: (threads: RenderThreads) => Promise<T>, here: () => Promise<T>): Promise<T> {
		const threads = this.#threads;
		const result = threads
			? inThreads(threads).catch((error) =>
					threads.failed ? this.#oneAtATime(here) : Promise.reject(error),
				)
			: this.#oneAtATime(here);
		result.catch(() => undefined);
		return result;
	}

	#oneAtATime<T>(work: () => Promise<T>): Promise<T> {
		const result = this.#previous.then(work);
		this.#previous = result.catch(() => undefined);
		return result;
	}
}
