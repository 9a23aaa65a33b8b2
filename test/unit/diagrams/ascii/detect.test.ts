import { describe, expect, it } from 'vitest';
import { fenceDecision, looksLikeDiagram } from '#plans/diagrams/ascii/index.ts';

const box = '┌────────┐\n│ Client │\n└───┬────┘\n    │\n    ▼\n┌────────┐\n│ Server │\n└────────┘';

describe('looksLikeDiagram', () => {
	it.each([
		['a Unicode box diagram', box],
		[
			'an ASCII box diagram',
			'+--------+     +--------+\n| Client |---->| Server |\n+--------+     +--------+',
		],
		[
			'a sequence diagram with lifelines',
			'A          B\n|          |\n+--call--->+\n|<--reply--+\n|          |',
		],
		[
			'a table drawn with box characters',
			'┌─────┬─────┐\n│ a   │ b   │\n├─────┼─────┤\n│ 1   │ 2   │\n└─────┴─────┘',
		],
		[
			'a flow with branches and arrows after the text',
			'Start\n│\n├── check ──▶ ok ──▶ done\n│\n└── fail ──▶ retry',
		],
		['a rounded box', '╭──────╮\n│ note │\n╰──────╯'],
		[
			'a vertical flow of labels joined by drawn arrows',
			'  Client\n    │\n    ▼\n  Gateway\n    │\n    ▼\n  Database',
		],
		['a / \\ pyramid with floors', '    /\\\n   /  \\\n  /────\\\n /      \\\n/────────\\'],
	])('is true for %s', (_name, code) => {
		expect(looksLikeDiagram(code)).toBe(true);
	});

	it.each([
		[
			'prose',
			'This plan replaces the non-blocking queue with a log.\nSee the rollout section - it has the dates.',
		],
		[
			'JavaScript',
			'const add = (a, b) => a + b;\nif (x-- > 0 || y === z) {\n  items.map((i) => i * 2);\n}\n// ---- end ----',
		],
		[
			'shell output',
			'$ npm test\n> plan-site@0.1.0 test\n---------------------\nTests: 12 passed | 0 failed\n+ done',
		],
		[
			'an HTTP endpoint listing',
			'GET    /api/sites/:id          # List\nPOST   /api/sites              # Create\nPATCH  /api/sites/:id          # Update\nDELETE /api/sites/:id          # Delete',
		],
		[
			'numbered steps with a few arrows',
			'1. User submits form → API validates\n2. API writes to primary DB\n3. Event published → queue\n4. Worker processes event',
		],
		['a vertical step list with ↓', '1. Code push\n   ↓\n2. Run tests\n   ↓\n3. Deploy'],
		[
			'a directory tree',
			'src/\n├── index.ts\n├── lib/\n│   ├── a.ts       # helpers\n│   └── b.ts\n└── README.md',
		],
		[
			'a tree of steps with ├─> and → in the text',
			'1. Request\n   ├─> Parse HTTP request\n   │   └─> If miss → search\n   └─> Done',
		],
		[
			'a table with underlined headings',
			'Power   Value\n-----   -----\n10      1024\n20      1,048,576',
		],
		[
			'benchmark columns separated by │ only',
			'      │ old.txt │ new.txt │\n      │ sec/op  │ sec/op  │\nRun-10   18.51     20.39',
		],
		['empty input', ''],
		['a single line of dashes', '----------------------'],
		[
			'build output with ---> lines',
			'Step 1/3 : FROM node:22\n ---> 1a2b3c4d\nStep 2/3 : RUN npm ci\n ---> Running in 5e6f\n ---> 7a8b9c0d',
		],
		['a one-line flow', 'Client ──► Gateway ──► Service ──► Database'],
	])('is false for %s', (_name, code) => {
		expect(looksLikeDiagram(code)).toBe(false);
	});

	it('is false for lines wider than the renderer takes', () => {
		expect(looksLikeDiagram(`${box}\n${'─'.repeat(401)}`)).toBe(false);
	});
});

describe('fenceDecision', () => {
	const tree = 'src/\n├── a.ts\n└── b.ts';
	const prose = 'Just some words.';

	it('draws unlabelled and plain-text fences only when they look like a drawing', () => {
		for (const lang of [
			null,
			undefined,
			'',
			'text',
			'txt',
			'TEXT',
			'plain',
			'plaintext',
			'markup',
			'ascii-art',
		]) {
			expect(fenceDecision(lang, null, box)).toBe('diagram');
			expect(fenceDecision(lang, null, tree)).toBe('code');
			expect(fenceDecision(lang, null, prose)).toBe('code');
		}
	});

	it('draws fences labelled as drawings whenever there is something to draw', () => {
		for (const lang of ['ascii', 'diagram', 'svgbob', 'goat', 'ASCII']) {
			expect(fenceDecision(lang, '', box)).toBe('diagram');
			// A tree or an arrow-only flow is drawable when the author asked for a drawing.
			expect(fenceDecision(lang, '', tree)).toBe('diagram');
			expect(fenceDecision(lang, '', 'A\n↓\nB')).toBe('diagram');
			expect(fenceDecision(lang, '', prose)).toBe('code');
			expect(fenceDecision(lang, '', '')).toBe('code');
		}
	});

	it('leaves other languages alone', () => {
		for (const lang of ['js', 'mermaid', 'html', 'bash'])
			expect(fenceDecision(lang, null, box)).toBe('code');
	});

	it('lets the meta words `diagram` and `no-diagram` decide', () => {
		expect(fenceDecision('text', 'diagram', tree)).toBe('diagram');
		expect(fenceDecision('html', 'title="x" diagram', box)).toBe('diagram');
		expect(fenceDecision(null, 'no-diagram', box)).toBe('code');
		expect(fenceDecision('ascii', 'nodiagram', box)).toBe('code');
		expect(fenceDecision('text', 'diagram no-diagram', box)).toBe('code');
		// Only whole words count.
		expect(fenceDecision('text', 'diagrammatic', tree)).toBe('code');
	});
});
