import type { LoaderContext } from 'astro/loaders';
import { join, posix } from 'node:path';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { MermaidCache, mermaidCacheDir } from '../diagrams/mermaid/cache.ts';
import type { MermaidSettings } from '../diagrams/mermaid/prepare.ts';
import { findPlansOptions } from '../site-registry.ts';
import { createPlanRenderer, markdownContext, planRendererOptions } from '../markdown/pipeline.ts';
import type { PlansOptions } from '../options-schema.ts';
import { RenderedHtmlFiles, renderedHtmlDir } from '../render/html-files.ts';
import type { PlanRenderer, RenderSettings } from '../markdown/types.ts';
import { z } from 'astro/zod';
import { PlanDataSchema } from '../schema.ts';
import { PLANS_VERSION } from '../version.ts';

/** What every sync of one site's plans works with. */
export interface LoadSetup {
	options: PlansOptions;
	root: string;
	directory: string;
	plansDir: string;
	settings: RenderSettings;
	htmlFiles: RenderedHtmlFiles;
	mermaidCache: MermaidCache;
	mermaid: MermaidSettings;
	/** Builds the plan renderer of this thread on first use. */
	renderer: () => Promise<PlanRenderer>;
	/** A plan file's digest: our version and the options that change its HTML are part of it. */
	digestOf(raw: string): string;
}

export function loadSetup(
	context: LoaderContext,
	loaderOptions: { directory?: string },
): LoadSetup {
	const { config, watcher } = context;
	const options = findPlansOptions(config);
	assertOneSource(context.collection, loaderOptions.directory, options.directory);
	const directory = options.directory;
	const root = fileURLToPath(config.root);
	const settings: RenderSettings = {
		context: markdownContext(config, options, { dev: Boolean(watcher) }),
		renderer: planRendererOptions(config),
	};
	const renderFingerprint = JSON.stringify({
		sanitize: settings.context.sanitize,
		showDiagramErrors: settings.context.showDiagramErrors,
		verifyDrawings: settings.context.verifyDrawings,
		statuses: settings.context.statuses,
		dev: settings.context.dev,
	});
	// Plan data stored by a build whose schema differed is read again, whatever the version says.
	const dataFingerprint = context.generateDigest(
		JSON.stringify(z.toJSONSchema(PlanDataSchema, { io: 'output' })),
	);
	let renderer: Promise<PlanRenderer> | undefined;
	return {
		options,
		root,
		directory,
		plansDir: join(root, directory),
		settings,
		htmlFiles: new RenderedHtmlFiles(renderedHtmlDir(config.cacheDir)),
		mermaidCache: new MermaidCache(mermaidCacheDir(config.cacheDir)),
		mermaid: {
			cacheDir: mermaidCacheDir(config.cacheDir),
			browser: options.mermaid.browser,
			severity:
				(options.mermaid.onError ?? (watcher ? 'show' : 'error')) === 'show' ? 'warning' : 'error',
			timeout: options.mermaid.timeout,
		},
		renderer: () => (renderer ??= createPlanRenderer(settings)),
		// A new release, another plan data schema, or another `sanitize` setting reads every plan again.
		digestOf: (raw) =>
			context.generateDigest(`${PLANS_VERSION}\n${dataFingerprint}\n${renderFingerprint}\n${raw}`),
	};
}

/**
 * The loader reads the folder and collection the integration's pages, links and MDX plugins
 * use: a loader pointed elsewhere, or a collection under another name, would publish a site
 * whose links and pages disagree with its plans.
 */
function assertOneSource(
	collection: string,
	loaderDirectory: string | undefined,
	directory: string,
): void {
	const folder = (path: string) => posix.normalize(path.replaceAll('\\', '/')).replace(/\/+$/, '');
	if (loaderDirectory !== undefined && folder(loaderDirectory) !== folder(directory)) {
		throw new AstroError(
			`plansLoader({ directory: '${loaderDirectory}' }) reads another folder than plans() in astro.config, which reads '${directory}'.`,
			`Set the folder once, in astro.config: plans({ directory: '${loaderDirectory}' }), and call plansLoader() without a directory.`,
		);
	}
	if (collection !== 'plans') {
		throw new AstroError(
			`The collection loaded with plansLoader() is named "${collection}"; the plan pages read the collection "plans".`,
			`Name it plans in src/content.config.ts: export const collections = { plans: defineCollection({ loader: plansLoader() }) };`,
		);
	}
}
