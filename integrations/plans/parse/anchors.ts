import GithubSlugger from 'github-slugger';
import type { ListItem, TableRow } from 'mdast';

/**
 * Hands out the ids of table rows and list items that indexes link to (`risk-database-scaling`).
 * One per plan page, seeded with the page's heading ids so a row can never take a heading's
 * id; repeats get `-1`, `-2` like headings do. The loader and the renderer create the rows in
 * the same order from the same source, so both hand out the same ids.
 */
export class RowAnchors {
	#slugger = new GithubSlugger();

	constructor(headingIds: Iterable<string>) {
		for (const id of headingIds) this.#slugger.slug(id);
	}

	/** `claim('risk', 'Database scaling')` → `risk-database-scaling`. */
	claim(prefix: string, text: string): string {
		const slug = new GithubSlugger().slug(text.split('\n')[0]!.slice(0, 80)) || 'row';
		return this.#slugger.slug(`${prefix}-${slug}`);
	}
}

/** An extracted item and the table row or list item that gets its anchor on the page. */
export interface AnchoredRow<T> {
	item: T;
	/** Absent when the item links to an existing heading instead. */
	node?: TableRow | ListItem;
}
