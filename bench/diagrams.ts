// npm run bench:diagrams — ms per diagram for build-time Mermaid (cold, batched, browser
// start counted and shown apart; warm from the cache) and for the ASCII renderer.
// Medians over several runs; prints a table and writes bench/results/diagrams.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderAsciiDiagram } from '#plans/diagrams/ascii/index.ts';
import { diagramFigure, rawSvg } from '#plans/diagrams/figure.ts';
import { CHROMIUM_ARGS, findBrowser } from '#plans/diagrams/mermaid/browser.ts';
import { MermaidCache } from '#plans/diagrams/mermaid/cache.ts';
import { mermaidKey } from '#plans/diagrams/mermaid/key.ts';
import { renderMermaid } from '#plans/diagrams/mermaid/render.ts';
import { sanitizeSvg } from '#plans/diagrams/sanitize-svg.ts';

const COUNT = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 100 distinct diagrams across common types, so nothing is shared between them.
const mermaidSources = Array.from({ length: COUNT }, (_, i) => {
	switch (i % 4) {
		case 0:
			return `flowchart LR\n  A${i}[Client ${i}] --> B${i}(API)\n  B${i} --> C${i}{Cache?}\n  C${i} -- hit --> D${i}[(Redis)]\n  C${i} -- miss --> E${i}[(Postgres)]`;
		case 1:
			return `sequenceDiagram\n  participant C as Client ${i}\n  participant A as API\n  C->>A: POST /orders/${i}\n  A-->>C: 201 Created`;
		case 2:
			return `stateDiagram-v2\n  [*] --> Pending${i}\n  Pending${i} --> Paid\n  Paid --> Shipped\n  Shipped --> [*]`;
		default:
			return `erDiagram\n  CUSTOMER${i} ||--o{ ORDER : places\n  ORDER ||--|{ LINE_ITEM : contains`;
	}
});

// The architecture diagram of the template-shaped test plan; the label keeps its width, so each copy differs but draws alike.
const template = readFileSync(
	new URL('../test/fixtures/template/technical-plan.md', import.meta.url),
	'utf8',
);
const architecture = /### System Architecture\n\n```\n([\s\S]*?)\n```/.exec(template)![1]!;
const asciiSources = Array.from({ length: COUNT }, (_, i) =>
	architecture.replace('Browser', `B${String(i).padStart(6, '0')}`),
);

const executablePath = findBrowser(undefined);
if (!executablePath) throw new Error('No Chromium: install it or set PLANS_CHROMIUM.');

const rows: Array<{ case: string; msPerDiagram: number; min: number; max: number; note: string }> =
	[];
const record = (name: string, samples: number[], note: string) =>
	rows.push({
		case: name,
		msPerDiagram: median(samples),
		min: Math.min(...samples),
		max: Math.max(...samples),
		note,
	});

// Browser start alone: launch + page + mermaid script, what every cold batch pays once.
const starts: number[] = [];
for (let run = 0; run < RUNS; run++) {
	const started = performance.now();
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const page = await browser.newPage();
	await page.addScriptTag({
		path: new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url).pathname,
	});
	starts.push(performance.now() - started);
	await browser.close();
}
rows.push({
	case: 'browser start (once per build)',
	msPerDiagram: median(starts),
	min: Math.min(...starts),
	max: Math.max(...starts),
	note: 'ms in total, not per diagram',
});

const cold: number[] = [];
const coldWithoutStart: number[] = [];
let cacheDir = '';
for (let run = 0; run < RUNS; run++) {
	const started = performance.now();
	const results = await renderMermaid(
		mermaidSources.map((source) => ({ key: mermaidKey(source), source })),
		{ executablePath },
	);
	const elapsed = performance.now() - started;
	const failed = results.filter((result) => 'error' in result);
	if (failed.length) throw new Error(`${failed.length} diagrams failed`);
	cold.push(elapsed / COUNT);
	coldWithoutStart.push((elapsed - median(starts)) / COUNT);
	if (run === RUNS - 1) {
		cacheDir = mkdtempSync(join(tmpdir(), 'plans-bench-'));
		const cache = new MermaidCache(cacheDir);
		for (const result of results)
			if ('render' in result)
				cache.set(result.key, {
					light: sanitizeSvg(result.render.light, `m${result.key}-light`),
					dark: sanitizeSvg(result.render.dark, `m${result.key}-dark`),
				});
	}
}
record(
	`mermaid cold, ${COUNT} diagrams batched`,
	cold,
	'light + dark render, browser start included',
);
record(`mermaid cold, without browser start`, coldWithoutStart, 'same runs, start subtracted');

// Warm: what a page build pays per cached diagram (read the cache, build the figure).
const cache = new MermaidCache(cacheDir);
const warm: number[] = [];
for (let run = 0; run < RUNS * 3; run++) {
	const started = performance.now();
	mermaidSources.forEach((source, i) => {
		const render = cache.get(mermaidKey(source))!;
		diagramFigure({
			kind: 'mermaid',
			id: `diagram-${i}`,
			label: 'Bench',
			source,
			canvas: [rawSvg(render.light, 'mermaid-light'), rawSvg(render.dark, 'mermaid-dark')],
		});
	});
	warm.push((performance.now() - started) / COUNT);
}
record(`mermaid warm (cache), ${COUNT} diagrams`, warm, 'cache read + figure, no browser');
rmSync(cacheDir, { recursive: true, force: true });

const ascii: number[] = [];
for (let run = 0; run < RUNS * 3; run++) {
	const started = performance.now();
	for (const [i, source] of asciiSources.entries()) {
		const result = renderAsciiDiagram(source, { idPrefix: `diagram-${i}` });
		if (!result.ok) throw new Error(result.reason);
	}
	ascii.push((performance.now() - started) / COUNT);
}
record(`ascii, ${COUNT} diagrams (template architecture)`, ascii, 'detection not included');

console.log(`Diagram benchmark: ${RUNS} runs, medians (min–max), Node ${process.version}`);
console.table(
	rows.map((row) => ({
		case: row.case,
		'ms/diagram': row.msPerDiagram.toFixed(2),
		range: `${row.min.toFixed(2)}–${row.max.toFixed(2)}`,
		note: row.note,
	})),
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
	new URL('./results/diagrams.json', import.meta.url),
	`${JSON.stringify({ runs: RUNS, count: COUNT, rows }, null, 2)}\n`,
);
