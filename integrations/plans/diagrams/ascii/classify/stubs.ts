/**
 * A junction (┼ ┬ ┴ ├ ┤) keeps only the arms that meet a stroke, so a ┼ on a separator row
 * sends no stubs into the labels above and below it. Two stubs stay: the trunk of a tree
 * reaching up to its root's name, and the branch of `├ item`.
 */
import { arm, boxConnections, extendBit, JOG_LEFT, JOG_RIGHT, N, S, withArm } from '../glyphs.ts';
import { BLANK, type Canvas, COLUMN_STEP, LINE, ROW_STEP, TEXT } from './canvas.ts';

export function trimJunctionStubs(canvas: Canvas): void {
	const { cells, kind, width } = canvas;
	for (let i = 0; i < canvas.size; i++) {
		const arms = armCount(boxConnections(cells[i]));
		if (kind[i] !== LINE || arms < 3) continue;
		const r = Math.floor(i / width);
		trimJunction(canvas, r, i - r * width, arms);
	}
}

function trimJunction(canvas: Canvas, r: number, c: number, arms: number): void {
	const i = r * canvas.width + c;
	const bits = canvas.connections[i];
	for (let dir = 0; dir < 4; dir++) {
		if (arm(bits, dir) === 0 || bits & extendBit(dir)) continue;
		if ((dir === N && canvas.jogged[i]) || (dir === S && bits & (JOG_RIGHT | JOG_LEFT))) continue;
		const neighbour = canvas.kindAt(r + ROW_STEP[dir], c + COLUMN_STEP[dir]);
		if (neighbour !== BLANK && neighbour !== TEXT) continue;
		const vertical = dir === N || dir === S;
		const crossed = arm(bits, (dir + 1) & 3) !== 0 && arm(bits, (dir + 3) & 3) !== 0;
		const stub = vertical ? neighbour === BLANK || crossed : arms === 4;
		if (stub) canvas.connections[i] = withArm(canvas.connections[i], dir, 0);
	}
}

function armCount(connections: number): number {
	let count = 0;
	for (let dir = 0; dir < 4; dir++) if (arm(connections, dir) !== 0) count++;
	return count;
}
