// In `astro dev`, a plan page rendered before its plan last changed reloads once it connects:
// it may have missed the reload the server sent while it was loading (see `PageReloads`).
// A build drops all of this, as `import.meta.hot` is undefined there.

import { PAGE_EDITION_EVENT, STALE_PAGE_EVENT } from '../render/page-reloads.ts';

if (import.meta.hot) {
	const hot = import.meta.hot;
	const edition = document.querySelector<HTMLElement>('[data-plans-edition]')?.dataset.plansEdition;
	if (edition !== undefined) {
		hot.on(STALE_PAGE_EVENT, () => location.reload());
		hot.send(PAGE_EDITION_EVENT, Number(edition));
	}
}
