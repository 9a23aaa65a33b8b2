// The sites `npm run bench` and `npm run bench:dev` measure: N generated plans, published by
// this integration (every feature on), by plain Astro 7 (glob loader, default processor, one
// bare page per plan) and by Starlight with its defaults (the same plans as its docs, each
// with the `title` frontmatter Starlight requires). Written once per size under
// .tmp/bench-site/<N>/.
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlans } from './generate-plans.ts';

export const work = fileURLToPath(new URL('../.tmp/bench-site/', import.meta.url));

/** The plan that edits change: its file under plans/, and its page. */
export const EDITED_PLAN = { file: 'platform/plan-1.md', url: '/plans/platform/plan-1/' };

export interface BenchSites {
	ours: string;
	baseline: string;
	starlight: string;
	/** Starlight drawing Mermaid at build time as Astro users do today: rehype-mermaid. */
	starlightMermaid: string;
	/** The plans folder of this integration's site and of plain Astro's. */
	plans: string;
	/** Starlight's copy of the plans (src/content/docs), and that of Starlight with rehype-mermaid. */
	starlightDocs: string;
	starlightMermaidDocs: string;
}

/** Writes the plans of size N (once) and the three sites around them. */
export function setUpSites(size: number): BenchSites {
	const root = join(work, String(size));
	const plans = join(root, 'plans');
	if (!existsSync(plans)) writePlans(plans, size);
	const ours = join(root, 'ours');
	const baseline = join(root, 'baseline');
	for (const site of [ours, baseline]) {
		mkdirSync(site, { recursive: true });
		if (!existsSync(join(site, 'plans'))) symlinkSync(plans, join(site, 'plans'));
	}
	writeSite(
		ours,
		`import plans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [plans({ title: 'Bench' })] });`,
		`import { plansLoader } from 'astro-technical-plans/loader';\n\nexport const collections = { plans: defineCollection({ loader: plansLoader() }) };`,
	);
	writeSite(
		baseline,
		'export default defineConfig({});',
		`import { glob } from 'astro/loaders';\n\nexport const collections = { plans: defineCollection({ loader: glob({ pattern: '**/*.md', base: './plans' }) }) };`,
	);
	mkdirSync(join(baseline, 'src/pages/plans'), { recursive: true });
	writeFileSync(
		join(baseline, 'src/pages/plans/[...id].astro'),
		`---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n\treturn (await getCollection('plans')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n\n<html lang="en"><head><meta charset="utf-8" /><title>{Astro.props.entry.id}</title></head><body><Content /></body></html>\n`,
	);
	const starlight = join(root, 'starlight');
	const starlightDocs = join(starlight, 'src/content/docs');
	setUpStarlight(starlight, plans, starlightDocs);
	const starlightMermaid = join(root, 'starlight-mermaid');
	const starlightMermaidDocs = join(starlightMermaid, 'src/content/docs');
	setUpStarlight(starlightMermaid, plans, starlightMermaidDocs, {
		imports: `import { unified } from '@astrojs/markdown-remark';\nimport rehypeMermaid from 'rehype-mermaid';\n`,
		// One theme, inline SVG, the system Chromium (Playwright's own download fails here).
		markdown: `markdown: { processor: unified(), rehypePlugins: [[rehypeMermaid, { strategy: 'inline-svg', launchOptions: { executablePath: ${JSON.stringify(chromium())} } }]] }, `,
	});
	return {
		ours,
		baseline,
		starlight,
		starlightMermaid,
		plans,
		starlightDocs,
		starlightMermaidDocs,
	};
}

/** The Chromium rehype-mermaid drives: PLANS_CHROMIUM, or Debian's. */
function chromium(): string {
	return process.env.PLANS_CHROMIUM ?? '/usr/bin/chromium';
}

/** Starlight with its defaults around a copy of the plans, and Markdown settings if given. */
function setUpStarlight(
	site: string,
	plans: string,
	docs: string,
	settings: { imports: string; markdown: string } = { imports: '', markdown: '' },
): void {
	if (!existsSync(docs)) {
		for (const file of planFiles(plans)) {
			const target = join(docs, file);
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, starlightDoc(readFileSync(join(plans, file), 'utf8')));
		}
	}
	writeSite(
		site,
		`import starlight from '@astrojs/starlight';\n${settings.imports}\nexport default defineConfig({ ${settings.markdown}integrations: [starlight({ title: 'Bench' })] });`,
		`import { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };`,
	);
}

/** A site's astro.config.mjs and src/content.config.ts, each after its first import. */
function writeSite(site: string, config: string, collections: string): void {
	mkdirSync(join(site, 'src'), { recursive: true });
	writeFileSync(
		join(site, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\n${config}\n`,
	);
	writeFileSync(
		join(site, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\n${collections}\n`,
	);
}

/** A plan as a Starlight doc: its first heading as the `title` frontmatter Starlight requires. */
export function starlightDoc(plan: string): string {
	const title = /^# (.+)$/m.exec(plan)?.[1] ?? 'Plan';
	return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${plan}`;
}

/** The plans' Markdown files, relative to their folder, with `/` between folders, in order. */
export function planFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}
