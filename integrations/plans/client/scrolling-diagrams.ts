// Diagrams wider than the column scroll sideways in their figure (a Mermaid diagram is never
// shrunk below readable text). While one does, its caption says so, and its drawing is a named,
// focusable group, so that the keyboard's arrow keys scroll it. A figure that fits is left as it is.

/** Watches every diagram's drawing, and marks it again whenever its box changes size. */
export function markScrollingDiagrams(): void {
	const canvases = document.querySelectorAll<HTMLElement>('figure.diagram > .diagram-canvas');
	if (canvases.length === 0) return;
	// Called once each drawing is laid out, so figures far down the page cost nothing until then.
	const observer = new ResizeObserver((entries) => {
		for (const entry of entries) markScrolling(entry.target as HTMLElement);
	});
	for (const canvas of canvases) observer.observe(canvas);
}

function markScrolling(canvas: HTMLElement): void {
	const figure = canvas.parentElement!;
	const scrolls = canvas.scrollWidth > canvas.clientWidth + 1;
	if (scrolls === figure.hasAttribute('data-scrolls')) return;
	figure.toggleAttribute('data-scrolls', scrolls);
	const hint = scrollHint(figure);
	hint.hidden = !scrolls;
	if (scrolls) {
		canvas.tabIndex = 0;
		canvas.setAttribute('role', 'group');
		canvas.setAttribute('aria-labelledby', `${figure.getAttribute('aria-labelledby')} ${hint.id}`);
	} else {
		for (const name of ['tabindex', 'role', 'aria-labelledby']) canvas.removeAttribute(name);
	}
}

/** The figure's "Scroll sideways" hint, after its label in the caption; made the first time it is needed. */
function scrollHint(figure: HTMLElement): HTMLElement {
	const id = `${figure.id}-scroll-hint`;
	const existing = document.getElementById(id);
	if (existing) return existing;
	const hint = document.createElement('span');
	hint.id = id;
	hint.className = 'diagram-scroll-hint';
	hint.textContent = 'Scroll sideways';
	const arrow = document.createElement('span');
	arrow.ariaHidden = 'true';
	arrow.textContent = ' →';
	hint.append(arrow);
	figure.querySelector('.diagram-label')!.after(hint);
	return hint;
}
