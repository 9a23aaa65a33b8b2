import type { List, Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { boldDashed, boldField } from './field-list.ts';
import {
	type SectionPath,
	sectionId,
	sectionName,
	visitInSections,
	withinSection,
} from './sections.ts';
import { cleanValue, isEmptyRecord, readTable } from './table.ts';

export const LAYERS = [
	'frontend',
	'backend',
	'database',
	'infrastructure',
	'third-party',
	'other',
] as const;
export type Layer = (typeof LAYERS)[number];

/** A technology a plan's stack names: a row of a stack table or a `- **Role**: Technology` line. */
export interface Technology {
	/** As written, without its version: `PostgreSQL`. */
	name: string;
	/** Normalised for comparison across plans: `postgresql` for PostgreSQL, Postgres and postgres. */
	key: string;
	/** As written: `16.x`, `v16`, `3.11+`. */
	version?: string;
	/** Major version for drift checks: `16`; for 0.x versions the minor counts too (`0.109`). */
	major?: string;
	/** What it is used as: `Primary DB`, `Framework`. */
	component?: string;
	layer: Layer;
	/** Why it was chosen, or what a third-party service is for. */
	rationale?: string;
	/** Third-party services: how they charge (`Per email`, `Transaction %`). */
	costModel?: string;
	anchor: string;
	line: number;
	/** Id of the heading the row sits under. */
	section?: string;
}

const STACK_SECTION =
	/\b(tech(nology)?\s+stack|technolog(y|ies)|stack|tooling|third[- ]party|external services|vendors)\b/;
const THIRD_PARTY_SECTION = /\b(third[- ]party|external services|vendors|saas|services used)\b/;

const TECH_COLUMNS = {
	technology:
		/^(technology|technologies|tech|tool|tools|library|libraries|framework|choice|selected technology|solution|product)$/i,
	component: /^(component|role|purpose|category|area|concern|layer|use|used for|capability)$/i,
	version: /^(version|versions|ver\.?|release)$/i,
	rationale: /^(rationale|reason|why|justification|notes?|purpose|description)$/i,
	layer: /^(layer|tier)$/i,
};

const SERVICE_COLUMNS = {
	service: /^(service|services|provider|vendor|tool|product)$/i,
	purpose: /^(purpose|use|used for|role|function|description)$/i,
	costModel: /^(cost model|pricing|pricing model|cost|price|plan)$/i,
};

/**
 * Technologies of a plan: stack tables (a Technology column; Component, Version and Rationale
 * read when present, in any order), Third-Party Services tables (Service | Purpose | Cost
 * Model) and `- **Role**: Technology` lines under a Technology Stack heading. The layer comes
 * from a Layer column or the section (Frontend, Backend, Database, Infrastructure).
 */
export function collectTechnologies(tree: Root, anchors: RowAnchors): AnchoredRow<Technology>[] {
	const found: AnchoredRow<Technology>[] = [];
	visitInSections<Table | List>(tree, ['table', 'list'], (node, section) => {
		if (node.type === 'table') {
			const thirdParty = withinSection(section, THIRD_PARTY_SECTION);
			const services = thirdParty ? readTable(node, SERVICE_COLUMNS, ['service']) : undefined;
			if (services) {
				for (const record of services) {
					if (isEmptyRecord(record) || !record.values.service) continue;
					const { name, version } = splitVersion(record.values.service);
					found.push({
						node: record.row,
						item: technology(
							{
								name,
								version,
								layer: 'third-party',
								rationale: record.values.purpose,
								costModel: record.values.costModel,
							},
							record.line,
							section,
							anchors,
						),
					});
				}
				return;
			}
			const rows = readTable(node, TECH_COLUMNS, ['technology']);
			if (!rows) return;
			for (const record of rows) {
				const written = record.values.technology;
				if (!written) continue;
				const split = record.values.version
					? { name: written, version: record.values.version }
					: splitVersion(written);
				const layer =
					layerOf(record.values.layer) ??
					layerOf(record.values.component) ??
					layerFromContext(section, record.values.component);
				found.push({
					node: record.row,
					item: technology(
						{
							...split,
							component: record.values.component,
							rationale: record.values.rationale,
							layer,
						},
						record.line,
						section,
						anchors,
					),
				});
			}
			return;
		}
		// `- **Language**: Rust (core pipeline)` lines, only where a stack is being described.
		if (!withinSection(section, STACK_SECTION)) return;
		for (const item of node.children) {
			const first = item.children[0];
			if (first?.type !== 'paragraph') continue;
			const line = item.position?.start.line ?? 1;
			// `**Role**: Technology (why)` names a role first; `**Technology** — why` the technology.
			const byRole = boldField(first);
			const byName = byRole ? undefined : boldDashed(first);
			const written = byRole
				? cleanValue(byRole.value)
						.replace(/\s*\([^)]*\)/g, '')
						.replace(/\s+[—–-]\s+.*$/, '')
						.trim()
				: byName?.label;
			if (!written || written.length > 60) continue;
			const { name, version } = splitVersion(written);
			const layer = layerOf(byRole?.label) ?? layerFromContext(section, byRole?.label);
			found.push({
				node: item,
				item: technology(
					{ name, version, component: byRole?.label, rationale: byName?.value, layer },
					line,
					section,
					anchors,
				),
			});
		}
	});
	return found;
}

