import type { List, Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { boldField, phrasingText } from './field-list.ts';
import { costTablePeriod } from './cost-period.ts';
import { type Money, parseMoney } from '../money/index.ts';
import { type SectionPath, sectionId, visitInSections, withinSection } from './sections.ts';
import { cellText, headerNames } from './table.ts';

/** One step of a Scaling Projection: `6 months: ~$1,200/mo (2x traffic)`. */
export interface ScalingPoint {
	/** When or at what scale: `6 months`, `Growth`. */
	label: string;
	cost: Money;
	/** What was written beside the amount: `2x traffic`. */
	note?: string;
	anchor: string;
	line: number;
	section?: string;
}

/** A projection as written: the list or table, and its points. */
export interface ScalingProjection {
	node: List | Table;
	points: AnchoredRow<ScalingPoint>[];
}

const PROJECTION_LABEL =
	/^(scaling|cost|growth|spend)\s+(projections?|forecast)$|^projected costs?$|^scaling costs?$/i;
const PROJECTION_SECTION =
	/\b(scaling|cost|growth)\s+(projections?|forecast|costs)\b|\bprojected costs?\b/;
const AMOUNT =
	/~?\s?[$€£¥₹]\s?\d[\d,.]*\s*[kKmM]?(?:\s*[–-]\s*~?[$€£¥₹]?\s?\d[\d,.]*\s*[kKmM]?)?(?:\s*(?:\/|per\s+)\s*(?:month|mo|year|yr|annum)\b)?/u;
const TOTAL_COLUMN =
	/^(total|total cost|monthly cost|monthly total|cost|costs|estimated cost)(\s*\(.*\))?$/i;

/**
 * Scaling projections: the list after a `**Scaling Projection**:` line (the template's form),
 * and lists or tables under a Scaling Projection / Scaling Costs heading. A table's amount is
 * its last Total or Cost column. Amounts that write no period take the one the amount column's
 * header, a heading or the other points state, as a cost table's do; else they have none.
 */
export function collectScalingProjections(tree: Root, anchors: RowAnchors): ScalingProjection[] {
	const projections: ScalingProjection[] = [];
	let labelled = false;
	visitInSections<List | Table | Root['children'][number]>(
		tree,
		['paragraph', 'list', 'table'],
		(node, section, parent) => {
			if (node.type === 'paragraph') {
				const field = boldField(node);
				labelled = Boolean(field && PROJECTION_LABEL.test(field.label) && !field.value);
				return;
			}
			const inSection = withinSection(section, PROJECTION_SECTION);
			const afterLabel = labelled;
			labelled = false;
			if (!afterLabel && !inSection) return;
			const points =
				node.type === 'list' && parent?.type !== 'listItem'
					? listPoints(node, section, anchors)
					: node.type === 'table'
						? tablePoints(node, section, anchors)
						: [];
			if (points.length > 0) projections.push({ node: node as List | Table, points });
		},
	);
	return projections;
}

/** The points of a projection list: `- 6 months: ~$1,200/mo`. */
function listPoints(
	list: List,
	section: SectionPath,
	anchors: RowAnchors,
): AnchoredRow<ScalingPoint>[] {
	const read = list.children.flatMap((item) => {
		const first = item.children[0];
		const point = first?.type === 'paragraph' ? readPoint(phrasingText(first.children)) : undefined;
		return point ? [{ item, point }] : [];
	});
	const { period } = costTablePeriod(
		'',
		section,
		read.map(({ point }) => point.cost),
	);
	return read.map(({ item, point }) => ({
		node: item,
		item: {
			...point,
			cost: parseMoney(point.cost.text, period),
			anchor: anchors.claim('scaling', point.label),
			line: item.position?.start.line ?? 1,
			section: sectionId(section),
		},
	}));
}

/** The points of a projection table: its rows' last Total or Cost column. */
function tablePoints(
	table: Table,
	section: SectionPath,
	anchors: RowAnchors,
): AnchoredRow<ScalingPoint>[] {
	const names = headerNames(table);
	const column = names.findLastIndex((name) => TOTAL_COLUMN.test(name));
	if (column <= 0) return [];
	const rows = table.children.slice(1).map((row) => ({
		row,
		label: cellText(row.children[0]).replace(/\n/g, ' '),
		cell: cellText(row.children[column]),
	}));
	const { period } = costTablePeriod(
		names[column]!,
		section,
		rows.map(({ cell }) => parseMoney(cell)),
	);
	return rows.flatMap(({ row, label, cell }) => {
		const cost = parseMoney(cell, period);
		if (!label || cost.kind !== 'amount') return [];
		return [
			{
				node: row,
				item: {
					label,
					cost,
					anchor: anchors.claim('scaling', label),
					line: row.position?.start.line ?? 1,
					section: sectionId(section),
				},
			},
		];
	});
}

/** `6 months: ~$1,200/mo (2x traffic)` → label, amount and note. */
export function readPoint(
	text: string,
): Omit<ScalingPoint, 'anchor' | 'line' | 'section'> | undefined {
	const match = /^(.+?)\s*[:—–]\s*(.+)$/.exec(text);
	if (!match) return undefined;
	const [, label, rest] = match;
	const amount = AMOUNT.exec(rest!);
	if (!amount) return undefined;
	const cost = parseMoney(amount[0].trim());
	if (cost.kind !== 'amount') return undefined;
	const note = rest!
		.replace(amount[0], '')
		.replace(/^[\s,;—–-]+|[\s,;]+$/g, '')
		.replace(/^\((.*)\)$/, '$1')
		.trim();
	return { label: label!.replace(/\*\*/g, '').trim(), cost, note: note || undefined };
}
