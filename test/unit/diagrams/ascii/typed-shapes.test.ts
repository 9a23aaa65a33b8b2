import { describe, expect, it } from 'vitest';
import { CELL_H, centre, type ParsedSvg, render } from './parse-svg.ts';

// Shapes authors type with characters the stroke rules would read as writing: spaced dashes,
// `.` and `'` corners, arrow glyphs in labels, lists of `└─` items. Each: input → what is drawn.

// Stroke classes (stroke-classes.ts): l and h solid, dl and dh dashed.
const dashed = (out: ParsedSvg) => out.segments.filter((s) => s.cls.startsWith('d'));
const solid = (out: ParsedSvg) => out.segments.filter((s) => !s.cls.startsWith('d'));
const texts = (out: ParsedSvg) => out.texts.map((t) => t.text);

describe('spaced dashes', () => {
	it('draw a dashed box typed without corners, with corners that meet', () => {
		const out = render(
			' - - - - - - - - -\n|  optional step  |\n - - - - - - - - -\n         |\n         v\n+-----------------+\n|  required step  |\n+-----------------+',
		);
		expect(texts(out)).toEqual(['optional step', 'required step']);
		const box = dashed(out);
		// Top and bottom edges run from the left side's column (0) to the right side's (18).
		const left = centre(0, 0).x;
		const right = centre(18, 0).x;
		for (const row of [0, 2]) {
			expect(box.some((s) => s.y1 === s.y2 && s.y1 === centre(0, row).y)).toBe(true);
			// Dashed between its corners; the corners themselves join the sides.
			const edge = out.segments.filter((s) => s.y1 === s.y2 && s.y1 === centre(0, row).y);
			expect(Math.min(...edge.flatMap((s) => [s.x1, s.x2]))).toBeLessThanOrEqual(left);
			expect(Math.max(...edge.flatMap((s) => [s.x1, s.x2]))).toBeGreaterThanOrEqual(right);
		}
		// Both sides are drawn, dashed, over the middle row.
		for (const x of [left, right])
			expect(box.some((s) => s.x1 === x && s.x2 === x && s.y1 !== s.y2)).toBe(true);
		// The arrow below is solid and still reaches the box under it.
		expect(out.tips).toHaveLength(1);
	});

	it('draw a dashed arrow between lifelines (`+- - - ->+`, `+<- - -+`)', () => {
		const out = render(
			'A                    B\n|                    |\n+- - - - - - - - - ->|\n|                    |\n|<- - - - - - - - - -+\n|                    |',
		);
		expect(texts(out)).toEqual(['A', 'B']);
		expect(out.tips).toHaveLength(2);
		const rows = dashed(out)
			.filter((s) => s.y1 === s.y2)
			.map((s) => s.y1);
		expect(new Set(rows)).toEqual(new Set([centre(0, 2).y, centre(0, 4).y]));
	});

	it('stay writing when they touch nothing', () => {
		const out = render('┌──────┐\n│ a  b │\n└──┬───┘\n   │\n - - - -  notes');
		expect(texts(out)).toEqual(['a', 'b', '- - - -', 'notes']);
		expect(dashed(out)).toEqual([]);
	});
});

describe('ASCII rounded corners', () => {
	it("join `.---.` over `'---'` into one box", () => {
		const out = render(
			".--------.\n| Client |\n`--------'\n    |\n    v\n.--------.\n| Server |\n'--------'",
		);
		expect(texts(out)).toEqual(['Client', 'Server']);
		// No corner mark is left as text, and each box is closed: arcs at its four corners.
		expect(out.svg).not.toMatch(/>[.'`]</);
		expect(
			out.commands.filter((command) => command.includes('A') || command.includes('Q')).length,
		).toBeGreaterThanOrEqual(8);
	});

	it('leave a full stop or a quote in writing alone', () => {
		const out = render("┌──────────────┐\n│ it's done.   │\n└──────────────┘");
		expect(texts(out)).toEqual(["it's done."]);
	});
});

describe('arrow glyphs', () => {
	it('stay writing inside a label (`A → B`), as typed', () => {
		const out = render('┌───────────────┐\n│ YAML → dict   │\n└───────────────┘');
		expect(texts(out)).toEqual(['YAML → dict']);
		expect(out.tips).toEqual([]);
	});

	it('are drawn where they end a line', () => {
		const out = render('┌────┐        ┌────┐\n│ A  │ ←───── │ B  │\n└────┘        └────┘');
		expect(out.tips).toHaveLength(1);
		expect(texts(out)).toEqual(['A', 'B']);
	});

	it('draw a labelled vertical arrow like an unlabelled one', () => {
		const out = render(
			'+--------+\n| Client |\n+--------+\n    |\n    | creates\n    v\n+--------+\n| Server |\n+--------+',
		);
		expect(texts(out)).toEqual(['Client', 'creates', 'Server']);
		expect(out.tips).toHaveLength(1);
		const x = centre(4, 0).x;
		expect(
			solid(out).some(
				(s) =>
					s.x1 === x &&
					s.x2 === x &&
					Math.min(s.y1, s.y2) <= 3 * CELL_H &&
					Math.max(s.y1, s.y2) >= 5 * CELL_H,
			),
		).toBe(true);
	});
});

describe('lists of └─ items', () => {
	it('do not join two └ stacked in a list into a ├', () => {
		const out = render(
			'┌──────────────┐\n│ • process    │\n│   └─ pid     │\n│   └─ name    │\n└──────────────┘',
		);
		const x = centre(4, 0).x;
		// Each └ keeps only its own arm up: nothing runs from the upper └ down into the lower one.
		const down = solid(out).filter(
			(s) =>
				s.x1 === x &&
				s.x2 === x &&
				Math.max(s.y1, s.y2) > centre(4, 2).y + 1e-6 &&
				Math.min(s.y1, s.y2) < centre(4, 2).y + CELL_H / 2 - 1e-6,
		);
		expect(down).toEqual([]);
	});
});
