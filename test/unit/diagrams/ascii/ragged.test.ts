import { describe, expect, it } from 'vitest';
import { CELL_H, CELL_W, centre, type ParsedSvg, render, verticalSpans } from './parse-svg.ts';

// Drawings as authors (and generators) type them: sides a column or two off their corners,
// junctions on separator rows, arrows that miss their lifeline, heads a cell from their line.
// Each is checked as input → the strokes drawn.

const dedent = (text: string) => {
	const lines = text
		.replace(/^\n/, '')
		.replace(/\n\s*$/, '')
		.split('\n');
	const indent = Math.min(
		...lines.filter((line) => line.trim()).map((line) => /^[\t ]*/.exec(line)![0].length),
	);
	return lines.map((line) => line.slice(indent)).join('\n');
};

/** Vertical strokes anywhere but the given columns: stray bars and jogs show up here. */
function verticalsOutside(out: ParsedSvg, cols: number[]): number[] {
	const xs = new Set(cols.map((col) => centre(col, 0).x));
	return out.segments
		.filter((s) => s.x1 === s.x2 && s.y1 !== s.y2 && !xs.has(s.x1))
		.map((s) => s.x1 / CELL_W - 0.5);
}

const jogs = (out: ParsedSvg) =>
	out.segments.filter((s) => s.y1 === s.y2 && Number.isInteger(s.y1 / CELL_H) && s.y1 > 0);

describe('ragged right edges close their box', () => {
	// The corner column is 9; one row's │ is typed at 9 + offset.
	const box = (offset: number) => {
		const row = (text: string, bar: number) => `│ ${text}`.padEnd(bar) + '│';
		return [
			'┌────────┐',
			row('alpha', 9),
			row('beta', 9 + offset),
			row('gamma', 9),
			'└────────┘',
		].join('\n');
	};

	for (const offset of [1, 2, -1, -2]) {
		it(`draws a │ ${offset > 0 ? '+' : ''}${offset} column${Math.abs(offset) > 1 ? 's' : ''} off on its corner's column`, () => {
			const out = render(box(offset));
			expect(verticalSpans(out, 9)).toEqual([[0, 4]]);
			expect(verticalSpans(out, 0)).toEqual([[0, 4]]);
			expect(verticalsOutside(out, [0, 9])).toEqual([]);
			expect(jogs(out)).toEqual([]);
			expect(out.texts.map((t) => t.text)).toEqual(['alpha', 'beta', 'gamma']);
		});
	}

	it('keeps a line that leaves a side typed a column out attached to the side it moves to', () => {
		const out = render(['┌──────┐', '│ A    │', '│ B     │──▶ next', '└──────┘'].join('\n'));
		expect(verticalSpans(out, 7)).toEqual([[0, 3]]);
		// The arrow's line now starts at the side (column 7), through the cell the bar left.
		const row = centre(0, 2).y;
		const line = out.segments.filter((segment) => segment.y1 === row && segment.y2 === row);
		expect(Math.min(...line.flatMap((segment) => [segment.x1, segment.x2]))).toBeLessThanOrEqual(
			centre(7, 2).x + CELL_W / 2,
		);
		expect(out.tips).toHaveLength(1);
	});

	it('extends a bottom edge that stops two columns short of the top corner', () => {
		const out = render(
			dedent(`
			┌──────────┐
			│ service  │
			└────────┘
		`),
		);
		expect(verticalSpans(out, 11)).toEqual([[0, 2]]);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ y1: centre(0, 2).y, x1: centre(0, 2).x, x2: centre(11, 2).x }),
		);
	});

	it('keeps each bar with its own box when a nest of boxes drifts two columns left', () => {
		const out = render(
			dedent(`
			┌──────────────┐
			│ ┌──────────┐ │
			│ │ inner  │ │
			│ └──────────┘ │
			└──────────────┘
		`),
		);
		expect(verticalSpans(out, 15)).toEqual([[0, 4]]);
		expect(verticalSpans(out, 13)).toEqual([[1, 3]]);
		expect(verticalsOutside(out, [0, 2, 13, 15])).toEqual([]);
	});

	it('follows an outer side that drifts a column every few rows', () => {
		const rows = ['┌──────────┐'];
		for (let r = 0; r < 8; r++) rows.push('│ row'.padEnd(11 - Math.floor(r / 2)) + '│');
		rows.push('└────────┘');
		const out = render(rows.join('\n'));
		expect(verticalSpans(out, 11)).toEqual([[0, 9]]);
		expect(verticalsOutside(out, [0, 11])).toEqual([]);
	});

	it('widens a box whose writing reaches its corner column, instead of cutting the writing', () => {
		const out = render(
			dedent(`
			┌──────┐
			│ text │
			│ more!!│
			└──────┘
		`),
		);
		expect(out.texts.map((t) => t.text)).toEqual(['text', 'more!!']);
		expect(verticalSpans(out, 8)).toEqual([[0, 3]]);
		expect(verticalsOutside(out, [0, 8])).toEqual([]);
		expect(jogs(out)).toEqual([]);
	});

	it('leaves a │ where it is when neither it nor the edges can move, and joins it with jogs', () => {
		const out = render(
			dedent(`
			┌──────┐─
			│ text │
			│ more!!│
			└──────┘
		`),
		);
		expect(verticalSpans(out, 8)).toEqual([[1.5, 2.5]]);
		expect(jogs(out)).toHaveLength(2);
	});

	it('lines up a corner once the bar that stood in its way has moved', () => {
		// The inner box's bottom corner can reach its top corner's column only after the outer
		// box's │ on that row has moved out to its own corner.
		const out = render(
			dedent(`
			┌────────────────┐
			│ ┌─────────┐    │
			│ │ inner   │   │
			│ │ more    │  │
			│ └───────┘ │
			└────────────────┘
		`),
		);
		expect(verticalSpans(out, 12)).toEqual([[1, 4]]);
		expect(verticalSpans(out, 17)).toEqual([[0, 5]]);
		expect(verticalsOutside(out, [0, 2, 12, 17])).toEqual([]);
	});
});

