import { describe, expect, it } from 'vitest';
import { CONTINUATION, cellText, type Grid, parseGrid, SPACE } from '#plans/diagrams/ascii/grid.ts';
import { codePointWidth } from '#plans/diagrams/ascii/width.ts';

const limits = { maxColumns: 400, maxRows: 2000 };

function grid(text: string): Grid {
	const result = parseGrid(text, limits);
	if (!result.ok) throw new Error(result.reason);
	return result.grid;
}

/** The rows as the cells see them: continuation cells as '·'. */
function rows(g: Grid): string[] {
	const out: string[] = [];
	for (let r = 0; r < g.height; r++) {
		let row = '';
		for (let c = 0; c < g.width; c++)
			row += g.cells[r * g.width + c] === CONTINUATION ? '·' : cellText(g, r * g.width + c);
		out.push(row);
	}
	return out;
}

describe('codePointWidth', () => {
	it.each([
		['a', 1],
		['─', 1],
		['▼', 1],
		['→', 1],
		['é', 1],
		['漢', 2],
		['한', 2],
		['ア', 2],
		['Ａ', 2],
		['🚀', 2],
		['✅', 2],
		['⚠', 1],
		['\u0301', 0],
		['\u200d', 0],
		['\ufe0f', 0],
	])('%s is %i cells', (ch, width) => {
		expect(codePointWidth(ch.codePointAt(0) as number)).toBe(width);
	});
});

describe('parseGrid', () => {
	it('expands tabs to the next multiple of 8', () => {
		expect(rows(grid('a\tb\n\tc\nabcdefgh\td'))).toEqual([
			'a       b'.padEnd(17),
			'        c'.padEnd(17),
			'abcdefgh        d',
		]);
	});

	it('drops trailing whitespace and blank lines around the drawing, but keeps inner blank lines', () => {
		const g = grid('\n\n  +--+   \n\n  |  |\t\n\n');
		expect(g.width).toBe(6);
		expect(rows(g)).toEqual(['  +--+', '      ', '  |  |']);
	});

	it('gives wide characters two cells, so what follows moves by two', () => {
		const g = grid('漢x\nab|');
		expect(rows(g)).toEqual(['漢·x', 'ab|']);
		expect(g.cells[2]).toBe('x'.codePointAt(0));
	});

	it('keeps combining marks and emoji selectors with their character', () => {
		const g = grid('e\u0301|✍\ufe0f|');
		expect(rows(g)).toEqual(['e\u0301|✍\ufe0f·|']);
		expect(cellText(g, 0)).toBe('e\u0301');
	});

	it('reads CRLF and CR line ends', () => {
		expect(rows(grid('ab\r\ncd\ref'))).toEqual(['ab', 'cd', 'ef']);
	});

	it('drops control characters and replaces what XML cannot carry', () => {
		const g = grid('a\u0000b\u0007c\ud800d\ufffe');
		expect(rows(g)).toEqual(['abc\ufffdd\ufffd']);
	});

	it('keeps a mark with nothing before it as a character of its own, but drops a leading format character', () => {
		expect(rows(grid('\u0301a'))).toEqual(['\u0301a']);
		expect(rows(grid('\ufeff+-+\n\u200e| |'))).toEqual(['+-+', '| |']);
	});

	it('refuses empty input and lines over the column limit', () => {
		expect(parseGrid(' \n\t\n', limits)).toEqual({ ok: false, reason: 'the diagram is empty' });
		const wide = parseGrid(`ok\n${'-'.repeat(401)}`, limits);
		expect(wide.ok).toBe(false);
		expect(!wide.ok && wide.reason).toBe('line 2 is 401 columns wide (limit 400)');
		// Wide characters count double.
		expect(parseGrid('漢'.repeat(201), limits).ok).toBe(false);
		expect(parseGrid('漢'.repeat(200), limits).ok).toBe(true);
		expect(parseGrid('x\n'.repeat(2001), limits).ok).toBe(false);
		// Trailing spaces do not count; a character after them does.
		expect(parseGrid(`a${' '.repeat(500)}`, limits).ok).toBe(true);
		expect(parseGrid(`a${' '.repeat(500)}x`, limits).ok).toBe(false);
		expect(parseGrid(`a${'\t'.repeat(60)}x`, limits).ok).toBe(false);
	});

	it('fills short rows with spaces', () => {
		const g = grid('abc\na');
		expect(g.cells[g.width + 1]).toBe(SPACE);
	});
});
