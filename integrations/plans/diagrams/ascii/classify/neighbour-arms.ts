/**
 * Arms that depend on neighbours: the shaft of an arrow, a border running through an
 * arrowhead (──▼──), a horizontal line running into the side of a `|`.
 */
import { arm, arrowDir, arrowHasShaft, E, LIGHT, opposite, W, withArm } from '../glyphs.ts';
import { ARROW, type Canvas, COLUMN_STEP, LINE, PIPE, ROW_STEP } from './canvas.ts';

const SIDES = [E, W];

export function armFromNeighbours(canvas: Canvas): void {
	const { cells, kind, connections, width } = canvas;
	for (let r = 0; r < canvas.height; r++) {
		for (let c = 0; c < width; c++) {
			const i = r * width + c;
			if (kind[i] === ARROW) connections[i] = arrowArms(canvas, r, c);
			else if (kind[i] === LINE && cells[i] === PIPE) connections[i] |= pipeSideArms(canvas, r, c);
		}
	}
}

/** Every arm a neighbour stretches towards the arrow, and a shaft behind a glyph that has one (→). */
function arrowArms(canvas: Canvas, r: number, c: number): number {
	const code = canvas.arrow[r * canvas.width + c];
	const back = opposite(arrowDir(code));
	let arms = 0;
	for (let dir = 0; dir < 4; dir++) {
		if (dir === arrowDir(code)) continue;
		const weight = canvas.armAt(r + ROW_STEP[dir], c + COLUMN_STEP[dir], opposite(dir));
		if (weight !== 0) arms = withArm(arms, dir, weight);
	}
	if (arrowHasShaft(code) && arm(arms, back) === 0) arms = withArm(arms, back, LIGHT);
	return arms;
}

function pipeSideArms(canvas: Canvas, r: number, c: number): number {
	let arms = 0;
	for (const dir of SIDES) {
		const weight = canvas.armAt(r + ROW_STEP[dir], c + COLUMN_STEP[dir], opposite(dir));
		if (weight !== 0) arms = withArm(arms, dir, weight);
	}
	return arms;
}
