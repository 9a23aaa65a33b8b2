import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';

/**
 * Indexes the built site with Pagefind into `<outDir>/pagefind/`: its search index and its
 * UI bundle, which the search page loads. Only elements marked `data-pagefind-body` (the
 * plan pages' content) are indexed; elements marked `data-pagefind-ignore` are left out.
 */
export async function writeSearchIndex(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	const pagefind = await import('pagefind');
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	try {
		if (!index) throw new Error(errors.join('; '));
		const added = await index.addDirectory({ path: outDir });
		if (added.errors.length > 0) throw new Error(added.errors.join('; '));
		const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		if (written.errors.length > 0) throw new Error(written.errors.join('; '));
		logger.info(`Search index written from ${added.page_count} pages in ${Math.round(performance.now() - started)} ms (plan pages only).`);
	} catch (error) {
		throw new AstroError(`Pagefind could not index the site: ${(error as Error).message}`, 'Set `search: false` in the plans() options to build without search.');
	} finally {
		await pagefind.close();
	}
}
