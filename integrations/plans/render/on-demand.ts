import type { AstroIntegrationLogger } from 'astro';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import {
	type CheckMermaid,
	checkProblem,
	type DrawMermaid,
	type MermaidSettings,
	prepareMermaid,
} from '../diagrams/mermaid/prepare.ts';
import { MermaidBrowser } from '../diagrams/mermaid/render.ts';
import type { MermaidCheck } from '../diagrams/mermaid/validate.ts';
import { formatProblem, type Problem } from '../problems.ts';
import type { PlanData, PlanDiagramData } from '../schema.ts';
import type { RenderedHtmlFiles } from './html-files.ts';

/** One version of a plan that a page may ask for: what its HTML is rendered from. */
export interface PlanVersion {
	id: string;
	digest: string;
	absolute: string;
	/** The normalised source. */
	source: string;
	data: PlanData;
}

/** A plan page's body in `astro dev`: its HTML, and the diagram problems drawing it found. */
export interface PlanBody {
	html: string;
	problems: Problem[];
}

/** What renders plans and checks diagrams for `astro dev`: a render thread, so that the server stays free for pages. */
export interface OnDemandRenderer {
	/** A plan's HTML from its source (see `renderPlanSource`). */
	render(absolute: string, source: string): Promise<string>;
	/** `parseMermaid` of each source. */
	checkMermaid(sources: string[]): Promise<MermaidCheck[]>;
	/** Loads what the others need (the Markdown renderer, Shiki, mermaid), so that the first page does not wait for it. */
	warmUp(): Promise<unknown>;
	close(): Promise<void>;
}

export interface OnDemandPlansOptions {
	htmlFiles: RenderedHtmlFiles;
	renderer: OnDemandRenderer;
	/** Mermaid settings, with the severity a broken diagram has in `astro build`. */
	mermaid: MermaidSettings;
	logger: AstroIntegrationLogger;
}

/**
 * Versions of a plan kept while the author edits: a page built from the store's previous
 * state (Astro publishes a store change some hundred milliseconds after it is made) still
 * finds its HTML.
 */
const VERSIONS_KEPT = 3;

/**
 * Diagrams are drawn once the server has answered no request for this long: starting a browser
 * takes both cores for a second or two, which a page or an edit must not wait for.
 */
const IDLE_MS = 500;
/** However busy the server is, diagrams wait no longer than this. */
const LONGEST_WAIT_MS = 10_000;

/**
 * The plans of `astro dev`, rendered when their page is first requested: the server is
 * ready once every plan's data is read, whatever the number of plans, and a plan's
 * Mermaid diagrams are drawn when someone looks at it. Every request gets HTML, for the
 * version of the plan its page was built from or a newer one, never a missing file.
 */
export class OnDemandPlans {
	readonly #options: OnDemandPlansOptions;
	readonly #versions = new Map<string, PlanVersion>();
	/** Digests of each plan's kept versions, oldest first. */
	readonly #versionsOf = new Map<string, string[]>();
	readonly #pending = new Map<string, Promise<PlanBody>>();
	/** Diagram problems by plan digest, once its diagrams are drawn: an unchanged plan is not checked again. */
	readonly #diagramProblems = new Map<string, Problem[]>();
	/** Drawings of each version's diagrams, started or done. */
	readonly #drawings = new Map<string, Promise<Problem[]>>();
	/** Bodies rendered while their diagrams are drawn (`#renderWhileDrawing`). */
	readonly #provisional = new Map<string, PlanBody>();
	/** The body answered last, until its version changes state (drawn, dropped). */
	#last: { digest: string; body: Promise<PlanBody> } | undefined;
	/** Versions whose diagrams wait for the server to be idle. */
	readonly #toDraw: PlanVersion[] = [];
	/** Requests being answered (see `requestStarted`), when the last one ended, and since when diagrams wait. */
	#activeRequests = 0;
	#lastRequest = 0;
	#waitingSince: number | undefined;
	#idleTimer: NodeJS.Timeout | undefined;
	/** Mermaid draws in one browser at a time. */
	#drawingQueue: Promise<unknown> = Promise.resolve();
	/** The browser Mermaid draws in, started when first needed and kept until the server stops. */
	#browser: Promise<MermaidBrowser> | undefined;

