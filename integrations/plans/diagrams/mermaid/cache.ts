import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonFiles } from '../../cache/json-files.ts';

/** The light and dark renders of one diagram. */
export interface MermaidRender {
	light: string;
	dark: string;
	/** Size of most of its text, in the drawing's own units (see `measureTextSize`); none when it has no text. */
	textSize?: number;
}

/** Rendered diagrams on disk, by content key: an unchanged diagram is never rendered twice, and a warm build needs no browser. */
export class MermaidCache extends JsonFiles<MermaidRender> {
	/** The Mermaid diagrams among `diagrams` that have no render yet. */
	undrawn<Diagram extends { kind: string; key: string }>(diagrams: readonly Diagram[]): Diagram[] {
		return diagrams.filter((diagram) => diagram.kind === 'mermaid' && !this.has(diagram.key));
	}
}

/** The render cache lives in Astro's cache folder (`node_modules/.astro` by default). */
export function mermaidCacheDir(astroCacheDir: URL): string {
	return join(fileURLToPath(astroCacheDir), 'plans-mermaid');
}
