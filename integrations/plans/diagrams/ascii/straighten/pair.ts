/**
 * Pairs the bars of one row with the box sides they belong to. Both lists are sorted and the
 * pairing keeps their order, so when every border of a nest of boxes sits two columns left of
 * its corner, each bar still goes to its own box and not to the inner box's column.
 */

/** Worth of one pair: more pairs always beat shorter moves. */
const PAIR = 1024;

export interface Side {
	column: number;
	/** How far from `column` a bar of this side may be. */
	reach: number;
}

/**
 * For each bar, the column of the side it pairs with, or -1. A pair is at most its side's
 * reach apart; the result has the most pairs, and among those the least total distance.
 */
export function pairInOrder(sides: readonly Side[], bars: readonly number[]): number[] {
	const n = sides.length;
	const m = bars.length;
	const stride = m + 1;
	const best = new Float64Array((n + 1) * stride);
	for (let i = 1; i <= n; i++) {
		for (let j = 1; j <= m; j++) {
			const distance = Math.abs(sides[i - 1].column - bars[j - 1]);
			const paired =
				distance <= sides[i - 1].reach
					? best[(i - 1) * stride + j - 1] + PAIR - distance
					: -Infinity;
			best[i * stride + j] = Math.max(best[(i - 1) * stride + j], best[i * stride + j - 1], paired);
		}
	}
	const pairs = new Array<number>(m).fill(-1);
	for (let i = n, j = m; i > 0 && j > 0;) {
		if (best[i * stride + j] === best[(i - 1) * stride + j]) i--;
		else if (best[i * stride + j] === best[i * stride + j - 1]) j--;
		else {
			pairs[j - 1] = sides[i - 1].column;
			i--;
			j--;
		}
	}
	return pairs;
}
