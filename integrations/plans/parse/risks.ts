import type { Root, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RowAnchors } from './anchors.ts';
import { sectionId, visitInSections } from './sections.ts';

/** Likelihood and impact levels, in increasing order. */
export const LEVELS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Level = (typeof LEVELS)[number];

export type Severity = 'low' | 'medium' | 'high' | 'critical';

/**
 * Colour band of a likelihood × impact cell, from the sum of the two levels' ranks (Low = 0 …
 * Critical = 3). A cell keeps its band whether the grid is 3×3 or 4×4, so the plan page and the
 * cross-plan matrix agree.
 */
export function severityBand(likelihood: Level, impact: Level): Severity {
	const score = LEVELS.indexOf(likelihood) + LEVELS.indexOf(impact);
	if (score <= 1) return 'low';
	if (score === 2) return 'medium';
	if (score <= 4) return 'high';
	return 'critical';
}

/** A row of a risk table. */
export interface Risk {
	risk: string;
	likelihood?: Level;
	impact?: Level;
	mitigation?: string;
	owner?: string;
	/** Row id on the plan page: `risk-` and the risk's slug, numbered when repeated. */
	anchor: string;
	line: number;
	/** Id of the heading the table sits under. */
	section?: string;
}

/** Which column holds what, by header name (any order, any case, extra columns ignored). */
export interface RiskColumns {
	risk: number;
	likelihood: number;
	impact: number;
	mitigation: number;
	owner: number;
}

const HEADERS: Record<keyof RiskColumns, RegExp> = {
	risk: /^(risk|risks|threat)$/i,
	likelihood: /^(likelihood|probability|prob\.?)$/i,
	impact: /^(impact|severity)$/i,
	mitigation: /^(mitigation|mitigations|mitigation strategy|response)$/i,
	owner: /^(owner|owners|responsible)$/i,
};

const cellText = (row: TableRow, index: number) =>
	index < 0
		? ''
		: toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false })
				.replace(/[*_[\]]/g, '')
				.trim();

/** The columns of a risk table, or `undefined` when the table has no Risk, Likelihood and Impact columns. */
function riskColumns(table: Table): RiskColumns | undefined {
	const header = table.children[0];
	if (!header) return undefined;
	const names = header.children.map((_cell, index) => cellText(header, index));
	const find = (key: keyof RiskColumns) => names.findIndex((name) => HEADERS[key].test(name));
	const columns: RiskColumns = {
		risk: find('risk'),
		likelihood: find('likelihood'),
		impact: find('impact'),
		mitigation: find('mitigation'),
		owner: find('owner'),
	};
	return columns.risk === -1 || columns.likelihood === -1 || columns.impact === -1
		? undefined
		: columns;
}

/** Reads `Low`, `med`, `H`, `Very high`, `Critical` (a level word anywhere in the cell). */
export function parseLevel(text: string): Level | undefined {
	const cleaned = text.toLowerCase();
	if (/\bcritical\b|\bvery\s+high\b|\bsevere\b/.test(cleaned)) return 'Critical';
	if (/\bhigh\b|^h$/.test(cleaned)) return 'High';
	if (/\bmedium\b|\bmed\b|\bmoderate\b|^m$/.test(cleaned)) return 'Medium';
	if (/\blow\b|\bminor\b|^l$/.test(cleaned)) return 'Low';
	return undefined;
}

/** Every risk-table row of a plan, with the table node and columns it came from. */
export function collectRiskTables(
	tree: Root,
	anchors: RowAnchors,
): Array<{ node: Table; columns: RiskColumns; risks: Risk[] }> {
	const tables: Array<{ node: Table; columns: RiskColumns; risks: Risk[] }> = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		const columns = riskColumns(node);
		if (!columns) return;
		const risks = node.children.slice(1).map((row) => ({
			risk: cellText(row, columns.risk),
			likelihood: parseLevel(cellText(row, columns.likelihood)),
			impact: parseLevel(cellText(row, columns.impact)),
			mitigation: cellText(row, columns.mitigation) || undefined,
			owner: cellText(row, columns.owner) || undefined,
			anchor: anchors.claim('risk', cellText(row, columns.risk)),
			line: row.position?.start.line ?? 1,
			section: sectionId(section),
		}));
		tables.push({ node, columns, risks });
	});
	return tables;
}
