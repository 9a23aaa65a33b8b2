/**
 * A pattern of whole words, case-insensitive, with Unicode-aware edges: `\b` only knows ASCII
 * letters, so it would find "or" in "orçamento". `units` may follow a `/` glued to anything
 * (`Cost/mo`).
 */
export function words(pattern: string, units = ''): RegExp {
	return new RegExp(
		`(?:(?<![\\p{L}\\p{N}])(?:${pattern})${units && `|\\/\\s*(?:${units})`})(?![\\p{L}\\p{N}])`,
		'iu',
	);
}
