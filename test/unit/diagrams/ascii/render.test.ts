import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { CELL_H, CELL_W, cellOf, centre, parseSvg, render, round, wordChars } from './parse-svg.ts';

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

const template = readFileSync(
	new URL('../../../fixtures/template/technical-plan.md', import.meta.url),
	'utf8',
);
/** A fence of the template-shaped plan, found by a line it contains. */
const templateFence = (containing: string) => {
	const fence = template
		.split(/^```.*$/m)
		.find((block, index) => index % 2 === 1 && block.includes(containing));
	if (!fence) throw new Error(`no fence of the template-shaped plan contains ${containing}`);
	return fence.replace(/^\n/, '').replace(/\n$/, '');
};

describe('boxes and lines', () => {
	it('draws a Unicode box as four joined segments and keeps the label as text', () => {
		const out = render(
			dedent(`
			┌────┐
			│ Hi │
			└────┘
		`),
		);
		const [left, right] = [centre(0, 0).x, centre(5, 0).x];
		const [top, bottom] = [centre(0, 0).y, centre(0, 2).y];
		expect(out.commands.sort()).toEqual(
			[
				`M${left} ${top}H${right}`,
				`M${left} ${bottom}H${right}`,
				`M${left} ${top}V${bottom}`,
				`M${right} ${top}V${bottom}`,
			].sort(),
		);
		expect(out.texts).toEqual([{ text: 'Hi', col: 2, row: 1, cols: 2 }]);
	});

	it('draws an ASCII +--+ box exactly like the Unicode one', () => {
		const unicode = render('┌────┐\n│ Hi │\n└────┘');
		const ascii = render('+----+\n| Hi |\n+----+');
		expect(ascii.commands.sort()).toEqual(unicode.commands.sort());
		expect(ascii.texts).toEqual(unicode.texts);
	});

	it('joins tees and crossings so boxes sharing an edge have no gaps', () => {
		const out = render(
			dedent(`
			┌──┬──┐
			│a │b │
			├──┼──┤
			│c │d │
			└──┴──┘
		`),
		);
		// Three full-height verticals and three full-width horizontals, one segment each.
		expect(out.segments).toHaveLength(6);
		for (const col of [0, 3, 6]) {
			expect(out.segments).toContainEqual(
				expect.objectContaining({ x1: centre(col, 0).x, y1: centre(0, 0).y, y2: centre(0, 4).y }),
			);
		}
		expect(out.texts.map((t) => t.text)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('uses heavy, dashed, double and rounded strokes for those box characters', () => {
		const out = render(
			dedent(`
			╔══╗ ┏━━┓ ╭──╮ ┌┄┄┐
			║ab║ ┃cd┃ │ef│ ┆gh┆
			╚══╝ ┗━━┛ ╰──╯ └┄┄┘
		`),
		);
		const classes = new Set(out.segments.map((s) => s.cls));
		expect(classes).toEqual(new Set(['l', 'h', 'dl']));
		// Double lines: two strokes 3px apart around the row centre.
		const y = centre(0, 0).y;
		expect(out.segments).toContainEqual(
			expect.objectContaining({ cls: 'l', y1: y - 1.5, y2: y - 1.5 }),
		);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ cls: 'l', y1: y + 1.5, y2: y + 1.5 }),
		);
		// Rounded corners are quadratic curves.
		expect(out.commands.filter((c) => c.includes('Q'))).toHaveLength(4);
		expect(out.texts.map((t) => t.text)).toEqual(['ab', 'cd', 'ef', 'gh']);
	});

	it('reads _ as a line along the bottom of its cells, = as a double line and * as a junction dot', () => {
		const out = render(
			dedent(`
			 ___
			|   |
			|___|
			*===*
		`),
		);
		// The lid sits on the top edge of row 1 and reaches the centres of both walls.
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(0, 0).x, x2: centre(4, 0).x, y1: CELL_H, y2: CELL_H }),
		);
		// The floor likewise, on the bottom edge of row 2.
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(0, 2).x, x2: centre(4, 2).x, y1: 3 * CELL_H }),
		);
		// Two strokes for === between the two * dots.
		const y = centre(0, 3).y;
		expect(
			out.segments.filter((s) => s.y1 === s.y2 && (s.y1 === y - 1.5 || s.y1 === y + 1.5)),
		).toHaveLength(2);
		expect(out.root.querySelectorAll('circle')).toHaveLength(2);
		expect(out.texts).toEqual([]);
	});

	it('draws a file tree inside a drawing with branches from the trunk', () => {
		const out = render('root\n├── a.ts\n└── b.ts');
		expect(out.texts.map((t) => t.text)).toEqual(['root', 'a.ts', 'b.ts']);
		// Trunk from the top of row 1 to the centre of row 2, branches to the right edge of column 2.
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(0, 1).x, y1: CELL_H, y2: centre(0, 2).y }),
		);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(0, 1).x, y1: centre(0, 1).y, x2: round(3 * CELL_W) }),
		);
	});

	it('draws the Test Pyramid of the template with diagonals and keeps its labels', () => {
		const out = render(templateFence('/UI\\'));
		const diagonals = out.segments.filter((s) => s.x1 !== s.x2 && s.y1 !== s.y2);
		// 7 rows, a / and a \ on each.
		expect(diagonals).toHaveLength(14);
		// The apex: / and \ meet at the top of row 0.
		expect(diagonals).toContainEqual(expect.objectContaining({ x2: round(9 * CELL_W), y2: 0 }));
		expect(diagonals).toContainEqual(expect.objectContaining({ x1: round(9 * CELL_W), y1: 0 }));
		// The three ← touch no line and stand in their labels: writing, as typed, not tiny arrowheads.
		expect(out.texts.map((t) => t.text)).toEqual([
			'UI',
			'← 10% (browser journeys)',
			'API',
			'← 25% (endpoints and database)',
			'Unit',
			'← 65% (scheduling rules)',
		]);
		expect(out.tips).toHaveLength(0);
	});

	it('expands tabs to 8-column stops and ignores trailing whitespace', () => {
		const out = render('+--+\tx   \n|  |\ty\n+--+   ');
		expect(out.texts).toEqual([
			{ text: 'x', col: 8, row: 0, cols: 1 },
			{ text: 'y', col: 8, row: 1, cols: 1 },
		]);
		expect(out.root.getAttribute('viewBox')).toBe(
			`-2 -2 ${round(9 * CELL_W + 4)} ${3 * CELL_H + 4}`,
		);
	});
});

describe('arrowheads', () => {
	it('puts a ▼ tip on the border of the box it points into', () => {
		const out = render(
			dedent(`
			┌───┐
			│ A │
			└─┬─┘
			  │
			  ▼
			┌───┐
			│ B │
			└───┘
		`),
		);
		expect(out.tips).toEqual([centre(2, 5)]);
		// The shaft runs unbroken from the tee to the arrowhead.
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(2, 2).x, y1: centre(2, 2).y, y2: 4 * CELL_H }),
		);
	});

	it('recognises ASCII --> and <-- and points them the right way', () => {
		const out = render('A ---> B\nC <--- D');
		expect(out.tips).toHaveLength(2);
		const [right, left] = out.tips;
		expect(cellOf(right)).toEqual({ col: 5, row: 0 });
		expect(right.x).toBeGreaterThan(centre(5, 0).x);
		expect(cellOf(left)).toEqual({ col: 2, row: 1 });
		expect(left.x).toBeLessThan(centre(2, 1).x);
		expect(out.texts.map((t) => t.text)).toEqual(['A', 'B', 'C', 'D']);
	});

	it('reads v under a vertical line as a down arrow and ──► into a box as touching it', () => {
		const out = render(
			dedent(`
			+---+     ┌───┐
			| a |────►│ b │
			+---+     └───┘
			  |
			  v
			 end
		`),
		);
		expect(out.tips).toHaveLength(2);
		// ► touches the │ of the box: its tip is on the centre of the next column.
		expect(out.tips).toContainEqual(centre(10, 1));
		// v points down from the | above it.
		const down = out.tips.find((tip) => cellOf(tip).row === 4)!;
		expect(down.x).toBe(centre(2, 4).x);
		expect(down.y).toBeGreaterThan(centre(2, 4).y);
		expect(out.texts.map((t) => t.text)).toEqual(['a', 'b', 'end']);
	});

	it('draws an arrowhead sitting on a border (──▲──) with the border running through it', () => {
		const out = render('┌──▲──┐\n│  │  │\n└──┴──┘');
		expect(out.tips).toEqual([centre(3, 0)]);
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: centre(0, 0).x, y1: centre(0, 0).y, x2: centre(6, 0).x }),
		);
	});
});

describe('writing stays text', () => {
	it('keeps hyphens, pipes, pluses, arrows-like operators and underscores that belong to words', () => {
		const lines = [
			'non-blocking I/O',
			'a | b',
			'+1 and C++',
			'x <- y',
			'item => item',
			'snake_case __init__',
			'ls --for',
			'a-b-c',
		];
		const body = lines.map((line) => `│ ${line.padEnd(20)} │`);
		const border = '─'.repeat(22);
		const out = render([`┌${border}┐`, ...body, `└${border}┘`].join('\n'));
		expect(out.texts.map((t) => t.text)).toEqual(lines);
		// Nothing but the box itself is drawn.
		expect(out.segments).toHaveLength(4);
		expect(out.tips).toHaveLength(0);
	});

	it('splits runs at gaps of two spaces and places each at its own column', () => {
		const out = render(
			'┌───────────────────────┐\n│ Client    API Gateway │\n└───────────────────────┘',
		);
		expect(out.texts).toEqual([
			{ text: 'Client', col: 2, row: 1, cols: 6 },
			{ text: 'API Gateway', col: 12, row: 1, cols: 11 },
		]);
	});

	it('keeps every text run of a misaligned drawing (a │ one column off)', () => {
		const out = render(
			dedent(`
			┌──────┐
			│ text  │
			│ more │
			└──────┘
		`),
		);
		expect(out.texts.map((t) => t.text)).toEqual(['text', 'more']);
		// The stray │ is drawn on its corner's column, so the right side is one straight stroke.
		expect(out.segments).toContainEqual(
			expect.objectContaining({
				x1: centre(7, 0).x,
				y1: centre(0, 0).y,
				x2: centre(7, 0).x,
				y2: centre(0, 3).y,
			}),
		);
	});

	it('keeps all text of the template architecture diagram, whose service boxes are misaligned', () => {
		const out = render(templateFence('Load balancer'));
		expect(out.texts.map((t) => t.text)).toEqual([
			'Browser',
			'Load balancer',
			'Shift API',
			'Notifier',
			'(HTTP)',
			'(queue)',
			'Postgres, Redis',
		]);
		expect(out.tips).toHaveLength(5);
	});

	it('shifts the cells after a wide CJK character by two columns', () => {
		const out = render(
			dedent(`
			┌──────┐
			│漢字ab│
			│abcdef│
			└──────┘
		`),
		);
		// Wide characters form their own run; the Latin after them starts two columns per character later.
		expect(out.texts).toEqual([
			{ text: '漢字', col: 1, row: 1, cols: 4 },
			{ text: 'ab', col: 5, row: 1, cols: 2 },
			{ text: 'abcdef', col: 1, row: 2, cols: 6 },
		]);
		// The right border is one straight line: the CJK row lines up with the others.
		const right = centre(7, 0).x;
		expect(out.segments).toContainEqual(
			expect.objectContaining({ x1: right, x2: right, y1: centre(0, 0).y, y2: centre(0, 3).y }),
		);
	});

	it('treats a symbol with an emoji presentation selector as two cells wide', () => {
		const out = render('┌────────┐\n│ ✍️ Sign│\n└────────┘');
		expect(out.texts).toEqual([
			{ text: '✍️', col: 2, row: 1, cols: 2 },
			{ text: 'Sign', col: 5, row: 1, cols: 4 },
		]);
		expect(out.segments.filter((s) => s.x1 === s.x2 && s.x1 === centre(9, 0).x)).toHaveLength(1);
	});
});

describe('safety', () => {
	const hostile = dedent(`
		┌────────────────────────────────┐
		│ <script>alert(1)</script>      │
		│ <img src=x onerror=alert(1)>   │
		│ "quotes" & 'apostrophes'       │
		└────────────────────────────────┘
	`);

	const noActiveContent = (root: Element) => {
		expect(root.querySelectorAll('script, img, foreignObject, iframe')).toHaveLength(0);
		for (const element of [root, ...root.querySelectorAll('*')]) {
			for (const attribute of element.getAttributeNames())
				expect(attribute.toLowerCase().startsWith('on')).toBe(false);
		}
	};

	it('keeps markup inside a drawing as text, as XML and when inlined into HTML', () => {
		const out = render(hostile, 'diagram-1', '"><script>alert(2)</script>');
		expect(out.texts.map((t) => t.text)).toEqual([
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			`"quotes" & 'apostrophes'`,
		]);
		noActiveContent(out.root);
		expect(out.root.querySelector('title')?.textContent).toBe('"><script>alert(2)</script>');

		const html = new JSDOM(`<!doctype html><body>${out.svg}</body>`).window.document;
		noActiveContent(html.body);
		expect([...html.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
			out.texts.map((t) => t.text),
		);
	});

	it('cleans an id prefix that would break out of its attribute', () => {
		const result = renderAsciiDiagram('+--+\n|  |\n+--+', { idPrefix: 'x" onload="alert(1)' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const out = parseSvg(result.svg);
		noActiveContent(out.root);
		expect(out.root.id).toMatch(/^[A-Za-z][\w-]*$/);
	});
});

describe('the SVG element', () => {
	const out = render('┌──┐\n│ok│\n└──┘', 'diagram-3');

	it('is an accessible image named by its title', () => {
		expect(out.root.getAttribute('role')).toBe('img');
		const title = out.root.querySelector('title')!;
		expect(out.root.getAttribute('aria-labelledby')).toBe(title.id);
		expect(title.id).toBe('diagram-3-title');
		expect(title.textContent).toBe('Diagram');
		expect(
			render('┌┐\n└┘', 'diagram-4', 'Request flow').root.querySelector('title')?.textContent,
		).toBe('Request flow');
	});

	it('scopes every style rule to its id and takes colours from the page', () => {
		expect(out.root.id).toBe('diagram-3-svg');
		const css = out.root.querySelector('style')?.textContent ?? '';
		const rules = css.split('}').filter((rule) => rule.trim());
		expect(rules.length).toBeGreaterThan(0);
		for (const rule of rules) {
			for (const selector of rule.slice(0, rule.indexOf('{')).split(','))
				expect(selector.trim()).toMatch(/^#diagram-3-svg(\s|$)/);
		}
		expect(css).toContain('var(--diagram-stroke,currentColor)');
		expect(css).toMatch(/text\{fill:var\(--diagram-text,currentColor\)/);
		expect(out.svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
	});

	it('sizes the picture to the grid: 8.4 × 18 px cells and a 14px monospace font', () => {
		expect(out.root.getAttribute('width')).toBe(String(round(4 * CELL_W + 4)));
		expect(out.root.getAttribute('height')).toBe(String(3 * CELL_H + 4));
		expect(out.root.querySelector('style')?.textContent).toMatch(/font-size:14px/);
		expect(out.root.getAttribute('xml:space')).toBe('preserve');
	});

	it('is the same for the same input', () => {
		const code = templateFence('Load balancer');
		const first = renderAsciiDiagram(code, { idPrefix: 'diagram-1' });
		const second = renderAsciiDiagram(code, { idPrefix: 'diagram-1' });
		const other = renderAsciiDiagram(code, { idPrefix: 'diagram-2' });
		if (!first.ok || !second.ok || !other.ok) throw new Error('the template diagram must render');
		expect(second.svg).toBe(first.svg);
		// Only the ids depend on the prefix.
		expect(other.svg).not.toBe(first.svg);
		expect(other.svg.replaceAll('diagram-2', 'diagram-1')).toBe(first.svg);
	});
});

describe('falling back to <pre>', () => {
	it.each([
		['empty input', ''],
		['only whitespace', '  \n\t\n'],
		['prose without drawing characters', 'Just a sentence.\nAnd another one.'],
	])('declines %s', (_name, code) => {
		expect(renderAsciiDiagram(code, { idPrefix: 'd' })).toMatchObject({
			ok: false,
			reason: expect.any(String),
		});
	});

	it('declines lines wider than 400 columns and says so', () => {
		const result = renderAsciiDiagram(`┌${'─'.repeat(420)}┐\n└${'─'.repeat(420)}┘`, {
			idPrefix: 'd',
		});
		expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/columns/) });
	});

	it('declines when the line characters do not connect into a drawing', () => {
		const result = renderAsciiDiagram('│ a\n\nb ─ c\n\n┐ d\n\n┘ e\n\n└', { idPrefix: 'd' });
		expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/connect/) });
	});
});

describe('robustness', () => {
	// Deterministic pseudo-random strings, so a failure can be replayed.
	const random = (seed: number) => () => {
		seed = (seed * 1664525 + 1013904223) >>> 0;
		return seed / 2 ** 32;
	};
	const alphabet = [
		...'─│┌┐└┘├┤┬┴┼━┃┏┓┗┛═║╔╗╚╝╭╮╰╯┄┆╱╲╳▲▼►◄▶◀→←↑↓+-|/\\*_=<>v^V.:\'"&',
		...'abcXYZ019 ',
		' ',
		' ',
		'\n',
		'\n',
		'\t',
		'\r',
		'漢',
		'한',
		'Ａ',
		'🚀',
		'✍️',
		'\u0301',
		'\u200d',
		'\u0000',
		'\u0007',
		'\ud800',
		'\udfff',
		'\ufffe',
	];

	it('never throws and always returns either a well-formed SVG that keeps the words, or a reason', () => {
		const next = random(42);
		let drawn = 0;
		for (let run = 0; run < 300; run++) {
			const length = Math.floor(next() * 300);
			let code = '';
			for (let i = 0; i < length; i++) code += alphabet[Math.floor(next() * alphabet.length)];
			// Noise is mostly refused by the check against its text; the attempt must still be sound.
			expect(() => renderAsciiDiagram(code, { idPrefix: `fuzz-${run}` })).not.toThrow();
			const result = renderAsciiDiagram(code, { idPrefix: `fuzz-${run}`, verify: false });
			if (!result.ok) {
				expect(result.reason).toEqual(expect.any(String));
				continue;
			}
			drawn++;
			const out = parseSvg(result.svg);
			// Letters and digits never become drawing, except v and V as arrowheads.
			const kept = wordChars(out.texts.map((t) => t.text).join(''));
			expect(kept.replace(/[vV]/g, '')).toBe(wordChars(code).replace(/[vV]/g, ''));
		}
		expect(drawn).toBeGreaterThan(50);
	});

	it('does not throw on inputs that are not strings or options that are missing', () => {
		expect(renderAsciiDiagram(undefined as unknown as string, { idPrefix: 'd' }).ok).toBe(false);
		expect(
			renderAsciiDiagram('+-+\n| |\n+-+', undefined as unknown as { idPrefix: string }).ok,
		).toBe(true);
	});
});
