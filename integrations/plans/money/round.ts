/** Rounds half away from zero, absorbing binary noise (1.005 → 1.01, 1200.0000000000002 → 1200). */
export function roundTo(value: number, places: number): number {
	const factor = 10 ** places;
	const scaled = Number((Math.abs(value) * factor).toPrecision(12));
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	// Normalise -0 so it never prints as `-$0`.
	return rounded === 0 ? 0 : rounded;
}
