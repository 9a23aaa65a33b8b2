/** A label as a key: `Start_Date` → `start date`. */
export function fieldKey(label: string): string {
	return label
		.replace(/:\s*$/, '')
		.replace(/[-_]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

/**
 * A metadata field a plan states in its text: `**Version**: 1.0`, `- Start Date: 2015-08-04`,
 * `* Status: **Implemented**`, a `| Status | Draft |` row.
 */
export interface DocumentField {
	/** The label, lower-cased, with `-` and `_` as spaces: `start date`. */
	key: string;
	value: string;
	/** First link inside the value, e.g. the spec link. */
	href?: string;
	line: number;
	column: number;
}
