import { posix } from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';

/** Favicon path used when the `favicon` option is not given. */
export const DEFAULT_FAVICON = '/favicon.svg';

/** Image types a favicon may have, by file extension. */
export const ICON_TYPES: Record<string, string> = {
	svg: 'image/svg+xml',
	png: 'image/png',
	ico: 'image/x-icon',
	gif: 'image/gif',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
};

/** The sections a plan is expected to have, and other names that count as one of them. */
export interface ExpectedSections {
	required: string[];
	optional: string[];
	/** Other headings that count as a section: `{ 'Cost Estimation': ['Costs', 'Budget'] }`. */
	aliases: Record<string, string[]>;
}

/** The sections of the technical plan template. */
export const TEMPLATE_SECTIONS: ExpectedSections = {
	required: [
		'Executive Summary',
		'Architecture Overview',
		'Technology Stack',
		'Security Architecture',
		'Performance & Scalability',
		'Reliability & Monitoring',
		'Deployment Strategy',
		'Testing Strategy',
		'Risks & Mitigations',
		'Cost Estimation',
		'Timeline & Milestones',
		'Open Questions',
		'Review & Approval',
	],
	optional: [
		'Component Design',
		'Data Architecture',
		'API Design',
		'Integration Points',
		'Migration Strategy',
		'Development Workflow',
		'Dependencies & Prerequisites',
		'Research Artifacts',
		'Appendix',
	],
	aliases: {
		'Executive Summary': ['Summary', 'Overview'],
		'Risks & Mitigations': ['Risks', 'Risk Assessment'],
		'Cost Estimation': ['Costs', 'Cost', 'Budget'],
		'Timeline & Milestones': ['Timeline', 'Milestones', 'Roadmap'],
		'Review & Approval': ['Approval', 'Approvals', 'Sign-off'],
	},
};

