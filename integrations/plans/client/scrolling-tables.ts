// Tables wider than the column scroll sideways in their box. While one does, its box is a named
// region that the keyboard can focus, so that the arrow keys scroll it; a table that fits is no
// tab stop. Browsers that make scrolling boxes focusable themselves do so without JavaScript.

/** Watches every table of the plan and its box, and marks the box again whenever either resizes. */
export function markScrollingTables(): void {
	const boxes = document.querySelectorAll<HTMLElement>('.plan-content .table-scroll');
	if (boxes.length === 0) return;
	// The table too: its width changes while its box keeps the column's.
	const observer = new ResizeObserver((entries) => {
		for (const entry of entries) markScrolling(entry.target.closest<HTMLElement>('.table-scroll')!);
	});
	for (const box of boxes) {
		observer.observe(box);
		if (box.firstElementChild) observer.observe(box.firstElementChild);
	}
}

function markScrolling(box: HTMLElement): void {
	const scrolls = box.scrollWidth > box.clientWidth + 1;
	if (scrolls === box.hasAttribute('tabindex')) return;
	if (scrolls) {
		box.tabIndex = 0;
		box.setAttribute('role', 'region');
		box.setAttribute('aria-label', 'Table');
	} else {
		for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
	}
}
