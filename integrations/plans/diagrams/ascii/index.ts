/**
 * ASCII and Unicode box-drawing diagrams (text grids in Markdown fences) → inline SVG.
 *
 * We wrote our own renderer because the existing ones fall short for real plans: aasvg
 * draws `+--+ | -> v` art well but prints Unicode box characters (─ │ ┌ …) as text, and
 * svgbob handles Unicode boxes but mangles file trees; both emit unscoped CSS that leaks
 * across the page. Here the text stays real, selectable <text>, colours come from
 * currentColor and CSS variables so one SVG serves light and dark themes, the <style> is
 * scoped to the diagram's id, and anything we cannot draw well is handed back to the caller
 * to show as a plain <pre>.
 *
 * Pipeline: grid.ts (text → cells) → straighten/ (strokes typed a column off moved back) →
 * classify.ts (line, arrow or text per cell) →
 * detect.ts (is it a drawing, can we draw it) → verify.ts (is it what the author wrote) →
 * svg.ts (emit).
 */
import { classify } from './classify/index.ts';
import { analyse, drawingProblem, LIMITS } from './detect.ts';
import { parseGrid } from './grid.ts';
import { straighten } from './straighten/index.ts';
import { drawingToSvg } from './svg/index.ts';
import { verifyDrawing } from './verify.ts';

export { fenceDecision, looksLikeDiagram } from './detect.ts';

export interface RenderOptions {
	/**
	 * Unique on the page (e.g. `diagram-3`). Every id in the SVG starts with it: the root is
	 * `diagram-3-svg` (its <style> is scoped to that), the title `diagram-3-title`.
	 */
	idPrefix: string;
	/** Accessible name, in the SVG's <title>. Default "Diagram". */
	label?: string;
	/**
	 * Check the drawing against its source and refuse it when a check fails (default true).
	 * False draws it anyway, for authors who want to see the attempt.
	 */
	verify?: boolean;
}

/** Where a refused drawing went wrong: line and column in the fence's text, from 1. */
export interface DrawingPlace {
	line: number;
	column: number;
}

export type RenderResult =
	{ svg: string; ok: true } | { ok: false; reason: string; place?: DrawingPlace };

/** Ids and CSS selectors are built from the prefix, so keep it to characters safe in both. */
function safeId(prefix: string): string {
	const cleaned = String(prefix).replace(/[^A-Za-z0-9_-]/g, '-');
	return /^[A-Za-z]/.test(cleaned) ? cleaned : `d-${cleaned}`;
}

/**
 * Renders a diagram, or says why not (`ok: false`) so the caller can fall back to <pre>.
 * Never throws.
 */
export function renderAsciiDiagram(code: string, options: RenderOptions): RenderResult {
	try {
		const parsed = parseGrid(typeof code === 'string' ? code : '', LIMITS);
		if (!parsed.ok) return { ok: false, reason: parsed.reason };
		const drawing = classify(straighten(parsed.grid));
		const problem = drawingProblem(analyse(drawing));
		if (problem !== null) return { ok: false, reason: problem };
		const fault = options?.verify === false ? null : verifyDrawing(parsed.grid, drawing);
		if (fault)
			return {
				ok: false,
				reason: fault.message,
				place: { line: parsed.grid.firstLine + fault.row + 1, column: fault.column + 1 },
			};
		const label = options?.label?.trim() || 'Diagram';
		return {
			ok: true,
			svg: drawingToSvg(drawing, { id: safeId(options?.idPrefix ?? 'diagram'), label }),
		};
	} catch (error) {
		return {
			ok: false,
			reason: `renderer error: ${error instanceof Error ? error.message : String(error)}`,
		};
	}
}