/** Options of the `plans()` integration. Every field is optional. */
export const PlansOptionsSchema = z.strictObject({
	/**
	 * Site title shown in the header and in every page's `<title>`.
	 * @default 'Technical Plans'
	 */
	title: z.string().min(1).default('Technical Plans'),

	/**
	 * Image shown in the header next to the title: a file in `public/` (`'/logo.svg'` for
	 * `public/logo.svg`) or an https:// URL, as `src`, or one image per theme as `light` and `dark`.
	 */
	logo: z
		.strictObject({
			/** The logo in both themes. */
			src: z.string().min(1).optional(),
			/** The logo in the light theme, given together with `dark` instead of `src`. */
			light: z.string().min(1).optional(),
			/** The logo in the dark theme, given together with `light` instead of `src`. */
			dark: z.string().min(1).optional(),
			/**
			 * Text alternative of the image. Empty when the title is shown beside it, so screen
			 * readers do not read the name twice.
			 * @default ''
			 */
			alt: z.string().default(''),
			/**
			 * Hides the title text when the logo already shows the name; screen readers still read it.
			 * @default false
			 */
			replacesTitle: z.boolean().default(false),
		})
		.refine(
			(logo) =>
				logo.src !== undefined
					? logo.light === undefined && logo.dark === undefined
					: logo.light !== undefined && logo.dark !== undefined,
			{
				message: 'give `src`, or both `light` and `dark`',
			},
		)
		.optional(),

	/**
	 * The site's icon: a file in `public/` (`.svg`, `.png`, `.ico`, `.gif` or `.jpg`) or an https://
	 * URL. While `public/favicon.svg` does not exist, the integration serves a built-in icon there.
	 * @default '/favicon.svg'
	 */
	favicon: z
		.string()
		.regex(
			new RegExp(`\\.(${Object.keys(ICON_TYPES).join('|')})$`, 'i'),
			'must be an .svg, .png, .ico, .gif or .jpg file',
		)
		.default(DEFAULT_FAVICON),

	/**
	 * Folder, relative to the project root, that holds the plans (`**\/*.{md,mdx}`;
	 * files and folders starting with `_` are ignored). Must match the `directory`
	 * given to `plansLoader()` in `src/content.config.ts`.
	 * @default 'plans'
	 */
	directory: z.string().min(1).default('plans'),

	/**
	 * What a relative link to a missing plan, or to a heading that does not exist in the
	 * target plan, does: `'error'` fails the build, `'warn'` only reports it.
	 * @default 'error'
	 */
	brokenLinks: z.enum(['error', 'warn']).default('error'),

	/**
	 * Link shown on every plan page to edit its source, e.g.
	 * `'https://github.com/acme/plans/edit/main/'`. The plan's path (such as
	 * `plans/payments/checkout-service.md`) is appended.
	 */
	editUrl: z.url().optional(),

	/**
	 * The repository the plans are in, on its host, for each plan's history link and the default
	 * `editUrl`: `{ url: 'https://github.com/acme/plans', branch: 'main' }`. Without it, both come
	 * from GitHub Actions' variables or the `origin` remote and the branch checked out. GitHub,
	 * GitLab and Bitbucket are known by their names; any other host is taken for Gitea.
	 */
	repository: z
		.strictObject({ url: z.url().optional(), branch: z.string().min(1).optional() })
		.optional(),

	/**
	 * Each plan page shows when the plan was created and last changed, by whom, and how many
	 * revisions it has, from one `git log` pass over the plans folder. Frontmatter `created`,
	 * `updated` and `authors` win over git.
	 * @default true
	 */
	history: z.boolean().default(true),

	/**
	 * Plans of the given stages that have not changed for this long need a review: `'180 days'`,
	 * `'26 weeks'`, `'6 months'`. Measured from the last change (git or frontmatter `updated`),
	 * against the build date (`SOURCE_DATE_EPOCH` when set). A plan's own `Review by` date counts
	 * whatever this says.
	 */
	staleAfter: z
		.string()
		.regex(/^\s*\d+\s*(days?|weeks?|months?)\s*$/i, 'a number of days, weeks or months: "180 days"')
		.optional(),

	/**
	 * The stages `staleAfter` applies to.
	 * @default ['accepted']
	 */
	staleStages: z
		.array(z.enum(['draft', 'review', 'accepted', 'done', 'closed']))
		.default(['accepted']),

	/**
	 * The team's own status words and the stage each stands for, beside the built-in ones (the
	 * template's, KEPs', PEPs', ADRs' and common words): `{ 'Ready for build': 'accepted' }`.
	 * Stages: `draft`, `review`, `accepted`, `done`, `closed`.
	 * @default {}
	 */
	statuses: z
		.record(z.string().min(1), z.enum(['draft', 'review', 'accepted', 'done', 'closed']))
		.default({}),

	/**
	 * Full-text search with Pagefind: the built site is indexed at the end of `astro build`
	 * (plan pages only, navigation left out) and every page gets a search box. It works
	 * offline from `dist/`, with no server.
	 * @default true
	 */
	search: z.boolean().default(true),

	/**
	 * The previous deploy: its URL (`'https://acme.github.io/plans/'`) or a folder, relative to
	 * the project root, that holds its `plans.json` and `anchors.json`. The site then has a
	 * `/changes/` page and a "Since last deploy" box on each changed plan, and every link the
	 * previous deploy published keeps landing: moved plans redirect, reworded headings and
	 * renamed rows keep their old ids, and what is gone lands on what is around it, with a warning.
	 */
	previousDeploy: z.string().min(1).optional(),

	/**
	 * @deprecated Give `previousDeploy`, which holds this file.
	 * The `anchors.json` of the previous deploy, as a path relative to the project root or an
	 * http(s) URL (e.g. `'https://acme.github.io/plans/anchors.json'`). The build then keeps
	 * its links landing, as with `previousDeploy`.
	 */
	previousAnchors: z.string().min(1).optional(),

	/**
	 * @deprecated Give `previousDeploy`, which holds this file.
	 * `plans.json` of the previous deploy (a path or an http(s) URL). The site then has a
	 * `/changes/` page, and each changed plan a "Since last deploy" box: cost, status, risks,
	 * milestones, questions, approvals and sections, against that deploy.
	 */
	previousPlans: z.string().min(1).optional(),

	/**
	 * Threads that render plans in parallel when many changed since the last build (a cold
	 * build, a new checkout). By default one per CPU core once at least 16 Markdown plans
	 * changed: each thread loads its own Shiki and plugins, which only pays off for many
	 * plans. `1` renders every plan in the build's own thread.
	 */
	renderThreads: z.number().int().min(1).max(64).optional(),

	/**
	 * Raw HTML and link URLs in Markdown plans go through GitHub's sanitising rules: scripts,
	 * styles, frames, forms, event handlers and `javascript:`/`data:` URLs are removed, each
	 * with a warning at its line. `false` publishes the HTML as written, for a repository that
	 * trusts every author; the pages' Content-Security-Policy still blocks scripts. MDX plans are
	 * code and are never sanitised.
	 * @default 'github'
	 */
	sanitize: z.union([z.literal('github'), z.literal(false)]).default('github'),

	/**
	 * The sections a plan is expected to have, for its completeness panel and the checker's
	 * warnings. By default, the technical plan template's; a list given here replaces the
	 * template's, and `aliases` add to its other names (`{ 'Cost Estimation': ['Costs'] }`).
	 * Headings match whatever their numbering, case, and `&` or `and`.
	 */
	completeness: z
		.strictObject({
			/** Sections every plan must have. */
			required: z.array(z.string().min(1)).optional(),
			/** Sections a plan may have, listed in the panel when it has them. */
			optional: z.array(z.string().min(1)).optional(),
			/** Other headings that count as a section, by section name. */
			aliases: z.record(z.string(), z.array(z.string().min(1))).optional(),
		})
		.transform(({ required, optional, aliases }): ExpectedSections => ({
			required: required ?? TEMPLATE_SECTIONS.required,
			optional: optional ?? TEMPLATE_SECTIONS.optional,
			aliases: mergeAliases(TEMPLATE_SECTIONS.aliases, aliases ?? {}),
		}))
		.default(TEMPLATE_SECTIONS),

	/** Box drawings: ASCII and Unicode art in fences, drawn as SVG. */
	drawings: z
		.strictObject({
			/**
			 * Check each drawing against its text and show the text instead when they part ways
			 * (the build says where). `false` publishes the drawing anyway, for authors who want to
			 * see the attempt.
			 * @default true
			 */
			verify: z.boolean().default(true),
		})
		.default({ verify: true }),

	/** Build-time Mermaid rendering. */
	mermaid: z
		.strictObject({
			/**
			 * Chromium or Chrome binary that renders Mermaid at build time. When absent: the
			 * `PLANS_CHROMIUM` environment variable, then the usual system paths. With no browser
			 * at all (or `false`), pages render their diagrams in the reader's browser instead.
			 */
			browser: z.union([z.string(), z.literal(false)]).optional(),
			/**
			 * What a diagram Mermaid cannot read does: `'error'` fails the build with file:line,
			 * `'show'` reports it and renders an error box in its place.
			 * @default 'error' in `astro build`, 'show' in `astro dev`
			 */
			onError: z.enum(['error', 'show']).optional(),
			/**
			 * How long one diagram may take to render at build time, in milliseconds. A diagram
			 * still rendering then is stopped and reported at its file:line, like one Mermaid
			 * cannot read (`onError`), so a huge or pathological diagram never hangs the build.
			 * @default 20000
			 */
			timeout: z.number().int().positive().optional(),
		})
		.default({}),
});

