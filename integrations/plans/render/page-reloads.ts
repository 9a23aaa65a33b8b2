/** Sent by a plan page once it is connected to `astro dev`, with the edition it was rendered at. */
export const PAGE_EDITION_EVENT = 'plans:page-edition';
/** Sent back to a page that was rendered before the plans last changed. */
export const STALE_PAGE_EVENT = 'plans:stale-page';

/** The part of Vite's client hot channel used here (the package reaches Vite only through Astro). */
export interface HotChannel {
	send(payload: { type: 'full-reload'; path: string }): void;
	on(
		event: string,
		listener: (data: unknown, client: { send(event: string, data?: unknown): void }) => void,
	): void;
}

/**
 * Reloads the pages open in `astro dev` when plans change, including a page that missed it.
 *
 * Vite sends `full-reload` to the pages connected at that moment: a page that is loading, its
 * old document still connected and its new one not yet, misses it and keeps showing what it was
 * rendered from. Every change therefore starts a new edition; a plan page tells the server the
 * edition it was rendered at once it connects, and reloads if that is no longer the current one.
 */
export class PageReloads {
	readonly #hot: HotChannel;
	#edition = 0;

	constructor(hot: HotChannel) {
		this.#hot = hot;
		hot.on(PAGE_EDITION_EVENT, (edition, client) => {
			if (edition !== this.#edition) client.send(STALE_PAGE_EVENT);
		});
	}

	/** The edition a page rendered now shows (read it before reading any plan). */
	get edition(): number {
		return this.#edition;
	}

	/** Plans changed: every open page reloads, now or once it connects. */
	reload(): void {
		this.#edition += 1;
		this.#hot.send({ type: 'full-reload', path: '*' });
	}
}
