import type { AstroIntegrationLogger } from 'astro';
import type { Problem } from '../../problems.ts';
import type { PlanData, PlanDiagramData } from '../../schema.ts';
import { sanitizeSvg } from '../sanitize-svg.ts';
import { BROWSER_ENV, findBrowser } from './browser.ts';
import { MermaidCache } from './cache.ts';
import { drawingId } from './key.ts';
import {
	type MermaidJob,
	type MermaidResult,
	type RenderMermaidOptions,
	renderMermaid,
} from './render.ts';
import { type MermaidCheck, type MermaidMistake, parseMermaid } from './validate.ts';

/** A Mermaid diagram's mistake (from `mermaid.parse()` under jsdom, no browser), positioned in its file. */
export async function mermaidSyntaxProblem(
	plan: PlanData,
	diagram: PlanDiagramData,
	severity: Problem['severity'],
): Promise<Problem | undefined> {
	return checkProblem(plan, diagram, await parseMermaid(diagram.source), severity);
}

/** A problem a diagram's check found, positioned in its file; none when it is valid or could not be checked here. */
export function checkProblem(
	plan: PlanData,
	diagram: PlanDiagramData,
	check: MermaidCheck,
	severity: Problem['severity'],
): Problem | undefined {
	if (!check || check.kind === 'internal') return undefined;
	return check.kind === 'plugin'
		? pluginProblem(plan, diagram, check)
		: syntaxErrorProblem(plan, diagram, check, severity);
}

/** A syntax error, positioned in the diagram's text, as a problem positioned in its file. */
function syntaxErrorProblem(
	plan: PlanData,
	diagram: PlanDiagramData,
	error: MermaidMistake,
	severity: Problem['severity'],
): Problem {
	return {
		severity,
		...placeInFile(plan, diagram, error),
		message: `Mermaid syntax error: ${error.message}`,
		hint: 'The line and column are where mermaid stopped reading; the diagram starts on the line after the opening fence.',
	};
}

/** A diagram that needs a plugin is valid Mermaid: a warning, whatever `mermaid.onError` says. */
function pluginProblem(plan: PlanData, diagram: PlanDiagramData, error: MermaidMistake): Problem {
	return {
		severity: 'warning',
		...placeInFile(plan, diagram, error),
		message: `Mermaid diagram not drawn: ${error.message}.`,
		hint: 'Readers see its source. To have it drawn, write it as a diagram type Mermaid has built in (a sequenceDiagram for a zenuml one).',
	};
}

/** Where a place in a diagram's text is in its file: the diagram's first line is the line after the opening fence; an empty diagram has none. */
function placeInFile(
	plan: PlanData,
	diagram: PlanDiagramData,
	error: MermaidMistake,
): Pick<Problem, 'file' | 'line' | 'column'> {
	const empty = diagram.source === '';
	return {
		file: plan.file,
		line: empty ? diagram.line : diagram.line + error.line,
		column: empty ? diagram.column : diagram.column - 1 + error.column,
	};
}

/** A diagram the build-time check could not check, and why. */
export interface UncheckedDiagram {
	file: string;
	line: number;
	message: string;
}

/**
 * Says, once for all of them, that the build-time check failed on some diagrams: the failure
 * is ours, not the authors', and the browser that draws the diagrams judges them instead.
 */
export function uncheckedNotice(unchecked: UncheckedDiagram[]): string | undefined {
	const [first] = unchecked;
	if (!first) return undefined;
	const diagrams = unchecked.length === 1 ? '1 diagram' : `${unchecked.length} diagrams`;
	return (
		`The build-time Mermaid syntax check failed internally on ${diagrams} (the first at ${first.file}:${first.line}: ${first.message}). ` +
		'They are drawn in the browser, which reports any real syntax error. This is a bug of astro-technical-plans, not of the plans: please report it.'
	);
}

/** Checks a diagram's syntax: `parseMermaid` here, or in a render thread. */
export type CheckMermaid = (source: string) => Promise<MermaidCheck>;

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
export type DrawMermaid = (
	jobs: MermaidJob[],
	options: RenderMermaidOptions,
) => Promise<MermaidResult[]>;

/** What checking the uncached diagrams found, and what is left for the browser to draw. */
interface Checked {
	problems: Problem[];
	jobs: Map<string, MermaidJob>;
	/** Where each job's diagram is first used, for the problems drawing it finds. */
	firstUse: Map<string, { file: string; line: number; column: number }>;
	/** The jobs the check found a syntax error in: the browser, which draws them, has the last word. */
	suspects: Map<string, Problem>;
	unchecked: UncheckedDiagram[];
}