function mergeAliases(
	template: Record<string, string[]>,
	site: Record<string, string[]>,
): Record<string, string[]> {
	const merged = { ...template };
	for (const [name, names] of Object.entries(site))
		merged[name] = [...(merged[name] ?? []), ...names];
	return merged;
}

export type PlansUserOptions = z.input<typeof PlansOptionsSchema>;
export type PlansOptions = z.output<typeof PlansOptionsSchema>;

/** Validates user options, turning zod's report into an `AstroError` with a hint. */
export function parseOptions(userOptions: unknown): PlansOptions {
	const result = PlansOptionsSchema.safeParse(userOptions ?? {});
	if (result.success) return withPreviousDeploy(result.data);
	const problems = result.error.issues.map((issue) => {
		const where = issue.path.length ? `\`${issue.path.join('.')}\`` : 'options';
		return `- ${where}: ${issue.message}`;
	});
	throw new AstroError(
		`Invalid options passed to the plans() integration:\n${problems.join('\n')}`,
		'Check the options in astro.config.mjs, for example: plans({ title: "Acme plans", brokenLinks: "warn" }). ' +
			'Valid keys: ' +
			Object.keys(PlansOptionsSchema.shape).join(', ') +
			'.',
	);
}

/** The previous deploy's two files, from `previousDeploy`; a file given on its own wins. */
function withPreviousDeploy(options: PlansOptions): PlansOptions {
	const deploy = options.previousDeploy;
	if (!deploy) return options;
	const file = (name: string) =>
		/^https?:\/\//i.test(deploy)
			? new URL(name, deploy.endsWith('/') ? deploy : `${deploy}/`).href
			: posix.join(deploy, name);
	return {
		...options,
		previousPlans: options.previousPlans ?? file('plans.json'),
		previousAnchors: options.previousAnchors ?? file('anchors.json'),
	};
}

/** The deprecated options a site still sets, for the build to say so. */
export function deprecatedOptions(userOptions: PlansUserOptions | undefined): string[] {
	return (['previousAnchors', 'previousPlans'] as const).filter(
		(name) => userOptions?.[name] !== undefined,
	);
}
