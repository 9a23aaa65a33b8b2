import { textIndexOfColumn } from '../diagrams/ascii/grid.ts';
import { renderAsciiDiagram } from '../diagrams/ascii/index.ts';
import type { DiagramFence } from './fences.ts';
import type { Problem } from '../problems.ts';

/**
 * Box drawings that fail their check against the source: the page shows them as the text the
 * author wrote, and the build says where the drawing and the text part ways.
 */
export function unverifiedDrawings(
	fences: ReadonlyArray<Omit<DiagramFence, 'node'>>,
	file: string,
	source: string,
): Problem[] {
	const lines = source.split('\n');
	const problems: Problem[] = [];
	for (const fence of fences) {
		if (fence.kind !== 'ascii') continue;
		const drawing = renderAsciiDiagram(fence.source, { idPrefix: 'check', label: fence.label });
		if (drawing.ok) continue;
		const place = drawing.place ?? { line: 1, column: 1 };
		// The fence's text starts on the line after the opening fence; its lines lost at most the fence's indent.
		const line = fence.line + place.line;
		const written = fence.source.split(/\r\n|\r|\n/)[place.line - 1] ?? '';
		const inFile = lines[line - 1] ?? written;
		const column =
			Math.max(0, inFile.length - written.length) +
			textIndexOfColumn(written, place.column - 1) +
			1;
		problems.push({
			severity: 'warning',
			message: `Drawing shown as text: ${drawing.reason}.`,
			file,
			line,
			column,
			hint: 'A drawing is published only when it matches its text. Line the strokes up there, or set `drawings: { verify: false }` in plans() options to publish the drawing anyway.',
		});
	}
	return problems;
}
