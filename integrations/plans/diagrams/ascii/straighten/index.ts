/**
 * Straightens what authors drew a column or two off, before any cell is classified: `.` and
 * `'` corners, boxes and lines typed with spaced dashes, ragged box sides, arrows whose `+`
 * missed their lifeline, tees and arrowheads a cell away from the line they meet.
 * Only strokes move, and only onto blank cells; writing stays where it was typed.
 */
import type { Grid } from '../grid.ts';
import { attachArrowheads } from './arrowheads.ts';
import { CellEditor } from './cells.ts';
import { closeRaggedBoxes } from './close-boxes.ts';
import { drawSpacedDashes } from './dashed.ts';
import { roundAsciiCorners } from './rounded-corners.ts';
import { slideJunctions } from './junctions.ts';
import { joinLifelines } from './lifelines.ts';

export { insideBrackets } from './cells.ts';

export function straighten(grid: Grid): Grid {
	const editor = new CellEditor(grid);
	roundAsciiCorners(editor);
	drawSpacedDashes(editor);
	// Twice: a corner can reach its column only once the bars that stood in its way have moved.
	closeRaggedBoxes(editor);
	closeRaggedBoxes(editor);
	joinLifelines(editor);
	slideJunctions(editor);
	attachArrowheads(editor);
	return editor.toGrid();
}
