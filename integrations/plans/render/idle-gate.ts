/** How long an `IdleGate` waits. */
export interface IdleGateTimes {
	/** Work runs once no request has been in flight for this long. */
	idleMs: number;
	/** However busy the server stays, work waits no longer than this, counted from the oldest work waiting. */
	longestWaitMs: number;
}

/**
 * Holds work back while the server answers requests: the work runs once no request has been
 * in flight for `idleMs`, or once it has waited `longestWaitMs`. `astro dev` draws Mermaid
 * diagrams behind one, so that starting a browser does not slow a page down.
 */
export class IdleGate {
	readonly #times: IdleGateTimes;
	/** Work waiting, in the order it came: it all runs at once. */
	readonly #waiting: (() => void)[] = [];
	#activeRequests = 0;
	/** When the last request ended (`performance.now()`); before any, the server is idle since it started. */
	#lastRequestEnded = 0;
	/** Since when the oldest work waits, while some does. */
	#waitingSince: number | undefined;
	#timer: NodeJS.Timeout | undefined;

	constructor(times: IdleGateTimes) {
		this.#times = times;
	}

	/**
	 * A request is being answered: work waits until it ends. Returns what to call when the answer
	 * is sent; calling it again does nothing.
	 */
	requestStarted(): () => void {
		this.#activeRequests++;
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			this.#activeRequests--;
			this.#lastRequestEnded = performance.now();
		};
	}

	/** Runs `work` once the server is idle (at once if it is), after the work already waiting. `work` must not throw. */
	whenIdle(work: () => void): void {
		this.#waiting.push(work);
		this.#runIfIdle();
	}

	/** Runs the work waiting if the server is idle or the work has waited long enough, or checks again later. */
	#runIfIdle(): void {
		// One timer at a time: work that comes meanwhile runs with the work already waiting.
		if (this.#timer || this.#waiting.length === 0) return;
		const now = performance.now();
		this.#waitingSince ??= now;
		const idleFor = this.#activeRequests > 0 ? 0 : now - this.#lastRequestEnded;
		if (idleFor < this.#times.idleMs && now - this.#waitingSince < this.#times.longestWaitMs) {
			// A request that ends does not call back, so the gate looks again when the server could
			// have been idle long enough: it must not keep the process alive.
			this.#timer = setTimeout(() => {
				this.#timer = undefined;
				this.#runIfIdle();
			}, this.#times.idleMs - idleFor).unref();
			return;
		}
		this.#waitingSince = undefined;
		for (const work of this.#waiting.splice(0)) work();
	}
}
