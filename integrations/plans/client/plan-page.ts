// Plan pages: copy-link buttons, the current-section marker in the table of contents,
// and the mobile plans menu. Everything here is an enhancement: anchors work without it.

import { markScrollingDiagrams } from './scrolling-diagrams.ts';
import { markScrollingTables } from './scrolling-tables.ts';
import './stale-page.ts';

const toast = document.querySelector<HTMLElement>('.toast');
let toastTimer: number | undefined;

function announce(message: string) {
	if (!toast) return;
	toast.textContent = message;
	toast.classList.add('visible');
	clearTimeout(toastTimer);
	toastTimer = window.setTimeout(() => toast.classList.remove('visible'), 2000);
}

/**
 * A copy-link button after a `#` link: built here rather than sent in every page (a plan has
 * a hundred or more), so a page without JavaScript carries no button that cannot work.
 */
function copyLinkButton(
	link: HTMLAnchorElement,
	label: string,
	title: string,
	className: string,
): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = className;
	button.dataset.anchor = decodeURIComponent(link.hash.slice(1));
	button.title = title;
	const name = document.createElement('span');
	name.className = 'sr-only';
	name.textContent = label;
	const text = document.createElement('span');
	text.ariaHidden = 'true';
	text.textContent = 'Copy link';
	button.append(name, text);
	link.after(button);
	return button;
}

function copyLinkButtons(): HTMLButtonElement[] {
	const sections = [
		...document.querySelectorAll<HTMLAnchorElement>('.heading-wrapper > a.anchor-link'),
	].map((link) => {
		const heading = link.parentElement!.firstElementChild!.textContent!.trim();
		return copyLinkButton(
			link,
			`Copy link to section “${heading}”`,
			'Copy link to this section',
			'copy-link',
		);
	});
	const rows = [...document.querySelectorAll<HTMLAnchorElement>('a.row-anchor')].map((link) => {
		// The link's own name is "Link to “…”".
		const label = `Copy ${link.getAttribute('aria-label')!.replace(/^Link/, 'link')}`;
		return copyLinkButton(link, label, 'Copy link to this row', 'copy-link row-copy-link');
	});
	return [...sections, ...rows];
}

for (const button of copyLinkButtons()) {
	button.addEventListener('click', async () => {
		const url = new URL(location.href);
		url.hash = button.dataset.anchor!;
		try {
			await navigator.clipboard.writeText(url.href);
			button.classList.add('copied');
			setTimeout(() => button.classList.remove('copied'), 2000);
			announce('Link copied to clipboard');
		} catch {
			announce('Could not copy; use the # link next to the heading');
		}
	});
}

// Diagram figures: copy the original source of a drawing.
for (const button of document.querySelectorAll<HTMLButtonElement>(
	'.diagram-source button.copy-source',
)) {
	button.hidden = false;
	button.addEventListener('click', async () => {
		const source = button.parentElement?.querySelector('pre')?.textContent ?? '';
		try {
			await navigator.clipboard.writeText(source);
			announce('Diagram source copied to clipboard');
		} catch {
			announce('Could not copy; select the source text instead');
		}
	});
}

markScrollingDiagrams();
markScrollingTables();

// Mark the section being read: the last heading that has scrolled past the header.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const headings = tocLinks
	.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
	.filter((heading): heading is HTMLElement => heading !== null);

// A heading counts as reached once it is where a #link would put it: its scroll margin, the
// same for every heading, so it is read once rather than on every scroll frame.
const landing = headings[0] ? parseFloat(getComputedStyle(headings[0]).scrollMarginTop) || 0 : 0;

function markCurrent() {
	let current: HTMLElement | undefined;
	for (const heading of headings) {
		if (heading.getBoundingClientRect().top <= landing + 4) current = heading;
		else break;
	}
	current ??= headings[0];
	for (const link of tocLinks) {
		if (current && decodeURIComponent(link.hash.slice(1)) === current.id) {
			link.setAttribute('aria-current', 'true');
			keepInView(link);
		} else link.removeAttribute('aria-current');
	}
}

/** A long table of contents scrolls on its own: keep the current entry visible in it. */
function keepInView(link: HTMLElement) {
	const toc = link.closest<HTMLElement>('.toc');
	if (!toc || toc.scrollHeight <= toc.clientHeight) return;
	const top = link.offsetTop - toc.offsetTop;
	if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - link.offsetHeight) {
		toc.scrollTop = top - toc.clientHeight / 2;
	}
}

if (headings.length > 0) {
	let scheduled = false;
	addEventListener(
		'scroll',
		() => {
			if (scheduled) return;
			scheduled = true;
			requestAnimationFrame(() => {
				scheduled = false;
				markCurrent();
			});
		},
		{ passive: true },
	);
	addEventListener('hashchange', markCurrent);
	// Arriving at #section: the browser scrolls to it after this script may have run.
	addEventListener('load', () => requestAnimationFrame(markCurrent));
	markCurrent();
}

// Blocks off screen are laid out at an estimated size (content-visibility), so the browser's
// jump to #id lands short of a section far down a long plan: once the blocks it passed are
// laid out, the target is put where the jump meant it to be.
function alignTarget() {
	const id = decodeURIComponent(location.hash.slice(1));
	const target = id ? document.getElementById(id) : null;
	if (!target) return;
	const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
	let frames = 0;
	const settle = () => {
		if (Math.abs(target.getBoundingClientRect().top - margin) > 2) target.scrollIntoView();
		if (++frames < 4) requestAnimationFrame(settle);
	};
	requestAnimationFrame(settle);
}
addEventListener('load', alignTarget);
addEventListener('hashchange', alignTarget);

// Mobile: the sidebar opens as a panel from the menu button.
const menu = document.querySelector<HTMLButtonElement>('.menu-toggle');
const sidebar = document.getElementById('plans-sidebar');
if (menu && sidebar) {
	menu.hidden = false;
	const setOpen = (open: boolean) => {
		menu.setAttribute('aria-expanded', String(open));
		document.body.classList.toggle('nav-open', open);
	};
	menu.addEventListener('click', () => setOpen(menu.getAttribute('aria-expanded') !== 'true'));
	addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
			setOpen(false);
			menu.focus();
		}
	});
	sidebar.addEventListener('click', (event) => {
		if ((event.target as Element).closest('a')) setOpen(false);
	});
}
