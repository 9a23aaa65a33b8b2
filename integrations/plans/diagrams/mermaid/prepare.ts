import type { AstroIntegrationLogger } from 'astro';
import type { Problem } from '../../parse/problem-reports.ts';
import type { PlanData, PlanDiagramData } from '../../schema.ts';
import { sanitizeSvg } from '../sanitize-svg.ts';
import { BROWSER_ENV, findBrowser } from './browser.ts';
import { MermaidCache } from './cache.ts';
import { type MermaidJob, type MermaidResult, type RenderMermaidOptions, renderMermaid } from './render.ts';
import { type MermaidSyntaxError, parseMermaid } from './validate.ts';

/** A Mermaid diagram's syntax error (from `mermaid.parse()` under jsdom, no browser), positioned in its file. */
export async function mermaidSyntaxProblem(plan: PlanData, diagram: PlanDiagramData, severity: Problem['severity']): Promise<Problem | undefined> {
	const error = await parseMermaid(diagram.source);
	return error && syntaxErrorProblem(plan, diagram, error, severity);
}

/** A syntax error, positioned in the diagram's text, as a problem positioned in its file. */
export function syntaxErrorProblem(plan: PlanData, diagram: PlanDiagramData, error: MermaidSyntaxError, severity: Problem['severity']): Problem {
	// The diagram's first line is the line after the opening fence; an empty diagram has none.
	const empty = diagram.source === '';
	return {
		severity,
		file: plan.file,
		line: empty ? diagram.line : diagram.line + error.line,
		column: empty ? diagram.column : diagram.column - 1 + error.column,
		message: `Mermaid syntax error: ${error.message}`,
		hint: 'The line and column are where mermaid stopped reading; the diagram starts on the line after the opening fence.',
	};
}

/** Checks a diagram's syntax: `parseMermaid` here, or in a render thread. */
export type CheckMermaid = (source: string) => Promise<MermaidSyntaxError | undefined>;

export interface MermaidSettings {
	/** Folder of the render cache. */
	cacheDir: string;
	/** Browser binary from the options, if any. */
	browser: string | false | undefined;
	/** `'error'` fails the build on a broken diagram; `'warning'` shows an error box in the page. */
	severity: Problem['severity'];
	/** Time limit per diagram in milliseconds (the `mermaid.timeout` option). */
	timeout?: number;
}

/** Draws diagrams in a browser: `renderMermaid`, or a browser kept open (`MermaidBrowser`). */
export type DrawMermaid = (jobs: MermaidJob[], options: RenderMermaidOptions) => Promise<MermaidResult[]>;

/**
 * Makes sure every Mermaid diagram of these plans is in the render cache before their
 * pages render: validates uncached diagrams with `mermaid.parse()` (no browser), then renders
 * the valid ones in one browser, in batches. Cached diagrams cost nothing, so a build where
 * no diagram changed starts no browser.
 */
export async function prepareMermaid(
	plans: PlanData[],
	settings: MermaidSettings,
	logger: AstroIntegrationLogger,
	draw: DrawMermaid = renderMermaid,
	check: CheckMermaid = parseMermaid,
): Promise<Problem[]> {
	const cache = new MermaidCache(settings.cacheDir);
	const problems: Problem[] = [];
	const jobs = new Map<string, MermaidJob>();
	const firstUse = new Map<string, { plan: PlanData; line: number; column: number }>();

	for (const plan of plans) {
		for (const diagram of plan.diagrams) {
			if (diagram.kind !== 'mermaid' || jobs.has(diagram.key) || cache.has(diagram.key)) continue;
			const syntaxError = await check(diagram.source);
			if (syntaxError) {
				problems.push(syntaxErrorProblem(plan, diagram, syntaxError, settings.severity));
				continue;
			}
			jobs.set(diagram.key, { key: diagram.key, source: diagram.source });
			firstUse.set(diagram.key, { plan, line: diagram.line, column: diagram.column });
		}
	}
	if (jobs.size === 0) return problems;

	const browser = findBrowser(settings.browser);
	if (!browser && settings.browser === false) {
		logger.info(`mermaid.browser is false: ${jobs.size} Mermaid diagrams render in the reader's browser.`);
		return problems;
	}
	if (!browser) {
		logger.warn(
			`No browser found to render ${jobs.size} Mermaid ${jobs.size === 1 ? 'diagram' : 'diagrams'} at build time; ` +
				`those pages render them in the reader's browser instead. Install Chromium (apt-get install chromium) ` +
				`or point ${BROWSER_ENV} (or the mermaid.browser option) at a Chromium or Chrome binary.`,
		);
		return problems;
	}

	const results = await draw([...jobs.values()], {
		executablePath: browser,
		timeout: settings.timeout,
		onProgress: (done, total) => logger.info(`mermaid: ${done}/${total} diagrams`),
	});
	for (const result of results) {
		if ('render' in result) {
			const { light, dark, textSize } = result.render;
			cache.set(result.key, { light: sanitizeSvg(light, `m${result.key}-light`), dark: sanitizeSvg(dark, `m${result.key}-dark`), ...(textSize !== undefined && { textSize }) });
			continue;
		}
		const use = firstUse.get(result.key)!;
		problems.push({
			severity: settings.severity,
			file: use.plan.file,
			line: use.line,
			column: use.column,
			message: `Mermaid could not render this diagram: ${result.error.split('\n')[0]}`,
			...(result.lostPage === 'timeout' && { hint: 'Split the diagram into smaller ones, or raise the limit with the mermaid.timeout option of plans() (milliseconds).' }),
		});
	}
	return problems;
}
