// A render thread: builds the site's Markdown renderer once, then reads and renders the plans it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import { mermaidFallbackUsed, resetMermaidFallback } from '../diagrams/mermaid/self-hosted.ts';
import { readPlan, renderPlanSource } from './read-plan.ts';
import { createPlanRenderer } from '../markdown/pipeline.ts';
import type { RenderSettings } from './renderer.ts';
import type { ThreadJob, ThreadReply } from './threads.ts';

const settings = workerData as RenderSettings;
// Built on first use: a thread that only reads plans' data (astro dev) never loads Shiki.
let renderer: ReturnType<typeof createPlanRenderer> | undefined;
const planRenderer = () => (renderer ??= createPlanRenderer(settings));
const mermaidCache = new MermaidCache(settings.context.mermaidCacheDir);

parentPort!.on('message', async ({ job, task }: ThreadJob) => {
	let reply: ThreadReply;
	try {
		resetMermaidFallback();
		const result =
			task.kind === 'read' ? await readPlan(task.plan, planRenderer, mermaidCache) : { rendered: await renderPlanSource(task.absolute, task.source, task.sanitize, planRenderer) };
		reply = { job, result, mermaidFallbackUsed: mermaidFallbackUsed() };
	} catch (error) {
		reply = { job, error: { message: (error as Error).message, stack: (error as Error).stack } };
	}
	parentPort!.postMessage(reply);
});
