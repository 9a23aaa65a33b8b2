import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';

export const CELL_W = 8.4;
export const CELL_H = 18;

export interface TextRun {
	text: string;
	col: number;
	row: number;
	cols: number;
}

export interface Segment {
	cls: string;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface ParsedSvg {
	svg: string;
	document: Document;
	root: Element;
	texts: TextRun[];
	segments: Segment[];
	/** All path data commands, e.g. "M4.2 9H46.2". */
	commands: string[];
	/** Arrowheads as tip points (first point of each polygon), in px. */
	tips: { x: number; y: number }[];
}

const { DOMParser } = new JSDOM('').window;

/** Parses with the XML parser, so the SVG must be well-formed XML to parse at all. */
export function parseSvg(svg: string): ParsedSvg {
	const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
	const root = document.documentElement;
	expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
	const texts = [...root.querySelectorAll('text')].map((el) => ({
		text: el.textContent ?? '',
		col: Math.round(Number(el.getAttribute('x')) / CELL_W),
		row: Math.round((Number(el.getAttribute('y')) - 13) / CELL_H),
		cols: Math.round(Number(el.getAttribute('textLength')) / CELL_W),
	}));
	const segments: Segment[] = [];
	const commands: string[] = [];
	for (const path of root.querySelectorAll('path')) {
		const cls = path.getAttribute('class') ?? '';
		const d = path.getAttribute('d') ?? '';
		for (const command of d.match(/M[^M]+/g) ?? []) {
			commands.push(command);
			const m = /^M(-?[\d.]+) (-?[\d.]+)([HVL])(-?[\d.]+)(?: (-?[\d.]+))?$/.exec(command);
			if (!m) continue;
			const [x1, y1, value, value2] = [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])];
			if (m[3] === 'H') segments.push({ cls, x1, y1, x2: value, y2: y1 });
			else if (m[3] === 'V') segments.push({ cls, x1, y1, x2: x1, y2: value });
			else segments.push({ cls, x1, y1, x2: value, y2: value2 });
		}
	}
	const tips = [...root.querySelectorAll('polygon')].map((polygon) => {
		const [x, y] = (polygon.getAttribute('points') ?? '').split(' ')[0].split(',').map(Number);
		return { x, y };
	});
	return { svg, document, root, texts, segments, commands, tips };
}

/** Renders and parses, failing the test when the renderer declines. */
export function render(code: string, idPrefix = 'diagram-1', label?: string): ParsedSvg {
	const result = renderAsciiDiagram(code, { idPrefix, label });
	if (!result.ok) throw new Error(`renderer declined: ${result.reason}`);
	return parseSvg(result.svg);
}

/** Pixel position of a cell's centre. */
export const centre = (col: number, row: number) => ({
	x: round(col * CELL_W + CELL_W / 2),
	y: round(row * CELL_H + CELL_H / 2),
});
export const round = (value: number) => Math.round(value * 100) / 100;

/** The cell a point falls in. */
export const cellOf = (point: { x: number; y: number }) => ({
	col: Math.floor(point.x / CELL_W),
	row: Math.floor(point.y / CELL_H),
});

/** Letters and digits of a text, in order: what must survive rendering. */
export const wordChars = (text: string) =>
	[...text.matchAll(/[\p{L}\p{N}]/gu)].map((m) => m[0]).join('');

/** Rows (cell units) over which a vertical stroke runs at a column, merged into spans between cell centres. */
export function verticalSpans(out: ParsedSvg, col: number): [number, number][] {
	const x = centre(col, 0).x;
	const spans = out.segments
		.filter((s) => s.x1 === x && s.x2 === x && s.y1 !== s.y2)
		.map(
			(s) =>
				[Math.min(s.y1, s.y2) / CELL_H - 0.5, Math.max(s.y1, s.y2) / CELL_H - 0.5] as [
					number,
					number,
				],
		)
		.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const span of spans) {
		const last = merged.at(-1);
		if (last && span[0] <= last[1] + 1e-6) last[1] = Math.max(last[1], span[1]);
		else merged.push([...span]);
	}
	return merged;
}
