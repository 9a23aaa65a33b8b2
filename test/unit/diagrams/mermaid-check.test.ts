import type { AstroIntegrationLogger } from 'astro';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MermaidCache } from '#plans/diagrams/mermaid/cache.ts';
import { type CheckMermaid, prepareMermaid } from '#plans/diagrams/mermaid/prepare.ts';
import { parseFailure, parseMermaid } from '#plans/diagrams/mermaid/validate.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { chromiumPath } from '../../helpers/chromium.ts';

describe('what an exception from mermaid.parse means', () => {
	it('is the diagram’s syntax error when Mermaid raises it, with its place', () => {
		const jison = Object.assign(
			new Error("Parse error on line 2:\n...\nExpecting 'SEMI', got 'MINUS'"),
			{ hash: { loc: { first_line: 2, last_line: 2, first_column: 3, last_column: 4 } } },
		);
		expect(parseFailure(jison, 'flowchart TD\nA --- -')).toMatchObject({
			kind: 'syntax',
			line: 2,
			column: 5,
		});
		expect(
			parseFailure(new Error('Invalid date:2026-13-45'), 'gantt\n  a :2026-13-45, 1d'),
		).toMatchObject({ kind: 'syntax', line: 1 });
	});

	it('is the check failing here, not the author’s mistake, when the engine raises it', () => {
		expect(parseFailure(new ReferenceError('Option is not defined'), 'sequenceDiagram')).toEqual({
			kind: 'internal',
			message: 'ReferenceError: Option is not defined',
		});
		expect(
			parseFailure(new TypeError("Cannot read properties of undefined (reading 'style')"), 'x'),
		).toMatchObject({ kind: 'internal' });
	});
});

describe('a diagram type that needs a plugin', () => {
	it('names the plugin, at the line that names the type, after frontmatter and comments', async () => {
		expect(await parseMermaid('---\ntitle: Pay\n---\n%% the flow\nzenuml\n  A->B.pay()')).toEqual({
			kind: 'plugin',
			message:
				"zenuml diagrams are drawn by Mermaid's @mermaid-js/mermaid-zenuml plugin, which this site does not load; the diagram is shown as written",
			line: 5,
			column: 1,
		});
	});
});

describe('prepareMermaid, where Mermaid in the browser judges', () => {
	let folder: string;
	let logged: string[];
	const logger = {
		info: () => undefined,
		warn: (line: string) => logged.push(line),
		error: (line: string) => logged.push(line),
	} as unknown as AstroIntegrationLogger;
	const settings = () => ({
		cacheDir: join(folder, 'mermaid'),
		browser: chromiumPath(),
		severity: 'error' as const,
	});
	const plan = (body: string) =>
		parsePlan({ raw: `# P\n\n${body}\n`, file: 'plans/p.md', path: 'p.md' }).data;
	const valid =
		'```mermaid\nsequenceDiagram\n  box Cluster\n    participant A\n  end\n  A->>A: hi\n```';
	const broken = '```mermaid\nflowchart TD\n  A --> --> B\n```';

	beforeEach(async () => {
		folder = await mkdtemp(join(tmpdir(), 'plans-mermaid-check-'));
		logged = [];
	});
	afterEach(() => rm(folder, { recursive: true, force: true }));

	it('draws a diagram the check could not check, and says so once for all of them', async () => {
		const failing: CheckMermaid = async () => ({
			kind: 'internal',
			message: 'ReferenceError: Option is not defined',
		});
		const data = plan(`${valid}\n\n${valid.replace('hi', 'hello')}`);
		expect(await prepareMermaid([data], settings(), logger, undefined, failing)).toEqual([]);
		expect(
			data.diagrams.every((diagram) => new MermaidCache(settings().cacheDir).has(diagram.key)),
		).toBe(true);
		expect(logged).toEqual([
			expect.stringMatching(
				/^The build-time Mermaid syntax check failed internally on 2 diagrams \(the first at plans\/p\.md:3: ReferenceError: Option is not defined\)/,
			),
		]);
	});

	it('draws a diagram the check calls broken when the browser can, and reports nothing against the author', async () => {
		const wrong: CheckMermaid = async () => ({
			kind: 'syntax',
			message: 'Cannot commit an incomplete usecase model',
			line: 1,
			column: 1,
		});
		const data = plan(valid);
		expect(await prepareMermaid([data], settings(), logger, undefined, wrong)).toEqual([]);
		expect(new MermaidCache(settings().cacheDir).has(data.diagrams[0]!.key)).toBe(true);
		expect(logged).toEqual([
			expect.stringContaining(
				'it found "Mermaid syntax error: Cannot commit an incomplete usecase model", which Mermaid in Chromium does not',
			),
		]);
	});

	it('reports a diagram broken for both at the check’s line and column', async () => {
		const problems = await prepareMermaid([plan(broken)], settings(), logger);
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				file: 'plans/p.md',
				line: 5,
				column: 9,
				message: expect.stringMatching(/^Mermaid syntax error: Parse error on line 2/),
			}),
		]);
		expect(logged).toEqual([]);
	});

	it('never draws a diagram that needs a plugin: a warning, whatever the severity', async () => {
		const problems = await prepareMermaid(
			[plan('```mermaid\nzenuml\n  A->B.pay()\n```')],
			settings(),
			logger,
		);
		expect(problems).toEqual([
			expect.objectContaining({
				severity: 'warning',
				line: 4,
				column: 1,
				message: expect.stringContaining('@mermaid-js/mermaid-zenuml'),
			}),
		]);
	});
});
