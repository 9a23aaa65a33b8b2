import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { type Severity, severityBand } from '../parse/risks.ts';
import { type ChartOptions, num, rect, svgRoot, text, textWidth } from './svg.ts';

/** A likelihood or impact level as written in a plan's risk table. */
export type MatrixLevel = 'Low' | 'Medium' | 'High' | 'Critical';

/** One dot of {@link riskMatrix}. */
export interface MatrixRisk {
	/** The risk as written, shown in the dot's tooltip. */
	label: string;
	likelihood: MatrixLevel;
	impact: MatrixLevel;
	/** Where the dot links to, e.g. the risk's table row. */
	href: string;
	/** short marker text in the dot, e.g. "1" */
	marker: string;
}

const ALL_LEVELS: readonly MatrixLevel[] = ['Low', 'Medium', 'High', 'Critical'];
const PAD = 4;
const CELL_WIDTH = 96;
const MIN_CELL_HEIGHT = 64;
/** Space between cells, so neighbouring cells of one severity still read as separate. */
const CELL_GAP = 3;
/** Space between a cell's edge and its dots. */
const CELL_INSET = 5;
const DOT_GAP = 3;
const MAX_RADIUS = 10;
/** Below this a marker number is no longer readable; cells grow taller instead. */
const MIN_RADIUS = 6.5;
/** Column left of the level names for the rotated "Likelihood" title. */
const AXIS_TITLE_SIZE = 22;

/**
 * Colours used when charts.css is not loaded (e.g. the page is copied elsewhere); the stylesheet
 * overrides them with theme-aware ones.
 */
const FALLBACK_FILL: Record<Severity, string> = {
	low: '#d5f5dc',
	medium: '#fff1c2',
	high: '#ffe2cc',
	critical: '#ffd8d3',
};
const FALLBACK_DOT: Record<Severity, string> = {
	low: '#116329',
	medium: '#6b4a00',
	high: '#7a3300',
	critical: '#82071e',
};

/** The largest dot radius at which `count` dots fit in the box as a grid, or undefined if none does. */
function fitRadius(count: number, width: number, height: number): number | undefined {
	for (let radius = MAX_RADIUS; radius >= MIN_RADIUS; radius -= 0.5) {
		const pitch = radius * 2 + DOT_GAP;
		const columns = Math.floor((width + DOT_GAP) / pitch);
		const rows = Math.floor((height + DOT_GAP) / pitch);
		if (columns * rows >= count) return radius;
	}
	return undefined;
}

/**
 * Centres of `count` dots packed in a box, row by row in input order: as few rows as the width
 * allows, columns balanced across rows, the whole grid (and a short last row) centred.
 */
function packDots(
	count: number,
	x: number,
	y: number,
	width: number,
	height: number,
): { radius: number; centres: Array<[number, number]> } {
	const radius = fitRadius(count, width, height) ?? MIN_RADIUS;
	const pitch = radius * 2 + DOT_GAP;
	const capacity = Math.max(1, Math.floor((width + DOT_GAP) / pitch));
	const rows = Math.ceil(count / capacity);
	const columns = Math.ceil(count / rows);
	const gridHeight = rows * pitch - DOT_GAP;
	const centres: Array<[number, number]> = [];
	for (let index = 0; index < count; index++) {
		const row = Math.floor(index / columns);
		const inRow = Math.min(columns, count - row * columns);
		const rowWidth = inRow * pitch - DOT_GAP;
		const column = index - row * columns;
		centres.push([
			x + (width - rowWidth) / 2 + radius + column * pitch,
			y + (height - gridHeight) / 2 + radius + row * pitch,
		]);
	}
	return { radius, centres };
}

/**
 * Likelihood (y, Low at the bottom) × impact (x, Low at the left) grid with one linked dot per risk.
 * 3×3 (Low/Medium/High) unless some risk is Critical on either axis, then 4×4. Risks sharing a
 * cell are packed in a small grid in input order; cells grow taller rather than let dots overlap.
 */