	constructor(options: OnDemandPlansOptions) {
		this.#options = options;
	}

	/** The loader read a version of a plan (new, edited, or unchanged since the last session). */
	remember(version: PlanVersion): void {
		this.#versions.set(version.digest, version);
		const digests = (this.#versionsOf.get(version.id) ?? []).filter(
			(digest) => digest !== version.digest,
		);
		digests.push(version.digest);
		for (const old of digests.splice(0, Math.max(0, digests.length - VERSIONS_KEPT)))
			this.#drop(old);
		this.#versionsOf.set(version.id, digests);
	}

	/** Gets ready for the first page while nobody is asking yet: the Markdown renderer and the Mermaid syntax checker. */
	warmUp(): void {
		this.#options.renderer
			.warmUp()
			.catch((error: Error) =>
				this.#options.logger.warn(`Could not prepare to render plans: ${error.message}`),
			);
	}

	/**
	 * The server is answering a request: drawing waits until it has answered them all and been
	 * idle a moment. Returns what to call when the answer is sent.
	 */
	requestStarted(): () => void {
		this.#activeRequests++;
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			this.#activeRequests--;
			this.#lastRequest = performance.now();
		};
	}

	/** Draws the diagrams waiting, once the server is idle (or they have waited long enough). */
	#drawWhenIdle(): void {
		if (this.#idleTimer || this.#toDraw.length === 0) return;
		this.#waitingSince ??= performance.now();
		const idleFor = this.#activeRequests > 0 ? 0 : performance.now() - this.#lastRequest;
		const waited = performance.now() - this.#waitingSince;
		if (idleFor < IDLE_MS && waited < LONGEST_WAIT_MS) {
			this.#idleTimer = setTimeout(() => {
				this.#idleTimer = undefined;
				this.#drawWhenIdle();
			}, IDLE_MS - idleFor).unref();
			return;
		}
		this.#waitingSince = undefined;
		for (const version of this.#toDraw.splice(0)) {
			if (this.#versions.has(version.digest))
				void this.#drawDiagrams(version).catch((error: Error) =>
					this.#options.logger.error(
						`Could not draw the diagrams of ${version.data.file}: ${error.message}`,
					),
				);
		}
	}

	/**
	 * Starts rendering the newest version of plan `id`, if it is a Markdown plan: called when its
	 * page is requested, so that the drawing and the rendering run while Vite prepares the page.
	 */
	prefetch(id: string): void {
		const newest = this.newest(id);
		if (newest) this.body(id, newest.digest).catch(() => undefined);
	}

	/** Closes the browser and the render thread, when the server stops. */
	async close(): Promise<void> {
		const browser = this.#browser;
		this.#browser = undefined;
		await Promise.all([browser?.then((open) => open.close()), this.#options.renderer.close()]);
	}

	/** The plan's file was deleted. */
	forget(id: string): void {
		for (const digest of this.#versionsOf.get(id) ?? []) this.#drop(digest);
		this.#versionsOf.delete(id);
	}

	/** The newest version of a Markdown plan read by the loader. */
	newest(id: string): PlanVersion | undefined {
		return this.#versions.get(this.#versionsOf.get(id)?.at(-1) ?? '');
	}

	/** Digests of every version kept, whose HTML files must stay. */
	digests(): string[] {
		return [...this.#versions.keys()];
	}

	/**
	 * The body of the version `digest` of plan `id`, rendered now if it has not been yet. A
	 * version no longer kept is answered with the plan's newest one.
	 */
	body(id: string, digest: string): Promise<PlanBody> {
		const version = this.#versions.get(digest) ?? this.newest(id);
		if (!version)
			return Promise.reject(
				new Error(`No plan "${id}" is known to astro dev; was its file removed?`),
			);
		if (this.#last?.digest === version.digest) return this.#last.body;
		let pending = this.#pending.get(version.digest);
		if (!pending) {
			pending = this.#renderBody(version).finally(() => this.#pending.delete(version.digest));
			this.#pending.set(version.digest, pending);
			// A page asks twice (its problems, then its body): the second answer comes from memory.
			pending.then(
				(body) => (this.#last = { digest: version.digest, body: Promise.resolve(body) }),
				() => undefined,
			);
		}
		return pending;
	}

	async #renderBody(version: PlanVersion): Promise<PlanBody> {
		const { htmlFiles, renderer } = this.#options;
		const drawn = this.#diagramProblems.get(version.digest);
		if (!drawn && this.#undrawnDiagrams(version.data).length > 0)
			return this.#renderWhileDrawing(version);
		const problems = drawn ?? (await this.#drawDiagrams(version));
		const written = htmlFiles.readIfPresent(version.digest);
		if (written !== undefined) return { html: written, problems };
		const html = await renderer.render(version.absolute, version.source);
		htmlFiles.write(version.digest, html);
		return { html, problems };
	}

	/**
	 * A plan whose diagrams are not drawn yet is not kept waiting for the browser: its page shows
	 * them drawn in the reader's browser, and with their syntax errors, while they are drawn (once
	 * the server is idle) for the next request. That HTML is kept until the drawing ends, never
	 * written.
	 */
	async #renderWhileDrawing(version: PlanVersion): Promise<PlanBody> {
		const provisional = this.#provisional.get(version.digest);
		if (provisional) return provisional;
		this.#toDraw.push(version);
		this.#drawWhenIdle();
		const { renderer, mermaid } = this.#options;
		const undrawn = this.#undrawnDiagrams(version.data);
		const [checks, html] = await Promise.all([
			renderer.checkMermaid(undrawn.map((diagram) => diagram.source)),
			renderer.render(version.absolute, version.source),
		]);
		const problems = undrawn.flatMap(
			(diagram, index) =>
				checkProblem(version.data, diagram, checks[index], mermaid.severity) ?? [],
		);
		const body = { html, problems };
		if (!this.#diagramProblems.has(version.digest)) this.#provisional.set(version.digest, body);
		return body;
	}

	#undrawnDiagrams(data: PlanData): PlanDiagramData[] {
		return new MermaidCache(this.#options.mermaid.cacheDir).undrawn(data.diagrams);
	}

	/** Draws the plan's Mermaid diagrams that the cache does not have, in one browser at a time, once per version. */
	#drawDiagrams(version: PlanVersion): Promise<Problem[]> {
		let drawing = this.#drawings.get(version.digest);
		if (drawing) return drawing;
		const draw: DrawMermaid = async (jobs, { executablePath, ...options }) =>
			(await this.#launchBrowser(executablePath)).render(jobs, options);
		const check: CheckMermaid = async (source) =>
			(await this.#options.renderer.checkMermaid([source]))[0];
		drawing = this.#drawingQueue.then(() =>
			prepareMermaid([version.data], this.#options.mermaid, this.#options.logger, draw, check),
		);
		this.#drawingQueue = drawing.catch(() => undefined);
		this.#drawings.set(version.digest, drawing);
		drawing.then(
			(problems) => {
				this.#diagramProblems.set(version.digest, problems);
				this.#provisional.delete(version.digest);
				this.#forgetLast(version.digest);
				// HTML written before, by a session that could not draw them, shows them undrawn.
				this.#options.htmlFiles.remove(version.digest);
				for (const problem of problems)
					this.#options.logger[problem.severity === 'error' ? 'error' : 'warn'](
						formatProblem(problem),
					);
			},
			() => {
				this.#drawings.delete(version.digest);
				this.#provisional.delete(version.digest);
				this.#forgetLast(version.digest);
			},
		);
		return drawing;
	}

	#launchBrowser(executablePath: string): Promise<MermaidBrowser> {
		if (!this.#browser) {
			this.#browser = MermaidBrowser.launch(executablePath);
			// A browser that could not start is tried again on the next page.
			this.#browser.catch(() => (this.#browser = undefined));
		}
		return this.#browser;
	}

	#forgetLast(digest: string): void {
		if (this.#last?.digest === digest) this.#last = undefined;
	}

	#drop(digest: string): void {
		this.#forgetLast(digest);
		this.#versions.delete(digest);
		this.#diagramProblems.delete(digest);
		this.#drawings.delete(digest);
		this.#provisional.delete(digest);
		this.#options.htmlFiles.remove(digest);
	}
}
