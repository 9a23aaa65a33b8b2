import { readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { fenceDecision, renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { parseSvg, wordChars } from './parse-svg.ts';

// Fences as published plans write them, reproduced in our own plans under test/fixtures/:
// `npm run test:corpus` renders the drawn fences of a folder of real documents the same way.
const fixtures = new URL('../../../fixtures/', import.meta.url);
const SHAPES = 'real-shapes/plans/fence-shapes.md';
const TEMPLATE = 'template/technical-plan.md';

interface Fence {
	lang: string | null;
	meta: string | null;
	value: string;
	line: number;
}

function fences(file: string): Fence[] {
	const found: Fence[] = [];
	visit(parseMarkdown(readFileSync(new URL(file, fixtures), 'utf8')), 'code', (node: Code) => {
		found.push({
			lang: node.lang ?? null,
			meta: node.meta ?? null,
			value: node.value,
			line: node.position?.start.line ?? 0,
		});
	});
	return found;
}

const shapes = fences(SHAPES);

/** The one fence of the shapes plan that contains the given text. */
function fence(text: string): Fence {
	const matches = shapes.filter((f) => f.value.includes(text));
	expect(matches, `fences containing ${JSON.stringify(text)}`).toHaveLength(1);
	return matches[0]!;
}

const decide = (f: Fence) => fenceDecision(f.lang, f.meta, f.value);

describe('fence decisions on fences shaped like those of published plans', () => {
	it('draws a box diagram with boxes nested two deep, bullets and a label one column too wide', () => {
		const diagram = fence('Payments Gateway (Edge)');
		expect(diagram.lang).toBeNull();
		expect(decide(diagram)).toBe('diagram');
	});

	it('keeps step trees (├─> lists, with → in their text), layered lists and a one-line arrow flow as code', () => {
		for (const text of [
			'1. Payment Request Reception\n   ├─>',
			'Layer 1: In-Process Cache',
			'Platform Defaults (All Regions)',
			'Internet → Load Balancer',
		]) {
			expect(decide(fence(text)), text).toBe('code');
		}
	});

	it('keeps ```text project-structure trees with comments as code', () => {
		const structure = fence('specs/004-refunds/');
		expect(structure.lang).toBe('text');
		expect(decide(structure)).toBe('code');
		expect(decide(fence('gateway/\n├── src/'))).toBe('code');
	});

	it('keeps an HTTP endpoint listing with `# Section` lines, an arrow pipeline and a route listing as code', () => {
		const endpoints = fence('POST   /api/payments ');
		expect(endpoints.lang).toBeNull();
		expect(decide(endpoints)).toBe('code');
		expect(decide(fence('Request → Validate (schema)'))).toBe('code');
		expect(decide(fence('/payments/[id]/refunds'))).toBe('code');
	});

	it('draws pure-ASCII +----+ sequence diagrams with lifelines and XXXX boxes', () => {
		const diagrams = shapes.filter((f) =>
			f.value.startsWith('Gateway                  SettlementWorker'),
		);
		expect(diagrams).toHaveLength(2);
		for (const diagram of diagrams) expect(decide(diagram)).toBe('diagram');
	});

	it('decides the other shapes', () => {
		const cases: [string, 'diagram' | 'code'][] = [
			// A table drawn with box characters, with a legend under it.
			['│   Action    │ PENDING  │', 'diagram'],
			// A trunk with ├─── branches whose arrows go on after the text.
			['Payment Held (score ≥ 80)', 'diagram'],
			// Boxes stacked into a pyramid, percentages beside them.
			['│  Exploratory│  (5%)', 'diagram'],
			// [Bracketed] nodes joined by ├─ ──► and ◄── lines, with ↓ below.
			['[Merchant Registry]\n', 'diagram'],
			// Pseudocode with <, >=, * and // comments.
			['FUNCTION authorizePayment', 'code'],
			// A dependency list drawn as a tree with a ───── sum line.
			['New Dependencies:\n├── card-brand-icons', 'code'],
			// Numbered steps with ↓ between them.
			['1. Merchant opens the refund dialog', 'code'],
			// A schedule whose lines join at ┐ ├──> ┤ ┘.
			['Week 1-2:  Foundations', 'diagram'],
			// A ```text fence of nested boxes with `- items`, `← NEW` notes and a ┬ going down.
			['│                    Gateway Core', 'diagram'],
			['rule-pack-travel/\n├── README.md', 'code'],
			['src/gateway_cli/', 'code'],
			// Benchmark output whose columns are separated by │ only.
			['before.txt     │          after.txt', 'code'],
			// A table underlined with dashes.
			['Gateway Latency Budget', 'code'],
			// A fence labelled `markup` is plain text to its author: drawn when it is a drawing.
			['merchant side  x  our side', 'diagram'],
			['│      Ledger (local)   │', 'diagram'],
			['export/\n├── pages/', 'code'],
			['│ Merchant │────────▶│', 'diagram'],
			['libs/refunds/\n├── package.json', 'code'],
		];
		for (const [text, expected] of cases)
			expect(`${text}: ${decide(fence(text))}`).toBe(`${text}: ${expected}`);
	});
});

describe('fence decisions on the template-shaped plan', () => {
	const all = fences(TEMPLATE);
	const find = (text: string) => all.filter((f) => f.value.includes(text));

	it('draws the architecture, the test pyramid and the branching diagram; keeps step lists as code', () => {
		expect(find('Load balancer').map(decide)).toEqual(['diagram']);
		expect(find('/UI\\').map(decide)).toEqual(['diagram']);
		expect(find('└── release/2026.03').map(decide)).toEqual(['diagram']);
		expect(find('1. Push to a pull request branch').map(decide)).toEqual(['code']);
		expect(find('1. Volunteer signs up → API checks').map(decide)).toEqual(['code']);
		expect(find('Input: HTTPS requests').map(decide)).toEqual(['code']);
	});
});

describe('rendering every drawn fence of the fixture plans', () => {
	it('renders each one and keeps every letter and digit of it as text', () => {
		let drawn = 0;
		for (const file of [TEMPLATE, SHAPES]) {
			for (const [index, f] of fences(file).entries()) {
				if (decide(f) !== 'diagram') continue;
				const result = renderAsciiDiagram(f.value, { idPrefix: `diagram-${index}` });
				expect(result.ok, `${file}:${f.line}`).toBe(true);
				if (!result.ok) continue;
				drawn++;
				const text = wordChars(
					parseSvg(result.svg)
						.texts.map((t) => t.text)
						.join(''),
				);
				// v and V may be arrowheads (| over v); no other letter or digit may go missing.
				expect(text.replace(/[vV]/g, ''), `${file}:${f.line}`).toBe(
					wordChars(f.value).replace(/[vV]/g, ''),
				);
			}
		}
		// 3 in the template-shaped plan, 12 in the shapes plan.
		expect(drawn).toBe(15);
	});
});