export function riskMatrix(risks: MatrixRisk[], options: ChartOptions): Element {
	const critical = risks.some(
		(risk) => risk.likelihood === 'Critical' || risk.impact === 'Critical',
	);
	const levels = ALL_LEVELS.slice(0, critical ? 4 : 3);
	const size = levels.length;
	const indexOf = (level: MatrixLevel) => Math.max(0, levels.indexOf(level));

	// Risks per cell, keyed "likelihood,impact", in input order.
	const cells = new Map<string, MatrixRisk[]>();
	for (const risk of risks) {
		const key = `${indexOf(risk.likelihood)},${indexOf(risk.impact)}`;
		const cell = cells.get(key);
		if (cell) cell.push(risk);
		else cells.set(key, [risk]);
	}
	const innerWidth = CELL_WIDTH - CELL_GAP - CELL_INSET * 2;
	const crowded = Math.max(0, ...[...cells.values()].map((cell) => cell.length));
	let cellHeight = MIN_CELL_HEIGHT;
	while (fitRadius(crowded, innerWidth, cellHeight - CELL_GAP - CELL_INSET * 2) === undefined)
		cellHeight += MIN_RADIUS * 2 + DOT_GAP;

	const levelWidth = Math.max(...levels.map((level) => textWidth(level)));
	const gridX = Math.round(PAD + AXIS_TITLE_SIZE + levelWidth + 8);
	const gridY = PAD + 2;
	const gridBottom = gridY + size * cellHeight;
	const width = gridX + size * CELL_WIDTH + PAD;
	const height = gridBottom + 44;
	// Row 0 is the top of the grid, which is the highest likelihood.
	const cellX = (impact: number) => gridX + impact * CELL_WIDTH;
	const cellY = (likelihood: number) => gridY + (size - 1 - likelihood) * cellHeight;

	const background: ElementContent[] = [];
	for (let likelihood = 0; likelihood < size; likelihood++) {
		for (let impact = 0; impact < size; impact++) {
			const level = severityBand(ALL_LEVELS[likelihood]!, ALL_LEVELS[impact]!);
			background.push(
				rect(
					cellX(impact),
					cellY(likelihood),
					CELL_WIDTH - CELL_GAP,
					cellHeight - CELL_GAP,
					'matrix-cell',
					{
						dataSeverity: level,
						fill: FALLBACK_FILL[level],
						rx: '4',
					},
				),
			);
		}
	}

	const axes: ElementContent[] = levels.flatMap((level, index) => [
		text(gridX - 8, cellY(index) + (cellHeight - CELL_GAP) / 2, level, 'matrix-level', {
			anchor: 'end',
		}),
		text(cellX(index) + (CELL_WIDTH - CELL_GAP) / 2, gridBottom + 10, level, 'matrix-level', {
			anchor: 'middle',
		}),
	]);
	const gridMiddleY = gridY + (size * cellHeight - CELL_GAP) / 2;
	const titleX = PAD + AXIS_TITLE_SIZE / 2;
	axes.push(
		text(titleX, gridMiddleY, 'Likelihood', 'matrix-axis-title', {
			anchor: 'middle',
			transform: `rotate(-90 ${num(titleX)} ${num(gridMiddleY)})`,
		}),
		text(
			gridX + (size * CELL_WIDTH - CELL_GAP) / 2,
			gridBottom + 30,
			'Impact',
			'matrix-axis-title',
			{ anchor: 'middle' },
		),
	);

	const dots = riskDots(cells, {
		cellX,
		cellY,
		innerWidth,
		innerHeight: cellHeight - CELL_GAP - CELL_INSET * 2,
	});
	return svgRoot(
		{
			id: options.id,
			title: options.title,
			description: options.description,
			width,
			height,
			kind: 'chart-matrix',
		},
		[
			s('g', { className: ['matrix-cells'] }, background),
			s('g', { className: ['matrix-axes'] }, axes),
			s('g', { className: ['matrix-risks'] }, dots),
		],
	);
}

interface MatrixGrid {
	cellX: (impact: number) => number;
	cellY: (likelihood: number) => number;
	innerWidth: number;
	innerHeight: number;
}

/** One linked dot per risk, packed inside its cell in input order. */
function riskDots(
	cells: Map<string, MatrixRisk[]>,
	{ cellX, cellY, innerWidth, innerHeight }: MatrixGrid,
): ElementContent[] {
	const dots: ElementContent[] = [];
	for (const [key, cellRisks] of cells) {
		const [likelihood = 0, impact = 0] = key.split(',').map(Number);
		const { radius, centres } = packDots(
			cellRisks.length,
			cellX(impact) + CELL_INSET,
			cellY(likelihood) + CELL_INSET,
			innerWidth,
			innerHeight,
		);
		cellRisks.forEach((risk, index) => {
			const [cx, cy] = centres[index]!;
			const level = severityBand(ALL_LEVELS[likelihood]!, ALL_LEVELS[impact]!);
			// Marker text shrinks to stay inside its dot ("12" fits at full size, "123" does not).
			const fontSize = Math.min(
				radius * 1.1,
				(radius * 2 - 3) / Math.max(0.01, textWidth(risk.marker, 1)),
			);
			dots.push(
				// The cell's severity, so the dot can take the matching strong colour.
				s('a', { href: risk.href, className: ['matrix-risk'], dataSeverity: level }, [
					s('title', `${risk.label} — likelihood ${risk.likelihood}, impact ${risk.impact}`),
					s('circle', {
						className: ['matrix-dot'],
						cx: num(cx),
						cy: num(cy),
						r: num(radius),
						fill: FALLBACK_DOT[level],
					}),
					text(cx, cy, risk.marker, 'matrix-dot-label', {
						anchor: 'middle',
						fontSize,
						fill: FALLBACK_FILL[level],
					}),
				]),
			);
		});
	}
	return dots;
}
