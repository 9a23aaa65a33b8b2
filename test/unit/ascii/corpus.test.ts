import { readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { fenceDecision, renderAsciiDiagram } from '../../../integrations/plans/diagrams/ascii/index.ts';
import { parseSvg, wordChars } from './parse-svg.ts';

// Verbatim real plans (see SOURCES.md there); shared/ sits beside the clone, here and in CI.
const corpus = new URL('../../../../shared/corpus/real/', import.meta.url);

interface Fence {
	lang: string | null;
	meta: string | null;
	value: string;
	line: number;
}

const parsed = new Map<string, Fence[]>();

function fences(file: string): Fence[] {
	const cached = parsed.get(file);
	if (cached) return cached;
	const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(new URL(file, corpus), 'utf8'));
	const found: Fence[] = [];
	visit(tree, 'code', (node: Code) => {
		found.push({ lang: node.lang ?? null, meta: node.meta ?? null, value: node.value, line: node.position?.start.line ?? 0 });
	});
	parsed.set(file, found);
	return found;
}

/** The one fence of a file whose content starts with (or contains) the given text. */
function fence(file: string, text: string): Fence {
	const matches = fences(file).filter((f) => f.value.includes(text));
	expect(matches, `${file}: fences containing ${JSON.stringify(text)}`).toHaveLength(1);
	return matches[0];
}

const decide = (f: Fence) => fenceDecision(f.lang, f.meta, f.value);

describe('fence decisions on real plans', () => {
	it('draws the architecture box diagram of the edge-agent plan', () => {
		const diagram = fence('LLM-Dev-Ops__edge-agent__technical-plan.md', 'LLM-Edge-Agent (Proxy)');
		expect(diagram.lang).toBeNull();
		expect(decide(diagram)).toBe('diagram');
	});

	it('keeps the edge-agent step trees (├─> lists) and the one-line arrow flow as code', () => {
		for (const text of ['1. Client Request Reception\n   ├─>', 'Layer 1: In-Memory Cache', 'Global Config (All Environments)', 'Internet → API Gateway']) {
			expect(decide(fence('LLM-Dev-Ops__edge-agent__technical-plan.md', text))).toBe('code');
		}
	});

	it('keeps the ```text project-structure trees of the eduops plan as code', () => {
		const structure = fence('amangupta20__eduops__001-core-platform-plan.md', 'specs/001-core-platform/');
		expect(structure.lang).toBe('text');
		expect(decide(structure)).toBe('code');
		expect(decide(fence('amangupta20__eduops__001-core-platform-plan.md', 'backend/\n├── src/'))).toBe('code');
	});

	it('keeps the HTTP endpoint listing and the arrow pipeline of OpenAnalytics as code', () => {
		const endpoints = fence('Acidias__OpenAnalytics__architecture.md', 'POST   /api/event');
		expect(endpoints.lang).toBeNull();
		expect(decide(endpoints)).toBe('code');
		expect(decide(fence('Acidias__OpenAnalytics__architecture.md', 'Request → Validate (Zod)'))).toBe('code');
		expect(decide(fence('Acidias__OpenAnalytics__architecture.md', '/dashboard/[siteId]/pages'))).toBe('code');
	});

	it('draws the pure-ASCII +----+ sequence diagrams of the runtime client/server proposal', () => {
		const diagrams = fences('kubernetes__design-proposals-archive__runtime-client-server.md').filter((f) => f.value.startsWith('Kubelet'));
		expect(diagrams).toHaveLength(2);
		for (const diagram of diagrams) expect(decide(diagram)).toBe('diagram');
	});

	it('decides the other known fences', () => {
		const cases: [string, string, 'diagram' | 'code'][] = [
			['LLM-Dev-Ops__incident-manager__architecture.md', '│   Action    │   NEW   │', 'diagram'],
			['LLM-Dev-Ops__incident-manager__architecture.md', 'Incident Created (P0)', 'diagram'],
			['LLM-Dev-Ops__analytics-hub__sparc-plan.md', '│   Manual    │  (5%)', 'diagram'],
			['LLM-Dev-Ops__analytics-hub__sparc-plan.md', '[LLM-Registry]\n', 'diagram'],
			['LLM-Dev-Ops__analytics-hub__sparc-plan.md', 'FUNCTION ingestEvent', 'code'],
			['MediMindAI__MedPlum_MediMind__fhir-form-builder-research.md', 'New Dependencies:\n├── lhc-forms', 'code'],
			['MediMindAI__MedPlum_MediMind__fhir-form-builder-research.md', '1. Administrator opens Form Builder', 'code'],
			['MediMindAI__MedPlum_MediMind__fhir-form-builder-research.md', 'Week 1-2:  Foundation', 'diagram'],
			['github__spec-kit__rfc-extension-system.md', '│                    Spec Kit Core', 'diagram'],
			['github__spec-kit__rfc-extension-system.md', 'spec-kit-jira/\n├── README.md', 'code'],
			['github__spec-kit__workflows-architecture.md', 'src/specify_cli/', 'code'],
			['kubernetes__enhancements__kep-3299-kms-v2.md', 'rest_none1.txt │       rest_kdf_cache1.txt', 'code'],
			['donnemartin__system-design-primer__readme.md', 'Latency Comparison Numbers', 'code'],
			['neondatabase__neon__rfc-017-console-split.md', 'external area x internal area', 'code'],
			['neondatabase__neon__rfc-017-console-split.md', '│      Storage (local)  │', 'diagram'],
			['oaknational__dfe-curriculum-ontology__architecture.md', 'static-site/\n├── pages/', 'code'],
			['hmcts__cath-service__ticket-334-plan.md', '│   PDDA   │', 'diagram'],
			['hmcts__cath-service__ticket-334-plan.md', 'libs/pdda-html-upload/\n├── package.json', 'code'],
		];
		for (const [file, text, expected] of cases) expect(`${file}: ${decide(fence(file, text))}`).toBe(`${file}: ${expected}`);
	});
});

