/**
 * Title for navigation lists, where every entry saying "Technical Plan: …" is noise:
 * the template's prefix is dropped; the plan page itself shows the full title.
 */
export function navTitle(title: string): string {
	return title.replace(/^(technical\s+)?(research\s+and\s+build\s+)?plan\s*[:—–-]\s*(?=\S)/i, '');
}
