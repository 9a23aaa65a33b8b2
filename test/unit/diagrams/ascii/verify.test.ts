import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { classify } from '#plans/diagrams/ascii/classify/index.ts';
import { parseGrid } from '#plans/diagrams/ascii/grid.ts';
import { straighten } from '#plans/diagrams/ascii/straighten/index.ts';
import { verifyDrawing } from '#plans/diagrams/ascii/verify.ts';
import { centre, parseSvg, render, verticalSpans } from './parse-svg.ts';

// A drawing is published only when it matches its text; these are the checks, each shown
// failing on a drawing that breaks it, and the drawings they must leave alone.

const fixture = (name: string) =>
	readFileSync(new URL(`../../../fixtures/drawings/${name}`, import.meta.url), 'utf8');
const LIMITS = { maxColumns: 400, maxRows: 2000 };

function drawingOf(text: string) {
	const parsed = parseGrid(text, LIMITS);
	if (!parsed.ok) throw new Error(parsed.reason);
	return { source: parsed.grid, drawing: classify(straighten(parsed.grid)) };
}

describe('boxes stacked inside a box', () => {
	const out = render(fixture('stacked-in-a-ring.txt'));

	it('keeps the two stacked boxes apart: the gap between them is not a box', () => {
		// Receiver A spans rows 3–7, Receiver B rows 10–14; nothing joins them at column 36.
		expect(verticalSpans(out, 36)).toEqual([
			[3, 7],
			[10, 14],
			[20, 22],
		]);
		expect(verticalSpans(out, 54)).toEqual([
			[3, 7],
			[10, 14],
			[20, 22],
		]);
	});

	it('keeps the ring around them whole, under the arrow drawn across its side', () => {
		// The arrow on row 12 crosses the side; the side runs on below it to the ring's bottom.
		const spans = verticalSpans(out, 33).filter(([from]) => from < 17);
		expect(spans[0]![0]).toBe(1);
		expect(spans.at(-1)![1]).toBe(16);
		expect(spans.every(([from, to], k) => k === 0 || from === 12 || to - from > 0)).toBe(true);
		expect(verticalSpans(out, 57).filter(([from]) => from < 17)).toEqual([[1, 16]]);
	});
});

describe('drawings that do not match their text are refused, and say where', () => {
	it('refuses a box whose side is typed far from its column (a gap, and a bar that meets nothing)', () => {
		const result = renderAsciiDiagram(
			'┌─────────┐\n│ alpha   │\n│ beta    │\n│ gamma             │\n└─────────┘',
			{ idPrefix: 'd' },
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.place).toEqual({ line: 4, column: 21 });
		expect(result.reason).toBe('a "│" here meets no other line');
	});

	it('refuses corners that do not meet: a top edge one column short of its side', () => {
		// The arrowhead in the top edge keeps the box from being found and lined up.
		const text = '     |\n+----v----+\n| Operator |\n+----------+';
		const result = renderAsciiDiagram(text, { idPrefix: 'd' });
		expect(result).toMatchObject({ ok: false, place: { line: 2, column: 12 } });
		expect(result.ok === false && result.reason).toBe(
			'two lines end here without meeting, a corner short',
		);
	});

	it('refuses an arrow whose head stayed writing (`v---+` turning down)', () => {
		const text =
			'+------+      +------+\n| A    |      | B    |\n+------+      +---+--+\n   v--------------+\n+------+\n| C    |\n+------+';
		const result = renderAsciiDiagram(text, { idPrefix: 'd' });
		expect(result).toMatchObject({ ok: false, place: { line: 4, column: 4 } });
	});

	it('draws the refused drawing anyway with verify: false', () => {
		const text = '┌─────────┐\n│ alpha   │\n│ gamma             │\n└─────────┘';
		expect(renderAsciiDiagram(text, { idPrefix: 'd', verify: false }).ok).toBe(true);
	});

	it('checks writing: a character moved or turned into a stroke fails', () => {
		const { source, drawing } = drawingOf('┌───────┐\n│ alpha │\n└───────┘');
		const moved = { ...drawing, grid: { ...drawing.grid, cells: drawing.grid.cells.slice() } };
		moved.grid.cells[1 * drawing.grid.width + 2] = 0x62; // "a" shown as "b"
		expect(verifyDrawing(source, moved)).toMatchObject({ check: 'writing', row: 1, column: 2 });
		const stroked = { ...drawing, kind: drawing.kind.slice() };
		stroked.kind[1 * drawing.grid.width + 3] = 2; // "l" drawn as a line
		expect(verifyDrawing(source, stroked)).toMatchObject({ check: 'writing', row: 1, column: 3 });
	});

	it('checks boxes: a side with a gap fails', () => {
		const { source, drawing } = drawingOf('┌───────┐\n│ alpha │\n│       │\n│ beta  │\n└───────┘');
		const width = drawing.grid.width;
		const broken = {
			...drawing,
			kind: drawing.kind.slice(),
			connections: drawing.connections.slice(),
		};
		broken.kind[2 * width + 8] = 0;
		broken.connections[2 * width + 8] = 0;
		expect(verifyDrawing(source, broken)).toMatchObject({ check: 'box', column: 8 });
		expect(verifyDrawing(source, drawing)).toBeNull();
	});
});