function technology(
	fields: Pick<Technology, 'name' | 'version' | 'component' | 'rationale' | 'costModel' | 'layer'>,
	line: number,
	section: SectionPath,
	anchors: RowAnchors,
): Technology {
	const name = fields.name.replace(/\s+/g, ' ').trim();
	// A version starts with a number (`16.x`, `v16`, `^5.0`, `>= 3.11`): anything else in that
	// column is a note (`latest`, `managed`, `m=64 MiB`) or a stray cell.
	const version =
		fields.version && /^[v^~>=<\s]*\d/i.test(fields.version)
			? cleanValue(fields.version) || undefined
			: undefined;
	return {
		...fields,
		name,
		key: technologyKey(name),
		version,
		major: version ? majorVersion(version) : undefined,
		anchor: anchors.claim('tech', name),
		line,
		section: sectionId(section),
	};
}

/** `PostgreSQL 16`, `React 18+`, `Node.js v22` → name and version; otherwise the name alone. */
export function splitVersion(written: string): { name: string; version?: string } {
	const match = /^(.*?\S)\s+(v?\d+(?:\.(?:\d+|x))*\+?(?:\s*LTS)?)$/i.exec(written.trim());
	return match ? { name: match[1]!, version: match[2]! } : { name: written.trim() };
}

/** `16.x`, `16`, `v16`, `16.2.1` → `16`; `0.109+` → `0.109` (in 0.x the minor is the breaking part). */
export function majorVersion(version: string): string | undefined {
	const match = /(\d+)(?:\.(\d+))?/.exec(version);
	if (!match) return undefined;
	return match[1] === '0' && match[2] !== undefined ? `0.${match[2]}` : String(Number(match[1]));
}

/** Names that mean the same technology. Keys are normalised spellings (see `technologyKey`). */
const ALIASES: Record<string, string> = {
	postgres: 'postgresql',
	pg: 'postgresql',
	psql: 'postgresql',
	'amazon rds postgresql': 'rds postgresql',
	'aws rds postgresql': 'rds postgresql',
	k8s: 'kubernetes',
	node: 'node.js',
	nodejs: 'node.js',
	'react.js': 'react',
	reactjs: 'react',
	'vue.js': 'vue',
	vuejs: 'vue',
	'next.js': 'nextjs',
	golang: 'go',
	'elastic search': 'elasticsearch',
	'apache kafka': 'kafka',
	'amazon s3': 's3',
	'aws s3': 's3',
	'amazon web services': 'aws',
	'google cloud': 'gcp',
	'google cloud platform': 'gcp',
	'microsoft azure': 'azure',
	ts: 'typescript',
	js: 'javascript',
	mongo: 'mongodb',
	'github actions': 'github actions',
	redis: 'redis',
};

/**
 * Comparison key of a technology name: case, punctuation, `®`/`™`, qualifiers in parentheses
 * or after a comma (`PostgreSQL (Amazon RDS)`, `Amazon EKS 1.31, dedicated node group`), a
 * trailing version and common aliases are ignored.
 */
export function technologyKey(name: string): string {
	const key = name
		.toLowerCase()
		.replace(/[®™©`*_]/g, '')
		.replace(/\s*\([^)]*\)/g, '')
		.replace(/,.*$/, '')
		.replace(/\s+/g, ' ')
		.trim();
	const bare = splitVersion(key).name;
	return ALIASES[bare] ?? bare;
}

const LAYER_WORDS: Array<[Layer, RegExp]> = [
	['third-party', /\b(third[- ]party|external services|vendors?|saas)\b/],
	['frontend', /\b(front[- ]?end|client|ui|web app|mobile|browser)\b/],
	[
		'database',
		/\b(database|databases|data store|datastore|storage|persistence|data layer|db|cache|caching)\b/,
	],
	[
		'infrastructure',
		/\b(infrastructure|infra|platform|devops|deployment|hosting|cloud|ops|observability|monitoring|ci\/cd)\b/,
	],
	['backend', /\b(back[- ]?end|server|api|services?|queue|messaging|broker|language|runtime)\b/],
];

/** A cell that names a layer outright (`Frontend`, `Data`); a component like "API Gateway" does not. */
const LAYER_NAMES: Record<string, Layer> = {
	frontend: 'frontend',
	backend: 'backend',
	database: 'database',
	data: 'database',
	infrastructure: 'infrastructure',
	infra: 'infrastructure',
	thirdparty: 'third-party',
};

function layerOf(text: string | undefined): Layer | undefined {
	return text ? LAYER_NAMES[text.toLowerCase().replace(/[\s-]+/g, '')] : undefined;
}

/** The layer a section (`### Backend`) or, failing that, a component (`Primary DB`) names. */
function layerFromContext(section: SectionPath, component: string | undefined): Layer {
	// The `#` title names the plan, not a layer ("API Gateway plan" is not all backend).
	const names = section
		.filter((heading) => heading.depth > 1)
		.reverse()
		.map(sectionName);
	for (const name of [...names, component?.toLowerCase() ?? '']) {
		const layer = LAYER_WORDS.find(([, pattern]) => pattern.test(name))?.[0];
		if (layer) return layer;
	}
	return 'other';
}
