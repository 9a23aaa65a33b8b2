/**
 * Plans come from many editors: strip a UTF-8 byte-order mark and turn CRLF / CR line
 * endings into LF so positions, frontmatter and bold-line metadata parse the same way.
 * Line numbers are unchanged by this.
 */
export function normalizeSource(raw: string): string {
	const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}
