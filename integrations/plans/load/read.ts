import type { DataStore, LoaderContext } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { PlanDispatcher } from '../render/dispatch.ts';
import type { RenderedPlan, RenderSettings } from '../markdown/types.ts';
import { RenderThreads, renderThreadCount } from '../render/thread-pool.ts';
import type { PlanData } from '../schema.ts';
import type { PlanFile } from './find-plan-files.ts';
import type { LoadSetup } from './setup.ts';

/** A plan file read from disk, with its digest. */
export type PlanFileRead = PlanFile & { raw: string; digest: string };

/** Reads the plan files; a file deleted since it was listed is left out (the next sync removes it). */
export async function readPlanFiles(files: PlanFile[], site: LoadSetup): Promise<PlanFileRead[]> {
	const read = await Promise.all(
		files.map(async (file) => {
			const raw = await readFile(file.absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') return undefined;
				throw error;
			});
			return raw === undefined ? undefined : { ...file, raw, digest: site.digestOf(raw) };
		}),
	);
	return read.filter((file) => file !== undefined);
}

/** Removes the plans whose file is gone from the store. */
export function removeDeletedPlans(
	files: PlanFile[],
	store: DataStore,
	onRemoved: (id: string) => void = () => {},
): void {
	const ids = new Set(files.map((file) => file.id));
	for (const id of [...store.keys()]) {
		if (ids.has(id)) continue;
		store.delete(id);
		onRemoved(id);
	}
}

/** A plan read again: its data validated by the collection schema. */
export interface ChangedPlan {
	file: PlanFileRead;
	source: string;
	data: PlanData;
	imagePaths: string[];
	rendered: RenderedPlan | undefined;
}

/**
 * Reads plans (their data, and their HTML unless `deferRender`) in render threads when many
 * changed, else one after the other in this thread, and validates their data. Yields them in
 * the order of their files.
 */
export async function* readPlans(
	context: LoaderContext,
	site: LoadSetup,
	reader: PlanDispatcher,
	files: PlanFileRead[],
	deferRender: boolean,
): AsyncGenerator<ChangedPlan> {
	const reading = files.map((file) => ({
		file,
		read: reader.read({
			...file,
			sanitize: site.settings.context.sanitize,
			verifyDrawings: site.settings.context.verifyDrawings,
			statuses: site.settings.context.statuses,
			publicDir: site.settings.context.publicDir,
			repositoryRoot: site.settings.context.repositoryRoot,
			deferRender,
		}),
	}));
	for (const { file, read } of reading) {
		const { data: parsedData, source, rendered, imagePaths } = await read;
		const data = (await context.parseData({
			id: file.id,
			data: parsedData,
			filePath: file.file,
		})) as PlanData;
		yield { file, source, data, imagePaths, rendered };
	}
}

/** A reader with as many render threads as `count` plans to render (or only to read) are worth. */
export function planDispatcher(
	site: LoadSetup,
	count: number,
	logger: LoaderContext['logger'],
	work: 'render' | 'read' = 'render',
): PlanDispatcher {
	const threadCount = renderThreadCount(site.options.renderThreads, count, { work });
	const threads =
		threadCount > 0 ? startRenderThreads(threadCount, site.settings, logger) : undefined;
	return new PlanDispatcher(threads, site.renderer, site.mermaidCache);
}

/** Stores an MDX plan: `@astrojs/mdx` renders it with its page, so components work. */
export function storeMdxPlan(store: DataStore, plan: ChangedPlan): void {
	store.set({
		id: plan.file.id,
		data: plan.data,
		body: plan.source,
		filePath: plan.data.file,
		digest: plan.file.digest,
		deferredRender: true,
	});
}

/**
 * Starts the render threads, each building the same plan renderer; none when a setting
 * cannot cross to a thread (a Shiki transformer of the site is a function, for instance).
 */
export function startRenderThreads(
	count: number,
	settings: RenderSettings,
	logger: LoaderContext['logger'],
	{ quiet = false } = {},
): RenderThreads | undefined {
	try {
		structuredClone(settings);
	} catch {
		if (!quiet)
			logger.info(
				"Plans render in one thread: the site's Markdown settings (shikiConfig) hold functions, which cannot be sent to render threads.",
			);
		return undefined;
	}
	if (!quiet)
		logger.info(`Rendering ${count === 1 ? 'plans in 1 thread' : `plans in ${count} threads`}.`);
	return new RenderThreads(count, settings);
}
