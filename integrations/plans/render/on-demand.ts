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
import { IdleGate } from './idle-gate.ts';

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

/** What `OnDemandPlans` needs from the loader (`load/dev.ts`). */
export interface OnDemandPlansOptions {
	/** Where each version's final HTML is kept, by content digest. */
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
	/** Bodies being rendered, so that every ask meanwhile shares one render. */
	readonly #pending = new Map<string, Promise<PlanBody>>();
	/** Diagram problems by plan digest, once its diagrams are drawn: an unchanged plan is not checked again. */
	readonly #diagramProblems = new Map<string, Problem[]>();
	/** Drawings of each version's diagrams, started or done. */
	readonly #drawings = new Map<string, Promise<Problem[]>>();
	/** Bodies rendered while their diagrams are drawn (`#renderWhileDrawing`). */
	readonly #provisional = new Map<string, PlanBody>();
	/**
	 * The final body answered last (one drawn, never a provisional one), right until its version is
	 * dropped: a plan page asks twice per request, for its problems (`planProblemsInDev`) and then
	 * for its body (`PlanContent`), and the second ask must not read the HTML file again.
	 */
	#last: { digest: string; body: PlanBody } | undefined;
	/** Diagrams are drawn only while no request waits. */
	readonly #idle = new IdleGate({ idleMs: IDLE_MS, longestWaitMs: LONGEST_WAIT_MS });
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
		return this.#idle.requestStarted();
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
		if (this.#last?.digest === version.digest) return Promise.resolve(this.#last.body);
		let pending = this.#pending.get(version.digest);
		if (!pending) {
			pending = this.#renderBody(version).finally(() => this.#pending.delete(version.digest));
			this.#pending.set(version.digest, pending);
		}
		return pending;
	}

	/** A version's body: its final one once its diagrams are drawn (or it has none), else an early one. */
	async #renderBody(version: PlanVersion): Promise<PlanBody> {
		const drawn = this.#diagramProblems.get(version.digest);
		if (!drawn && this.#undrawnDiagrams(version.data).length > 0)
			return this.#renderWhileDrawing(version);
		const problems = drawn ?? (await this.#drawDiagrams(version));
		const body = { html: await this.#finalHtml(version), problems };
		// Drawn before it was rendered, this body stays right until the version is dropped.
		this.#last = { digest: version.digest, body };
		return body;
	}

	/** The HTML of a version whose diagrams are drawn: from its file, or rendered and written. */
	async #finalHtml(version: PlanVersion): Promise<string> {
		const { htmlFiles, renderer } = this.#options;
		const written = htmlFiles.readIfPresent(version.digest);
		if (written !== undefined) return written;
		const html = await renderer.render(version.absolute, version.source);
		htmlFiles.write(version.digest, html);
		return html;
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
		this.#idle.whenIdle(() => this.#drawIfKept(version));
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

	/** The plan's Mermaid diagrams that the cache has no drawing of (the cache is shared with builds). */
	#undrawnDiagrams(data: PlanData): PlanDiagramData[] {
		return new MermaidCache(this.#options.mermaid.cacheDir).undrawn(data.diagrams);
	}

	/** Draws a version's diagrams once the server is idle, unless the version was dropped while it waited. */
	#drawIfKept(version: PlanVersion): void {
		if (!this.#versions.has(version.digest)) return;
		// Nobody waits for this drawing: its failure is logged, and the next request tries again.
		void this.#drawDiagrams(version).catch((error: Error) =>
			this.#options.logger.error(
				`Could not draw the diagrams of ${version.data.file}: ${error.message}`,
			),
		);
	}

	/** Draws the plan's Mermaid diagrams that the cache does not have, in one browser at a time, once per version. */
	#drawDiagrams(version: PlanVersion): Promise<Problem[]> {
		const { digest } = version;
		let drawing = this.#drawings.get(digest);
		if (drawing) return drawing;
		drawing = this.#drawingQueue.then(() => this.#prepareMermaid(version));
		// A drawing that fails does not stop the next one.
		this.#drawingQueue = drawing.catch(() => undefined);
		this.#drawings.set(digest, drawing);
		drawing.then(
			(problems) => this.#drawn(digest, problems),
			() => this.#notDrawn(digest),
		);
		return drawing;
	}

	/** `prepareMermaid` of one version: drawn in this server's browser, checked in the render thread. */
	#prepareMermaid(version: PlanVersion): Promise<Problem[]> {
		const draw: DrawMermaid = async (jobs, { executablePath, ...options }) =>
			(await this.#launchBrowser(executablePath)).render(jobs, options);
		const check: CheckMermaid = async (source) =>
			(await this.#options.renderer.checkMermaid([source]))[0];
		return prepareMermaid([version.data], this.#options.mermaid, this.#options.logger, draw, check);
	}

	/** A version's diagrams are drawn: its next ask renders its final HTML, and their problems are logged once. */
	#drawn(digest: string, problems: Problem[]): void {
		this.#diagramProblems.set(digest, problems);
		this.#provisional.delete(digest);
		// HTML written before, by a session that could not draw them, shows them undrawn.
		this.#options.htmlFiles.remove(digest);
		for (const problem of problems)
			this.#options.logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
	}

	/** A version's diagrams could not be drawn: its next ask renders early again and draws again. */
	#notDrawn(digest: string): void {
		this.#drawings.delete(digest);
		this.#provisional.delete(digest);
	}

	#launchBrowser(executablePath: string): Promise<MermaidBrowser> {
		if (!this.#browser) {
			this.#browser = MermaidBrowser.launch(executablePath);
			// A browser that could not start is tried again on the next page.
			this.#browser.catch(() => (this.#browser = undefined));
		}
		return this.#browser;
	}

	/** A version no longer kept (edited past `VERSIONS_KEPT`, or its plan deleted), and its HTML file. */
	#drop(digest: string): void {
		if (this.#last?.digest === digest) this.#last = undefined;
		this.#versions.delete(digest);
		this.#diagramProblems.delete(digest);
		this.#drawings.delete(digest);
		this.#provisional.delete(digest);
		this.#options.htmlFiles.remove(digest);
	}
}
