import type { DocumentField } from './field-key.ts';
import { type PlanLink, resolvePlanLink } from './links.ts';
import type { KeyedFrontmatter } from './stated-metadata.ts';

/** How a plan stands to another: its successor, what it replaces, what it needs. */
export type RelationKind =
	'supersedes' | 'superseded-by' | 'replaces' | 'replaced-by' | 'requires' | 'related';

/** The names each relation goes by, as `fieldKey` writes them. */
const RELATION_KEYS: Record<RelationKind, readonly string[]> = {
	supersedes: ['supersedes'],
	'superseded-by': ['superseded by', 'supersededby'],
	replaces: ['replaces'],
	'replaced-by': ['replaced by', 'replacedby'],
	requires: ['requires'],
	related: ['related', 'related to', 'see also'],
};

/** Every name of a relation, for the fields the page header shows. */
export const RELATION_NAMES: readonly string[] = Object.values(RELATION_KEYS).flat();

/** Each relation's counterpart, which the other plan should state. */
export const COUNTERPART: Partial<Record<RelationKind, RelationKind>> = {
	supersedes: 'superseded-by',
	'superseded-by': 'supersedes',
	replaces: 'replaced-by',
	'replaced-by': 'replaces',
};

/** A plan the plan names in a relation, or the words it names it with when they are no link. */
export interface Relation {
	kind: RelationKind;
	/** As written (`RFC 1234`, `[New plan](new.md)`'s text). */
	text: string;
	/** The other plan's path in the plans folder, when it is a link to a plan file. */
	targetPath?: string;
	line: number;
	column: number;
}

/**
 * The relations a plan states: `Supersedes`, `Superseded by`, `Replaces`, `Replaced by`,
 * `Requires` and `Related`, in its frontmatter (a path or a list of paths) or its fields
 * (`**Superseded by**: [New plan](new.md)`, a metadata table row), each link one relation.
 */
export function readRelations(
	frontmatter: KeyedFrontmatter,
	fields: ReadonlyMap<string, DocumentField>,
	links: readonly PlanLink[],
	path: string,
): Relation[] {
	const relations: Relation[] = [];
	for (const [kind, keys] of Object.entries(RELATION_KEYS) as Array<
		[RelationKind, readonly string[]]
	>) {
		for (const key of keys) {
			const value = frontmatter.values.get(key);
			if (value !== undefined) {
				const line = frontmatter.lines.get(key) ?? 1;
				for (const item of Array.isArray(value) ? value : [value])
					if (typeof item === 'string' || typeof item === 'number')
						relations.push(relationTo(kind, String(item), path, line, 1));
				break;
			}
			const field = fields.get(key);
			if (field?.value) {
				const onLine = links.filter((link) => link.line === field.line && link.targetPath);
				if (onLine.length === 0)
					relations.push({ kind, text: field.value, line: field.line, column: field.column });
				for (const link of onLine)
					relations.push({
						kind,
						text: field.value,
						targetPath: link.targetPath,
						line: link.line,
						column: link.column,
					});
				break;
			}
		}
	}
	return relations;
}

function relationTo(
	kind: RelationKind,
	written: string,
	path: string,
	line: number,
	column: number,
): Relation {
	const href = /\.mdx?(#.*)?$/i.test(written.trim()) ? written.trim() : undefined;
	const target = href ? resolvePlanLink(href, path) : undefined;
	return target?.targetPath
		? { kind, text: written, targetPath: target.targetPath, line, column }
		: { kind, text: written, line, column };
}

/** A relation's name, as a header shows it: `superseded-by` → `Superseded by`. */
export function relationLabel(kind: RelationKind): string {
	const label = kind.replace('-', ' ');
	return label[0]!.toUpperCase() + label.slice(1);
}
