/**
 * Every box drawing of a folder of plans, drawn beside its source, one screenshot each, for
 * inspection by eye: `npm run corpus:drawings -- <folder of plans> [output folder]`.
 * Writes `index.html` and `NN-<plan>--<n>.png` into the output folder (default .tmp/drawings).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Code, Root } from 'mdast';
import { fenceDecision, renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { corpusDocuments } from './documents.ts';

interface Drawing {
	name: string;
	line: number;
	source: string;
	svg: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function fencesOf(tree: Root): Code[] {
	const found: Code[] = [];
	const walk = (node: { type: string; children?: unknown[] }): void => {
		if (node.type === 'code') found.push(node as Code);
		for (const child of (node.children ?? []) as { type: string }[]) walk(child);
	};
	walk(tree);
	return found;
}

function drawingsOf(name: string, markdown: string): Drawing[] {
	const drawn = fencesOf(parseMarkdown(markdown)).filter(
		(fence) => fenceDecision(fence.lang, fence.meta, fence.value) === 'diagram',
	);
	return drawn.map((fence, index) => {
		const result = renderAsciiDiagram(fence.value, {
			idPrefix: `d-${name.replace(/\W/g, '-')}-${index}`,
		});
		const svg = result.ok ? result.svg : `<p><b>Not drawn:</b> ${escapeHtml(result.reason)}</p>`;
		return {
			name: `${name.replace(/\.mdx?$/i, '')}--${index + 1}`,
			line: fence.position?.start.line ?? 0,
			source: fence.value,
			svg,
		};
	});
}

function page(drawings: Drawing[]): string {
	const style =
		'body{font-family:sans-serif;margin:0;background:#fff;color:#111}' +
		'section{display:flex;gap:16px;padding:8px;border-bottom:2px solid #999;width:max-content}' +
		"pre{font:14px/18px 'DejaVu Sans Mono',monospace;margin:0;background:#f4f4f4}h2{font-size:12px;margin:0}";
	const sections = drawings.map(
		(drawing, index) =>
			`<section id="s${index}"><div><h2>${escapeHtml(drawing.name)}, line ${drawing.line}</h2>` +
			`<pre>${escapeHtml(drawing.source)}</pre></div><div>${drawing.svg}</div></section>`,
	);
	return `<!doctype html><meta charset="utf-8"><title>Drawings</title><style>${style}</style>${sections.join('')}`;
}

const [folder, outputFolder = '.tmp/drawings'] = process.argv.slice(2);
if (folder) process.env.PLANS_CORPUS_DIR = resolve(folder);
const output = resolve(outputFolder);
mkdirSync(output, { recursive: true });
const drawings = corpusDocuments().flatMap((document) =>
	drawingsOf(document.name, readFileSync(document.file, 'utf8')),
);
writeFileSync(resolve(output, 'index.html'), page(drawings));
const browser = await launchChromium();
try {
	const tab = await browser.newPage({ viewport: { width: 1800, height: 900 } });
	await tab.goto(`file://${resolve(output, 'index.html')}`);
	for (const [index, drawing] of drawings.entries()) {
		const file = `${String(index).padStart(2, '0')}-${drawing.name.slice(0, 60)}.png`;
		await tab.locator(`#s${index}`).screenshot({ path: resolve(output, file) });
	}
} finally {
	await browser.close();
}
console.log(`${drawings.length} drawings → ${output}`);
