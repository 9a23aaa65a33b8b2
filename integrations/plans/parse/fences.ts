import type { Code, Root } from 'mdast';
import { createHash } from 'node:crypto';
import { visitMdast } from './visit.ts';
import { headingText } from './headings.ts';
import { PLANS_VERSION } from '../version.ts';
import { fenceDecision } from '../diagrams/ascii/index.ts';
import { mermaidKey } from '../diagrams/mermaid/key.ts';

export type DiagramKind = 'mermaid' | 'ascii';

/** A fenced code block that the site shows as a diagram. */
export interface DiagramFence {
	kind: DiagramKind;
	/** Content key: the same source always gives the same key (and the same cached render). */
	key: string;
	source: string;
	/** Line of the opening fence in the file. */
	line: number;
	/** Column where the fence starts (fences indented in lists or `<details>` start later). */
	column: number;
	/** Accessible name: the text of the nearest heading above the diagram. */
	label: string;
	node: Code;
}

/** Which kind of diagram a code node is, if any. */
function diagramKind(node: Code): DiagramKind | undefined {
	if (node.lang?.toLowerCase() === 'mermaid') return 'mermaid';
	return fenceDecision(node.lang, node.meta, node.value) === 'diagram' ? 'ascii' : undefined;
}

/** Content key of an ASCII diagram: its source and the renderer's (our) version. */
function asciiKey(source: string): string {
	return createHash('sha256')
		.update(`ascii@${PLANS_VERSION}\n${source}`)
		.digest('hex')
		.slice(0, 24);
}

/**
 * Every diagram fence of a plan in document order. The loader uses it to validate and
 * pre-render Mermaid in one batch; the remark plugin uses it to replace the fences, so
 * both see exactly the same diagrams.
 */
export function collectDiagramFences(tree: Root): DiagramFence[] {
	const fences: DiagramFence[] = [];
	let label = 'Diagram';
	visitMdast(tree, (node) => {
		if (node.type === 'heading') label = headingText(node) || label;
		if (node.type !== 'code') return;
		const kind = diagramKind(node);
		if (!kind) return;
		fences.push({
			kind,
			key: kind === 'mermaid' ? mermaidKey(node.value) : asciiKey(node.value),
			source: node.value,
			line: node.position?.start.line ?? 1,
			column: node.position?.start.column ?? 1,
			label,
			node,
		});
	});
	return fences;
}
