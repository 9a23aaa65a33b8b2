// The sites `npm run bench` and `npm run bench:dev` measure: N generated plans, published by
// this integration (every feature on) and by plain Astro 7 (glob loader, default processor,
// one bare page per plan). Written once per size under .tmp/bench-site/<N>/.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlans } from './generate-plans.ts';

export const work = fileURLToPath(new URL('../.tmp/bench-site/', import.meta.url));

/** The plan that edits change: its file under plans/, and its page. */
export const EDITED_PLAN = { file: 'platform/plan-1.md', url: '/plans/platform/plan-1/' };

/** Writes the plans of size N (once) and both sites around them. */
export function setUpSites(size: number): { ours: string; baseline: string; plans: string } {
	const root = join(work, String(size));
	const plans = join(root, 'plans');
	if (!existsSync(plans)) writePlans(plans, size);
	const ours = join(root, 'ours');
	const baseline = join(root, 'baseline');
	for (const site of [ours, baseline]) {
		mkdirSync(join(site, 'src'), { recursive: true });
		if (!existsSync(join(site, 'plans'))) symlinkSync(plans, join(site, 'plans'));
	}
	writeFileSync(
		join(ours, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport plans from 'astro-technical-plans';\n\nexport default defineConfig({ integrations: [plans({ title: 'Bench' })] });\n`,
	);
	writeFileSync(
		join(ours, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { plansLoader } from 'astro-technical-plans/loader';\nimport { planSchema } from 'astro-technical-plans/schema';\n\nexport const collections = { plans: defineCollection({ loader: plansLoader(), schema: planSchema() }) };\n`,
	);
	writeFileSync(join(baseline, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n`);
	writeFileSync(
		join(baseline, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const collections = { plans: defineCollection({ loader: glob({ pattern: '**/*.md', base: './plans' }) }) };\n`,
	);
	mkdirSync(join(baseline, 'src/pages/plans'), { recursive: true });
	writeFileSync(
		join(baseline, 'src/pages/plans/[...id].astro'),
		`---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n\treturn (await getCollection('plans')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n\n<html lang="en"><head><meta charset="utf-8" /><title>{Astro.props.entry.id}</title></head><body><Content /></body></html>\n`,
	);
	return { ours, baseline, plans };
}