describe('a box overhanging the side of the box around it', () => {
	it("leaves the outer box as wide as written, not widened onto the inner box's side", () => {
		const out = render(
			[
				'┌──────────────────┐',
				'│ Layer            │',
				'│  ┌──────┐  ┌──────┐',
				'│  │ A    │  │ Beta │',
				'│  │      │  │ Gamma│',
				'│  └──────┘  └──────┘',
				'└──────────────────┘',
			].join('\n'),
		);
		const topEdge = out.segments.filter(
			(segment) => segment.y1 === segment.y2 && segment.y1 === centre(0, 0).y,
		);
		expect(Math.max(...topEdge.flatMap((segment) => [segment.x1, segment.x2]))).toBe(
			centre(19, 0).x,
		);
		expect(out.texts.map((text) => text.text)).toEqual(['Layer', 'A', 'Beta', 'Gamma']);
	});
});

describe('a band under a shared edge (├──┼──┤)', () => {
	it('closes the band spanning the whole edge, not only the one to the nearest tee', () => {
		// Under the band's ┤ (column 15) the author typed the side two columns in on two rows.
		const out = render(
			[
				'┌──────────────┐',
				'│ Layer        │',
				'├──────┼───────┤',
				'│ ┌──┐ │ ┌─┐ │',
				'│ └──┘ │ └─┘ │',
				'│      │       │',
				'├──────┴───────┤',
				'│ Storage      │',
				'└──────────────┘',
			].join('\n'),
		);
		expect(verticalSpans(out, 15)).toEqual([[0, 8]]);
		expect(verticalSpans(out, 13)).toEqual([]);
	});
});

describe('drawings the checks leave alone', () => {
	it.each([
		[
			'a label written over a lifeline',
			'│            │\n│ a long label that covers\n│            │\n├───────────►│',
		],
		[
			'a side hanging from a longer edge (a T without its +)',
			'+---------------+\n|       |       |\n|   A   +-------+\n|       |   B   |\n+---------------+',
		],
		['an arrowhead set into a corner', '┌─────────┐\n│ ┌──────┤\n│ │ Inner│\n└─▲──────┘\n  │'],
		['a bar between two labels', '{Valid?}\n   │\n  YES'],
		[
			'a box side a column off on one row',
			'┌────────┐\n│ alpha  │\n│ beta    │\n│ gamma  │\n└────────┘',
		],
	])('%s', (_name, text) => {
		const result = renderAsciiDiagram(text, { idPrefix: 'd' });
		expect(result.ok ? 'drawn' : result.reason).toBe('drawn');
	});
});

describe('the SVG of a drawn fixture parses', () => {
	it('as XML', () => {
		const result = renderAsciiDiagram(fixture('stacked-in-a-ring.txt'), { idPrefix: 'd' });
		expect(result.ok && parseSvg(result.svg).texts.map((t) => t.text)).toEqual([
			'Tenant ring',
			'Load Balancer',
			'Receiver A',
			'Receiver B',
			'Dedicated ring',
			'Receiver C',
		]);
	});
});
