// Fallback for sites built without a browser: render `pre.mermaid-source` blocks in the
// reader's browser with a self-hosted mermaid, light or dark like the page, and again when
// the reader toggles the theme. Like a drawing made at build time, one is never shown with
// text below 12 px: a wider one scrolls in its figure.

import { measureTextSize, readableWidth } from '../diagrams/mermaid/text-size.ts';

export function renderMermaidSources(): void {
	const blocks = [...document.querySelectorAll<HTMLPreElement>('pre.mermaid-source')];
	if (blocks.length === 0) return;
	const sources = blocks.map((block) => block.textContent ?? '');
	const src = document.querySelector<HTMLElement>('[data-plans-mermaid]')?.dataset.plansMermaid;
	if (!src) return;
	let mermaidModule: Promise<typeof import('mermaid').default> | undefined;

	const render = async () => {
		// mermaid's own prebuilt modules, served by the site (see diagrams/mermaid/self-hosted.ts).
		mermaidModule ??= import(/* @vite-ignore */ src).then(
			(module: { default: typeof import('mermaid').default }) => module.default,
		);
		const mermaid = await mermaidModule;
		const dark = document.documentElement.dataset.theme === 'dark';
		mermaid.initialize({
			startOnLoad: false,
			securityLevel: 'strict',
			theme: dark ? 'dark' : 'default',
		});
		blocks.forEach((block, index) => {
			block.removeAttribute('data-processed');
			block.textContent = sources[index]!;
		});
		await mermaid.run({ nodes: blocks });
		for (const block of blocks) keepTextReadable(block);
	};

	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			void render();
			new MutationObserver(() => void render()).observe(document.documentElement, {
				attributeFilter: ['data-theme'],
			});
		},
		{ rootMargin: '600px' },
	);
	for (const block of blocks) observer.observe(block);
}

/** Sets the narrowest the block's drawing may be shown (the style sheet reads it), as the build does for its own. */
function keepTextReadable(block: HTMLElement): void {
	const svg = block.querySelector('svg');
	const width = svg && readableWidth(svg.viewBox.baseVal?.width, measureTextSize(svg));
	if (width) block.style.setProperty('--diagram-min-width', `${width}px`);
	else block.style.removeProperty('--diagram-min-width');
}
