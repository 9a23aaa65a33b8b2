// The search page: loads Pagefind's UI from the site's own `pagefind/` folder (no CDN) and
// runs the query the header's search box sent as `?q=`.

interface PagefindUIInstance {
	triggerSearch(term: string): void;
}
declare global {
	interface Window {
		PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
	}
}

const container = document.querySelector<HTMLElement>('#plans-search');
if (container) {
	const bundle = container.dataset.bundle ?? '/pagefind/';
	const script = document.createElement('script');
	script.src = `${bundle}pagefind-ui.js`;
	script.addEventListener('load', () => {
		if (!window.PagefindUI) return;
		const ui = new window.PagefindUI({
			element: '#plans-search',
			bundlePath: bundle,
			showSubResults: true,
			showImages: false,
			resetStyles: false,
			translations: { placeholder: 'Search plans' },
		});
		// Pagefind names its box only by placeholder; screen readers need a real name.
		container
			.querySelector('.pagefind-ui__search-input')
			?.setAttribute('aria-label', 'Search plans');
		const query = new URLSearchParams(location.search).get('q');
		if (query) ui.triggerSearch(query);
	});
	script.addEventListener('error', () => {
		document.querySelector<HTMLElement>('.search-unavailable')?.removeAttribute('hidden');
	});
	document.head.append(script);
}

export {};
