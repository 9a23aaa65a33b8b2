/** A label as a key: `Start_Date` → `start date`. */
export function fieldKey(label: string): string {
	return label
		.replace(/:\s*$/, '')
		.replace(/[-_]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}
