import { renderAsciiDiagram } from '../diagrams/ascii/index.ts';
import type { DiagramFence } from '../diagrams/fences.ts';
import type { Problem } from './problem-reports.ts';

/**
 * Box drawings that fail their check against the source: the page shows them as the text the
 * author wrote, and the build says where the drawing and the text part ways.
 */
export function unverifiedDrawings(fences: ReadonlyArray<Omit<DiagramFence, 'node'>>, file: string): Problem[] {
	const problems: Problem[] = [];
	for (const fence of fences) {
		if (fence.kind !== 'ascii') continue;
		const drawing = renderAsciiDiagram(fence.source, { idPrefix: 'check', label: fence.label });
		if (drawing.ok) continue;
		// The fence's text starts on the line after the opening fence, in the fence's column.
		const place = drawing.place ?? { line: 1, column: 1 };
		problems.push({
			severity: 'warning',
			message: `Drawing shown as text: ${drawing.reason}.`,
			file,
			line: fence.line + place.line,
			column: fence.column + place.column - 1,
			hint: 'A drawing is published only when it matches its text. Line the strokes up there, or set `drawings: { verify: false }` in plans() options to publish the drawing anyway.',
		});
	}
	return problems;
}
