import type { LoaderContext } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MermaidCache, mermaidCacheDir } from '../diagrams/mermaid/cache.ts';
import type { MermaidSettings } from '../diagrams/mermaid/prepare.ts';
import { findPlansOptions } from '../site-registry.ts';
import { createPlanRenderer, markdownContext, planRendererOptions } from '../markdown/pipeline.ts';
import type { PlansOptions } from '../options-schema.ts';
import { RenderedHtmlFiles, renderedHtmlDir } from '../render/html-files.ts';
import type { PlanRenderer, RenderSettings } from '../render/types.ts';
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

export function loadSetup(context: LoaderContext, loaderOptions: { directory?: string }): LoadSetup {
	const { config, watcher } = context;
	const options = findPlansOptions(config);
	const directory = loaderOptions.directory ?? options.directory;
	const root = fileURLToPath(config.root);
	const settings: RenderSettings = { context: markdownContext(config, options, { dev: Boolean(watcher) }), renderer: planRendererOptions(config) };
	const renderFingerprint = JSON.stringify({
		sanitize: settings.context.sanitize,
		showDiagramErrors: settings.context.showDiagramErrors,
		verifyDrawings: settings.context.verifyDrawings,
		dev: settings.context.dev,
	});
	// Plan data stored by a build whose schema differed is read again, whatever the version says.
	const dataFingerprint = context.generateDigest(JSON.stringify(z.toJSONSchema(PlanDataSchema, { io: 'output' })));
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
			severity: (options.mermaid.onError ?? (watcher ? 'show' : 'error')) === 'show' ? 'warning' : 'error',
			timeout: options.mermaid.timeout,
		},
		renderer: () => (renderer ??= createPlanRenderer(settings)),
		// A new release, another plan data schema, or another `sanitize` setting reads every plan again.
		digestOf: (raw) => context.generateDigest(`${PLANS_VERSION}\n${dataFingerprint}\n${renderFingerprint}\n${raw}`),
	};
}

