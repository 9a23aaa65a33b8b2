// Fallback for sites built without a browser: render `pre.mermaid-source` blocks in the
// reader's browser with a self-hosted mermaid, light or dark like the page.

export function renderMermaidSources(): void {
	const sources = [...document.querySelectorAll<HTMLPreElement>('pre.mermaid-source')];
	if (sources.length === 0) return;
	let loading: Promise<void> | undefined;
	const render = () =>
		(loading ??= (async () => {
			const { default: mermaid } = await import('mermaid');
			const dark = document.documentElement.dataset.theme === 'dark';
			mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
			await mermaid.run({ nodes: sources });
		})());
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			void render();
		},
		{ rootMargin: '600px' },
	);
	for (const source of sources) observer.observe(source);
}
