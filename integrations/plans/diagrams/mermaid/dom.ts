type Mermaid = typeof import('mermaid').default;

/** The globals a jsdom window always lends: objects, not functions. */
const WINDOW_OBJECTS = ['window', 'document', 'navigator'];
/** What reaches the network: a syntax check never does, and other code of the thread must keep Node's own. */
const NETWORK = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource']);

let loaded: Promise<Mermaid> | undefined;

/**
 * Mermaid, loaded in a thread that has a whole DOM: its parser needs one (DOMPurify hooks in
 * when it loads, a sequence diagram's `box` checks its colour with `new Option()`). A jsdom
 * window lends the thread every interface and function of the DOM that Node does not have,
 * all of them rather than a list, so that what Mermaid reaches for next is there too; Node's
 * own globals (its `structuredClone`, `Map`, `fetch`) stay, so values keep their realm. Loaded
 * once per thread; the checker's threads (render threads, the checker's process) are Mermaid's.
 */
export function mermaidInDom(): Promise<Mermaid> {
	loaded ??= (async () => {
		// Loaded here, not at the top: every build imports this module, few parse Mermaid.
		const { JSDOM } = await import('jsdom');
		const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
			pretendToBeVisual: true,
		});
		lendDom(window as unknown as Record<string, unknown>, globalThis as Record<string, unknown>);
		const { default: mermaid } = await import('mermaid');
		mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
		return mermaid;
	})();
	return loaded;
}

/** Puts on `globals` the window's functions and interfaces it lacks (methods bound to the window), and the window itself. */
function lendDom(window: Record<string, unknown>, globals: Record<string, unknown>): void {
	for (const name of Object.getOwnPropertyNames(window)) {
		if (name in globals || NETWORK.has(name)) continue;
		// Read through the descriptor: some getters (localStorage) throw for a page without an origin.
		const descriptor = Object.getOwnPropertyDescriptor(window, name)!;
		if (WINDOW_OBJECTS.includes(name)) globals[name] = window[name];
		else if (typeof descriptor.value === 'function')
			globals[name] = /^[A-Z]/.test(name) ? descriptor.value : descriptor.value.bind(window);
	}
}
