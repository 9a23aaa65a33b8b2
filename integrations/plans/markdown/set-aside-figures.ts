import { randomUUID } from 'node:crypto';
import type { VFile } from 'vfile';

/**
 * Diagram figures of a plan, set aside while the rest of it goes through the unified pipeline:
 * a figure is finished markup, which the tree would only parse and serialise again. The tree
 * holds a comment in its place and `putFiguresBack` splices the figures into the HTML. Only
 * the plan renderer sets figures aside; MDX renders keep them in the tree.
 */
interface SetAsideFigures {
	/** Unguessable, so that no plan's own HTML comment is taken for a figure's place. */
	place: string;
	figures: string[];
}

type FileData = { setAsideFigures?: SetAsideFigures };

/** Called by the renderer before it renders `file`: the diagrams plugin then sets its figures aside. */
export function setFiguresAsideFor(file: VFile): void {
	(file.data as FileData).setAsideFigures = { place: `plans-figure-${randomUUID()}`, figures: [] };
}

/** The comment text that holds a figure's place in the tree, or undefined when figures stay in the tree. */
export function setFigureAside(file: VFile, figure: string): string | undefined {
	const aside = (file.data as FileData).setAsideFigures;
	if (!aside) return undefined;
	aside.figures.push(figure);
	return `${aside.place}:${aside.figures.length - 1}`;
}

/** Tells whether a comment holds a set-aside figure's place. */
export function isFigurePlace(file: VFile, comment: string): boolean {
	const aside = (file.data as FileData).setAsideFigures;
	return aside !== undefined && comment.startsWith(`${aside.place}:`);
}

/** Splices the figures set aside for `file` into its rendered HTML; every one must find its place. */
export function putFiguresBack(file: VFile, html: string): string {
	const aside = (file.data as FileData).setAsideFigures;
	if (!aside) return html;
	let placed = 0;
	const result = html.replace(
		new RegExp(`<!--${aside.place}:(\\d+)-->`, 'g'),
		(_comment, index: string) => {
			placed++;
			return aside.figures[Number(index)]!;
		},
	);
	const { length } = aside.figures;
	if (placed !== length)
		throw new Error(
			`${file.path}: ${length - placed} of ${length} diagram figures lost their place in the rendered HTML.`,
		);
	return result;
}
