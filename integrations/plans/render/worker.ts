// A render thread: builds the site's Markdown renderer once, then reads and renders the plans it is
// sent (and, for astro dev, checks Mermaid diagrams).
import { parentPort, workerData } from 'node:worker_threads';
import { MermaidCache } from '../diagrams/mermaid/cache.ts';
import { mermaidFallbackUsed, resetMermaidFallback } from '../diagrams/mermaid/self-hosted.ts';
import { parseMermaid } from '../diagrams/mermaid/validate.ts';
import { readAndRender, renderPlanSource } from './read-and-render.ts';
import type { PlanRenderer, RenderSettings } from '../markdown/types.ts';
import type { ThreadJob, ThreadReply, ThreadResults, ThreadTask } from './thread-pool.ts';

const settings = workerData as RenderSettings;
// Built on first use: a thread that only reads plans' data (astro dev) never loads the
// Markdown pipeline and Shiki.
let renderer: Promise<PlanRenderer> | undefined;
const planRenderer = () =>
	(renderer ??= import('../markdown/pipeline.ts').then(({ createPlanRenderer }) =>
		createPlanRenderer(settings),
	));
const mermaidCache = new MermaidCache(settings.context.mermaidCacheDir);

parentPort!.on('message', async ({ job, task }: ThreadJob) => {
	let reply: ThreadReply;
	try {
		resetMermaidFallback();
		reply = { job, result: await run(task), mermaidFallbackUsed: mermaidFallbackUsed() };
	} catch (error) {
		reply = { job, error: { message: (error as Error).message, stack: (error as Error).stack } };
	}
	parentPort!.postMessage(reply);
});

async function run(task: ThreadTask): Promise<ThreadResults[ThreadTask['kind']]> {
	switch (task.kind) {
		case 'read':
			return readAndRender(task.plan, planRenderer, mermaidCache);
		case 'render':
			return renderPlanSource(task.absolute, task.source, task.sanitize, planRenderer);
		case 'check-mermaid':
			return Promise.all(task.sources.map((source) => parseMermaid(source)));
		case 'warm-up':
			await Promise.all([planRenderer(), parseMermaid('flowchart LR\n  a')]);
			return null;
	}
}
