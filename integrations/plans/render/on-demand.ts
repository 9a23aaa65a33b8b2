import type { AstroIntegrationLogger } from 'astro';
import { type MermaidSettings, prepareMermaid } from '../diagrams/mermaid/prepare.ts';
import { formatProblem, type Problem } from '../parse/problems.ts';
import type { PlanData } from '../schema.ts';
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

export interface OnDemandPlansOptions {
	htmlFiles: RenderedHtmlFiles;
	/** Renders a plan's HTML from its source (see `renderPlanSource`). */
	render(absolute: string, source: string): Promise<string>;
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
	/** Diagram problems by plan digest: an unchanged plan is not checked again. */
	readonly #diagramProblems = new Map<string, Problem[]>();
	/** Mermaid draws in one browser at a time. */
	#drawing: Promise<unknown> = Promise.resolve();

	constructor(options: OnDemandPlansOptions) {
		this.#options = options;
	}

	/** The loader read a version of a plan (new, edited, or unchanged since the last session). */
	remember(version: PlanVersion): void {
		this.#versions.set(version.digest, version);
		const digests = (this.#versionsOf.get(version.id) ?? []).filter((digest) => digest !== version.digest);
		digests.push(version.digest);
		for (const old of digests.splice(0, Math.max(0, digests.length - VERSIONS_KEPT))) this.#drop(old);
		this.#versionsOf.set(version.id, digests);
	}

	/** The plan's file was deleted. */
	forget(id: string): void {
		for (const digest of this.#versionsOf.get(id) ?? []) this.#drop(digest);
		this.#versionsOf.delete(id);
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
		const version = this.#versions.get(digest) ?? this.#versions.get(this.#versionsOf.get(id)?.at(-1) ?? '');
		if (!version) return Promise.reject(new Error(`No plan "${id}" is known to astro dev; was its file removed?`));
		let pending = this.#pending.get(version.digest);
		if (!pending) {
			pending = this.#renderBody(version).finally(() => this.#pending.delete(version.digest));
			this.#pending.set(version.digest, pending);
		}
		return pending;
	}

	async #renderBody(version: PlanVersion): Promise<PlanBody> {
		const problems = await this.#drawDiagrams(version);
		const { htmlFiles, render } = this.#options;
		const written = htmlFiles.readIfPresent(version.digest);
		if (written !== undefined) return { html: written, problems };
		const html = await render(version.absolute, version.source);
		htmlFiles.write(version.digest, html);
		return { html, problems };
	}

	/** Draws the plan's Mermaid diagrams that the cache does not have, in one browser at a time. */
	async #drawDiagrams(version: PlanVersion): Promise<Problem[]> {
		const known = this.#diagramProblems.get(version.digest);
		if (known) return known;
		const drawn = this.#drawing.then(() => prepareMermaid([version.data], this.#options.mermaid, this.#options.logger));
		this.#drawing = drawn.catch(() => undefined);
		const problems = await drawn;
		this.#diagramProblems.set(version.digest, problems);
		for (const problem of problems) this.#options.logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
		return problems;
	}

	#drop(digest: string): void {
		this.#versions.delete(digest);
		this.#diagramProblems.delete(digest);
		this.#options.htmlFiles.remove(digest);
	}
}