describe('fence decisions on the plan template', () => {
	const template = readFileSync(new URL('../../../../shared/seed/technical-plan-template.md', import.meta.url), 'utf8');
	const tree = unified().use(remarkParse).use(remarkGfm).parse(template);
	const all: Fence[] = [];
	visit(tree, 'code', (node: Code) => {
		all.push({ lang: node.lang ?? null, meta: node.meta ?? null, value: node.value, line: 0 });
	});
	const find = (text: string) => all.filter((f) => f.value.includes(text));

	it('draws the architecture, the test pyramid and the branching diagram; keeps step lists as code', () => {
		expect(find('API Gateway│').map(decide)).toEqual(['diagram']);
		expect(find('/E2E\\').map(decide)).toEqual(['diagram']);
		expect(find('└── staging').map(decide)).toEqual(['diagram']);
		expect(find('1. Code push to GitHub').map(decide)).toEqual(['code']);
		expect(find('1. User submits form → API validates').map(decide)).toEqual(['code']);
		expect(find('Input: [What it receives]').map(decide)).toEqual(['code']);
	});
});

describe('rendering every drawn fence of the corpus', () => {
	const files = readFileSync(new URL('SOURCES.md', corpus), 'utf8')
		.split('\n')
		.map((line) => /^\| ([^|]+\.md) \|/.exec(line)?.[1])
		.filter((file): file is string => file !== undefined);

	it('finds the corpus', () => {
		expect(files.length).toBeGreaterThanOrEqual(26);
	});

	it('renders each one and keeps every letter and digit of it as text', () => {
		let drawn = 0;
		for (const file of files) {
			for (const [index, f] of fences(file).entries()) {
				if (decide(f) !== 'diagram') continue;
				const result = renderAsciiDiagram(f.value, { idPrefix: `diagram-${index}` });
				expect(result.ok, `${file}:${f.line}`).toBe(true);
				if (!result.ok) continue;
				drawn++;
				const text = wordChars(parseSvg(result.svg).texts.map((t) => t.text).join(''));
				// v and V may be arrowheads (| over v); no other letter or digit may go missing.
				expect(text.replace(/[vV]/g, ''), `${file}:${f.line}`).toBe(wordChars(f.value).replace(/[vV]/g, ''));
			}
		}
		expect(drawn).toBeGreaterThanOrEqual(40);
	});
});
