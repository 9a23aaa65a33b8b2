/**
 * `+` and `*` are corners and junctions: they reach every neighbour whose line reaches them,
 * and each other (a lifeline of + under +). A worklist spreads that through chains of `+`.
 */
import { arm, DOT, DOUBLE, E, LIGHT, N, opposite, S, W, withArm } from '../glyphs.ts';
import { type Canvas, COLUMN_STEP, LINE, PLUS, ROW_STEP, STAR, TEXT } from './canvas.ts';

const isJunctionChar = (cp: number): boolean => cp === PLUS || cp === STAR;

export function markJunctions(canvas: Canvas): void {
	const { cells, kind, connections, width } = canvas;
	const junctions: number[] = [];
	const pending: number[] = [];
	for (let i = 0; i < canvas.size; i++) if (isJunctionChar(cells[i])) pending.push(i);
	while (pending.length > 0) {
		const i = pending.pop() as number;
		if (kind[i] === LINE) continue;
		const r = Math.floor(i / width);
		const c = i - r * width;
		if (junctionArms(canvas, r, c) === 0) continue;
		kind[i] = LINE;
		junctions.push(i);
		for (let dir = 0; dir < 4; dir++) {
			const nr = r + ROW_STEP[dir];
			const nc = c + COLUMN_STEP[dir];
			if (canvas.kindAt(nr, nc) === TEXT && isJunctionChar(canvas.codeAt(nr, nc)))
				pending.push(nr * width + nc);
		}
	}
	for (const i of junctions) {
		const r = Math.floor(i / width);
		connections[i] = junctionArms(canvas, r, i - r * width) | (cells[i] === STAR ? DOT : 0);
	}
}

/** The arms a `+` at (r, c) has: one towards each line, junction or arrowhead that meets it. */
function junctionArms(canvas: Canvas, r: number, c: number): number {
	let arms = 0;
	for (let dir = 0; dir < 4; dir++) {
		const nr = r + ROW_STEP[dir];
		const nc = c + COLUMN_STEP[dir];
		let weight = canvas.armAt(nr, nc, opposite(dir));
		if (weight === 0 && canvas.kindAt(nr, nc) === LINE && isJunctionChar(canvas.codeAt(nr, nc)))
			weight = LIGHT;
		if (
			weight === 0 &&
			((dir === S && canvas.isDownHead(nr, nc)) || (dir === N && canvas.isUpHead(nr, nc)))
		)
			weight = LIGHT;
		if (weight !== 0) arms = withArm(arms, dir, weight === DOUBLE ? DOUBLE : LIGHT);
	}
	// `+5%` under a box edge: only vertical arms and a word beside it means it is text.
	if (arm(arms, E) === 0 && arm(arms, W) === 0 && canvas.wordAround(r, c)) return 0;
	return arms;
}
