import type { Definition, Link, Root } from 'mdast';
import { posix } from 'node:path';
import { sectionId, visitInSections } from './sections.ts';

/** A link from a plan to a plan (or to a heading of its own page). */
export interface PlanLink {
	/** The link as written. */
	href: string;
	/** Target plan file, relative to the plans folder (`payments/checkout.md`); absent for `#anchor` links. */
	targetPath?: string;
	/** Heading id after `#`, decoded. */
	anchor?: string;
	line: number;
	column: number;
	/** Id of the heading the link sits under, for "referenced by" lists. */
	section?: string;
}

const PLAN_FILE = /\.(md|mdx)$/i;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Classifies a link written in the plan at `planPath` (relative to the plans folder).
 * Returns `undefined` for links that are not about plans: external URLs, site-absolute
 * paths, and relative links to anything other than a `.md`/`.mdx` file.
 */
export function resolvePlanLink(
	href: string,
	planPath: string,
): Omit<PlanLink, 'line' | 'column' | 'section'> | undefined {
	if (!href || HAS_SCHEME.test(href) || href.startsWith('//') || href.startsWith('/'))
		return undefined;
	const hashIndex = href.indexOf('#');
	const pathPart = hashIndex === -1 ? href : href.slice(0, hashIndex);
	const rawAnchor = hashIndex === -1 ? undefined : href.slice(hashIndex + 1);
	const anchor = rawAnchor === undefined || rawAnchor === '' ? undefined : safeDecode(rawAnchor);
	const cleanPath = safeDecode(pathPart.replace(/\?.*$/, ''));
	if (cleanPath === '') return anchor === undefined ? undefined : { href, anchor };
	if (!PLAN_FILE.test(cleanPath)) return undefined;
	const targetPath = posix.normalize(posix.join(posix.dirname(planPath), cleanPath));
	return { href, targetPath, anchor };
}

/** Every link (inline, reference definition) in the plan that points at a plan or an anchor. */
export function collectPlanLinks(tree: Root, planPath: string): PlanLink[] {
	const links: PlanLink[] = [];
	visitInSections<Link | Definition>(tree, ['link', 'definition'], (node, section) => {
		const resolved = resolvePlanLink(node.url, planPath);
		if (!resolved) return;
		links.push({
			...resolved,
			line: node.position?.start.line ?? 1,
			column: node.position?.start.column ?? 1,
			section: sectionId(section),
		});
	});
	return links;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