describe('junctions draw only the arms that meet a stroke', () => {
	it('sends no stub from a ┼ on a separator row into the label rows', () => {
		const out = render(
			dedent(`
			┌─────────────────┐
			│       │         │
			├───────┼─────────┤
			│   Service Layer │
			├───────┼─────────┤
			│   ┌───┴───┐     │
			│   │ store │     │
			│   └───────┘     │
			└─────────────────┘
		`),
		);
		// The connector runs from the top box down to the first separator, then from the second
		// separator into the box below; nothing crosses the label row.
		expect(verticalSpans(out, 8)).toEqual([
			[0, 2],
			[4, 5],
		]);
	});

	it('keeps the trunk and branches of a tree whose ├ sit under a name', () => {
		const out = render('Basic\n├ Text\n└ Date');
		expect(verticalSpans(out, 0)).toEqual([[0.5, 2]]);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ y1: centre(0, 1).y, x1: centre(0, 1).x, x2: round(1 * CELL_W) }),
		);
	});
});

const round = (value: number) => Math.round(value * 100) / 100;

describe('tees slide onto the line they meet', () => {
	it('moves a ┬ along its edge onto the │ one column beside it', () => {
		const out = render(
			dedent(`
			┌───────┐
			└──┬────┘
			    │
			┌───┴───┐
			└───────┘
		`),
		);
		expect(verticalSpans(out, 4)).toEqual([[1, 3]]);
		expect(verticalSpans(out, 3)).toEqual([]);
		expect(jogs(out)).toEqual([]);
	});
});

describe('arrows meet the lifelines they end on', () => {
	const sequence = dedent(`
		Client          Server
		  +               +
		  |               |
		  +----request---->+
		  |               |
		  +<---reply------+
		  |               |
		  +               +
	`);

	it('keeps a lifeline continuous where an arrow overshot it by a column', () => {
		const out = render(sequence);
		expect(verticalSpans(out, 18)).toEqual([[1, 7]]);
		expect(verticalSpans(out, 2)).toEqual([[1, 7]]);
		expect(out.texts.map((t) => t.text)).not.toContain('+');
		// The head ends on the lifeline.
		expect(out.tips).toContainEqual({ x: centre(18, 3).x, y: centre(18, 3).y });
	});

	it('lengthens an arrow whose + stops a column short of the lifeline', () => {
		const out = render(sequence.replace('+<---reply------+', '+<---reply-----+ '));
		expect(verticalSpans(out, 18)).toEqual([[1, 7]]);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ y1: centre(0, 5).y, x2: centre(18, 5).x }),
		);
	});
});

describe('arrowheads attach to a line a cell away', () => {
	it('moves a ▼ one column beside the end of the line above it under that line', () => {
		const out = render(
			dedent(`
			┌──────┐
			└──┬───┘
			    ▼
			┌──────┐
			└──────┘
		`),
		);
		expect(out.tips).toHaveLength(1);
		expect(out.tips[0].x).toBe(centre(3, 2).x);
		// The shaft runs from the ┬ into the head's cell, unbroken.
		const [shaft] = verticalSpans(out, 3);
		expect(shaft[0]).toBe(1);
		expect(shaft[1]).toBeGreaterThan(2);
	});

	it('trades a ▼ set into a top edge with the edge stroke under the line', () => {
		const out = render(
			dedent(`
			┌─────┐
			└──┬──┘
			   │
			┌─▼───┐
			└─────┘
		`),
		);
		expect(out.tips).toHaveLength(1);
		expect(out.tips[0].x).toBe(centre(3, 3).x);
	});

	it('fills a one-row gap between a │ and its ▼', () => {
		const out = render(
			dedent(`
			┌─────┐
			└──┬──┘

			   ▼
			┌─────┐
			└─────┘
		`),
		);
		expect(verticalSpans(out, 3)[0][0]).toBe(1);
		expect(verticalSpans(out, 3)[0][1]).toBeGreaterThanOrEqual(3);
	});
});

describe('glyphs inside a label are writing', () => {
	it('keeps the ▼ of a [birthDate ▼] field as text', () => {
		const out = render(
			dedent(`
			┌────────────────┐
			│ [birthDate ▼]  │
			└────────────────┘
		`),
		);
		expect(out.tips).toEqual([]);
		expect(out.texts.map((t) => t.text)).toEqual(['[birthDate ▼]']);
	});

	it('still draws a ▼ between strokes as an arrowhead', () => {
		const out = render('┌───┐\n└─┬─┘\n  ▼\n[ok]');
		expect(out.tips).toHaveLength(1);
	});
});
