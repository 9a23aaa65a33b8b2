import { unified } from '@astrojs/markdown-remark';
import type { PlansUserOptions } from 'astro-technical-plans';
import plans from 'astro-technical-plans';
import { writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type BuiltSite, buildSite } from '../helpers/build.ts';
import { longPlan } from '../helpers/long-plan.ts';
import { throwAwaySite } from '../helpers/plan-site.ts';

/**
 * Inputs far past what real plans hold, generated here, each built in a site of its own: each
 * one builds, or fails with an error at its file:line that names the limit. Nothing hangs and
 * nothing runs out of memory. The outcome and build time of each are printed at the end.
 */

interface Outcome {
	site?: BuiltSite;
	error?: Error;
	/** What the build printed (at warning level and above). */
	log: string;
}

const timings: Array<{ input: string; outcome: string; seconds: number }> = [];
afterAll(() => console.table(timings));

/** Runs `work` with the process's output captured; resolves with its result or error, the output and the time taken. */
async function captured<T>(
	work: () => Promise<T>,
): Promise<{ value?: T; error?: Error; output: string; seconds: number }> {
	const output: string[] = [];
	const record = (chunk: unknown) => (output.push(String(chunk)), true);
	const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(record);
	const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(record);
	const started = performance.now();
	try {
		return {
			value: await work(),
			output: output.join(''),
			seconds: (performance.now() - started) / 1000,
		};
	} catch (error) {
		return {
			error: error as Error,
			output: output.join(''),
			seconds: (performance.now() - started) / 1000,
		};
	} finally {
		stdout.mockRestore();
		stderr.mockRestore();
	}
}

/** Builds a site whose only plan, `plans/limit.md`, holds `plan`, and notes the outcome and build time. */
async function buildLimit(
	input: string,
	plan: string,
	options: PlansUserOptions = {},
): Promise<Outcome> {
	const name = input.toLowerCase().replace(/[^a-z\d]+/g, '-');
	const root = await throwAwaySite(`limit-${name}`, (plansDir) =>
		writeFile(new URL('./limit.md', plansDir), plan),
	);
	const config = {
		configFile: false as const,
		logLevel: 'warn' as const,
		markdown: { processor: unified() },
		integrations: [plans({ mermaid: { browser: false }, ...options })],
	};
	const {
		value: site,
		error,
		output: log,
		seconds,
	} = await captured(() => buildSite(root, name, config));
	const problem = /plans\/limit\.md:\d+:\d+ (error|warning) .*/.exec(error?.message ?? log)?.[0];
	timings.push({
		input,
		outcome: `${error ? 'fails' : 'builds'}${problem ? `: ${problem.slice(0, 110)}` : ''}`,
		seconds: Number(seconds.toFixed(1)),
	});
	return { site, error, log };
}

const lines = (count: number, line: (index: number) => string) =>
	Array.from({ length: count }, (_, index) => line(index)).join('\n');

describe('a plan of 5 MB', () => {
	it('fails at its first line, naming the size limit of 1 MB; a plan just under it builds', async () => {
		const huge = longPlan(225_000);
		expect(huge.length).toBeGreaterThan(5_000_000);
		const { error } = await buildLimit('5 MB plan', huge);
		expect(error?.message).toMatch(
			/plans\/limit\.md:1:1 error The plan is 6\.3 MB, over the limit of 1 MB per plan/,
		);

		const justUnder = longPlan(35_000);
		expect(Buffer.byteLength(justUnder)).toBeGreaterThan(950_000);
		expect(Buffer.byteLength(justUnder)).toBeLessThan(1_000_000);
		const { site } = await buildLimit('1 MB plan', justUnder);
		expect(site!.page('plans/limit/index.html').querySelectorAll('.toc a').length).toBeGreaterThan(
			3_000,
		);
	});
});

describe('a table of 10,000 rows', () => {
	it('builds, every row with its anchor, and its Total checked', async () => {
		const rows = lines(10_000, (index) => `| Item ${index} | $${index % 100}.25 |`);
		const total = 10_000 * 0.25 + (100 * (99 * 100)) / 2;
		const { site, log } = await buildLimit(
			'10,000-row cost table',
			`# Big table\n\n## Costs\n\n| Component | Cost |\n|---|---|\n${rows}\n| **Total** | **$${total}** |\n`,
		);
		expect(
			site!.page('plans/limit/index.html').querySelectorAll('tr[id^="cost-item-"]'),
		).toHaveLength(10_000);
		expect(log).not.toContain('does not add up');
	});
});

describe('a line of 3,000 characters', () => {
	it('builds, in a heading, prose, a table cell, a link and highlighted code', async () => {
		const long = lines(301, (index) => `word${String(index).padStart(5, '0')}`).replace(/\n/g, ' ');
		expect(long.length).toBeGreaterThanOrEqual(3_000);
		const plan = `# Long lines\n\n## ${long}\n\n${long}\n\n| Component | Notes |\n|---|---|\n| A | ${long} |\n\n[link](https://example.com/${'a'.repeat(3_000)})\n\n\`\`\`ts\nconst value = [${long.replace(/ /g, ', ').replace(/word/g, '')}];\n\`\`\`\n`;
		const { site } = await buildLimit('3,000-character line', plan);
		const page = site!.page('plans/limit/index.html');
		expect(page.querySelector('.plan-content h2')!.textContent!.length).toBeGreaterThanOrEqual(
			3_000,
		);
		expect(
			page.querySelector('.plan-content pre.astro-code span.line > span[class^="t"]'),
		).not.toBeNull();
	});
});