/**
 * Makes sure every Mermaid diagram of these plans is in the render cache before their
 * pages render: checks uncached diagrams with `mermaid.parse()` (no browser), then draws them
 * in one browser, in batches. A diagram the check calls broken is drawn too: Mermaid in the
 * browser judges, and the check's error (with its line and column) is reported only when the
 * browser cannot draw it either. Cached diagrams cost nothing, so a build where no diagram
 * changed starts no browser.
 */
export async function prepareMermaid(
	plans: PlanData[],
	settings: MermaidSettings,
	logger: AstroIntegrationLogger,
	draw: DrawMermaid = renderMermaid,
	check: CheckMermaid = parseMermaid,
): Promise<Problem[]> {
	const cache = new MermaidCache(settings.cacheDir);
	const checked = await checkUncached(plans, cache, settings.severity, check);
	const { problems, unchecked } = checked;
	const browser =
		checked.jobs.size === 0 ? undefined : browserToDraw(checked.jobs.size, settings, logger);
	if (browser) {
		const results = await draw([...checked.jobs.values()], {
			executablePath: browser,
			timeout: settings.timeout,
			onProgress: (done, total) => logger.info(`mermaid: ${done}/${total} diagrams`),
		});
		for (const result of results) {
			const suspect = checked.suspects.get(result.key);
			if ('render' in result) {
				const { light, dark, textSize } = result.render;
				cache.set(result.key, {
					light: sanitizeSvg(light, drawingId(result.key, 'light')),
					dark: sanitizeSvg(dark, drawingId(result.key, 'dark')),
					...(textSize !== undefined && { textSize }),
				});
				if (suspect)
					unchecked.push({
						file: suspect.file,
						line: suspect.line,
						message: `it found "${suspect.message}", which Mermaid in Chromium does not`,
					});
			} else {
				problems.push(
					suspect ?? renderProblem(result, checked.firstUse.get(result.key)!, settings.severity),
				);
			}
		}
	} else {
		// With no browser to judge them, the check's syntax errors stand.
		problems.push(...checked.suspects.values());
	}
	const notice = uncheckedNotice(unchecked);
	if (notice) logger.warn(notice);
	return problems;
}

/** Checks every uncached Mermaid diagram once (the first place it is used). */
async function checkUncached(
	plans: PlanData[],
	cache: MermaidCache,
	severity: Problem['severity'],
	check: CheckMermaid,
): Promise<Checked> {
	const checked: Checked = {
		problems: [],
		jobs: new Map(),
		firstUse: new Map(),
		suspects: new Map(),
		unchecked: [],
	};
	for (const plan of plans) {
		for (const diagram of plan.diagrams) {
			if (diagram.kind !== 'mermaid' || checked.jobs.has(diagram.key) || cache.has(diagram.key))
				continue;
			const found = await check(diagram.source);
			const problem = checkProblem(plan, diagram, found, severity);
			if (problem && found?.kind !== 'syntax') {
				checked.problems.push(problem);
				continue;
			}
			if (problem) checked.suspects.set(diagram.key, problem);
			if (found?.kind === 'internal')
				checked.unchecked.push({ file: plan.file, line: diagram.line, message: found.message });
			checked.jobs.set(diagram.key, { key: diagram.key, source: diagram.source });
			checked.firstUse.set(diagram.key, {
				file: plan.file,
				line: diagram.line,
				column: diagram.column,
			});
		}
	}
	return checked;
}

/** The browser that draws diagrams at build time, or none (and why, said once). */
function browserToDraw(
	count: number,
	settings: MermaidSettings,
	logger: AstroIntegrationLogger,
): string | undefined {
	const browser = findBrowser(settings.browser);
	if (!browser && settings.browser === false)
		logger.info(
			`mermaid.browser is false: ${count} Mermaid diagrams render in the reader's browser.`,
		);
	else if (!browser) {
		logger.warn(
			`No browser found to render ${count} Mermaid ${count === 1 ? 'diagram' : 'diagrams'} at build time; ` +
				`those pages render them in the reader's browser instead. Install Chromium (apt-get install chromium) ` +
				`or point ${BROWSER_ENV} (or the mermaid.browser option) at a Chromium or Chrome binary.`,
		);
	}
	return browser;
}

/** A diagram the browser could not draw, at its fence. */
function renderProblem(
	result: Extract<MermaidResult, { error: string }>,
	use: { file: string; line: number; column: number },
	severity: Problem['severity'],
): Problem {
	return {
		severity,
		...use,
		message: `Mermaid could not render this diagram: ${result.error.split('\n')[0]}`,
		...(result.lostPage === 'timeout' && {
			hint: 'Split the diagram into smaller ones, or raise the limit with the mermaid.timeout option of plans() (milliseconds).',
		}),
	};
}
