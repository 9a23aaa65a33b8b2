/**
 * Slides a tee along its edge onto the line it meets: `└──┬──┘` over a │ one column to the
 * right of the ┬ is how a connector looks when the box above was typed a column narrower. The
 * ┬ trades places with the edge stroke beside it, so the connector leaves the box straight.
 */
import { arm, boxConnections, E, N, opposite, S, W } from '../glyphs.ts';
import type { CellEditor } from './cells.ts';

const reaches = (cp: number, dir: number): boolean => arm(boxConnections(cp), dir) !== 0;
/** `─`, `═`: reaches both ways along the edge and nowhere else. */
const isPlainEdge = (cp: number): boolean =>
	reaches(cp, E) && reaches(cp, W) && !reaches(cp, N) && !reaches(cp, S);

export function slideJunctions(grid: CellEditor): void {
	for (let r = 0; r < grid.height; r++) {
		for (let c = 0; c < grid.width; c++) {
			const cp = grid.at(r, c);
			if (!reaches(cp, E) || !reaches(cp, W)) continue;
			if (reaches(cp, S) && !reaches(cp, N)) slide(grid, r, c, S);
			else if (reaches(cp, N) && !reaches(cp, S)) slide(grid, r, c, N);
		}
	}
}

/** Moves the tee at (r, c), whose arm in `dir` meets nothing, onto the line one column over. */
function slide(grid: CellEditor, r: number, c: number, dir: number): void {
	const next = r + (dir === S ? 1 : -1);
	if (grid.at(next, c) !== 0x20) return;
	const meets = (x: number): boolean =>
		reaches(grid.at(next, x), opposite(dir)) && isPlainEdge(grid.at(r, x));
	const sides = [c - 1, c + 1].filter(meets);
	if (sides.length !== 1 || !grid.editable(r, c) || !grid.editable(r, sides[0])) return;
	const tee = grid.at(r, c);
	grid.set(r, c, grid.at(r, sides[0]));
	grid.set(r, sides[0], tee);
}