describe('lists nested 200 deep', () => {
	it('build, every level kept', async () => {
		const { site } = await buildLimit(
			'list nested 200 deep',
			`# Deep list\n\n${lines(200, (level) => `${'  '.repeat(level)}- level ${level}`)}\n`,
		);
		expect(site!.page('plans/limit/index.html').querySelectorAll('.plan-content li')).toHaveLength(
			200,
		);
	});

	it('fail past 1,000 levels, at the first level too deep, naming the limit', async () => {
		const { error } = await buildLimit(
			'quotes nested 5,000 deep',
			`# Deep quotes\n\n${'>'.repeat(5_000)} deep\n`,
		);
		expect(error?.message).toMatch(
			/plans\/limit\.md:3:1001 error Content nested more than 1,000 levels deep/,
		);
	});
});

describe('a box drawing 400 columns wide', () => {
	it('builds as a drawing; one column wider, it is shown as text', async () => {
		const drawing = (width: number) => {
			const inner = width - 2;
			const label = 'Ingest → Store → Queue'.padEnd(inner - 2);
			return [
				'```',
				`┌${'─'.repeat(inner)}┐`,
				`│ ${label} │`,
				`├${'─'.repeat(inner)}┤`,
				`│${' '.repeat(inner)}│`,
				`└${'─'.repeat(inner)}┘`,
				'```',
			].join('\n');
		};
		const { site } = await buildLimit(
			'box drawing 400 columns wide',
			`# Wide\n\n## Wide enough\n\n${drawing(400)}\n\n## Too wide\n\n${drawing(401)}\n`,
		);
		const page = site!.page('plans/limit/index.html');
		const figures = page.querySelectorAll('figure.diagram');
		expect(figures).toHaveLength(1);
		expect(figures[0]!.querySelector('.diagram-svg > svg')).not.toBeNull();
		expect(figures[0]!.querySelector('figcaption')!.textContent).toContain('Wide enough');
		// The wider one stays a code block, as written.
		expect(
			[...page.querySelectorAll('.plan-content pre')].some((pre) =>
				pre.textContent!.includes(`┌${'─'.repeat(399)}┐`),
			),
		).toBe(true);
	});
});

describe('a Mermaid diagram of 2,000 nodes', () => {
	/** A flowchart of labelled nodes. */
	const flowchart = (nodes: number) =>
		[
			'```mermaid',
			'flowchart TD',
			...Array.from({ length: nodes }, (_, index) => `  n${index}[Service ${index}]`),
			'```',
		].join('\n');
	/** A flowchart whose nodes make a binary tree, each but the root with an edge from its parent. */
	const tree = (nodes: number) =>
		[
			'```mermaid',
			'flowchart TD',
			...Array.from({ length: nodes - 1 }, (_, index) => `  n${index >> 1} --> n${index + 1}`),
			'```',
		].join('\n');

	it("with an edge to each fails at the fence, naming mermaid's limit of 500 edges", async () => {
		const { error } = await buildLimit(
			'Mermaid 2,000 nodes, 1,999 edges',
			`# Graph\n\n${tree(2_000)}\n`,
			{ mermaid: {} },
		);
		expect(error?.message).toMatch(
			/plans\/limit\.md:4:\d+ error Mermaid syntax error: Edge limit exceeded\. 500 edges found, but the limit is 500/,
		);
	});

	it('with more text than mermaid draws fails at the fence, naming its text size limit', async () => {
		const { error } = await buildLimit(
			'Mermaid 3,000 nodes, 64 KB of text',
			`# Graph\n\n${flowchart(3_000)}\n`,
			{ mermaid: {} },
		);
		expect(error?.message).toMatch(
			/plans\/limit\.md:4:1 error Mermaid syntax error: the diagram is 63,792 characters long, over mermaid's limit of 50,000 \(maxTextSize\)/,
		);
	});

	it('that renders longer than mermaid.timeout is stopped and reported at the fence: an error, or with onError "show" a warning', async () => {
		const plan = `# Graph\n\n${flowchart(2_000)}\n`;
		const { error } = await buildLimit('Mermaid 2,000 nodes, timeout 3 s', plan, {
			mermaid: { timeout: 3_000 },
		});
		expect(error?.message).toMatch(
			/plans\/limit\.md:3:1 error Mermaid could not render this diagram: rendering took longer than 3 s, the mermaid\.timeout limit, and was stopped/,
		);

		// A small diagram after the stopped one still renders, in a new page.
		const shown = await buildLimit(
			'same, onError "show"',
			`${plan}\n## Small\n\n\`\`\`mermaid\nflowchart LR\n  a --> b\n\`\`\`\n`,
			{ mermaid: { timeout: 3_000, onError: 'show' } },
		);
		expect(shown.log).toMatch(
			/plans\/limit\.md:3:1 warning Mermaid could not render this diagram: rendering took longer than 3 s/,
		);
		const figures = shown
			.site!.page('plans/limit/index.html')
			.querySelectorAll('figure.diagram-mermaid');
		expect(
			[...figures].map((figure) =>
				figure.querySelector(':is(.mermaid-themed, .mermaid-light) > svg')
					? 'drawn'
					: figure.querySelector('pre.mermaid-source')
						? 'in the browser'
						: 'missing',
			),
		).toEqual(['in the browser', 'drawn']);
	});
});
