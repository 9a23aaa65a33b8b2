import { type AstroInlineConfig, preview } from 'astro';
import { fileURLToPath } from 'node:url';

/** Serves a built fixture with `astro preview` on a free port; returns its origin and a stop(). */
export async function previewSite(root: URL, outDir: string, inline: AstroInlineConfig = {}) {
	const server = await preview({
		root: fileURLToPath(root),
		outDir,
		logLevel: 'error',
		server: { port: 0, host: '127.0.0.1' },
		...inline,
	});
	return { origin: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
