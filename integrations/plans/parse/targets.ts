import type { Root, Table } from 'mdast';
import type { AnchoredRow, RowAnchors } from './anchors.ts';
import { sectionId, visitInSections, withinSection } from './sections.ts';
import { readTable } from './table.ts';

/** A row of a Performance Targets table. */
export interface PerformanceTarget {
	metric: string;
	target: string;
	measurement?: string;
	strategy?: string;
	anchor: string;
	line: number;
	section?: string;
}

/** A row of a Data Retention table. */
export interface RetentionRule {
	dataType: string;
	period: string;
	privacy?: string;
	compliance?: string;
	anchor: string;
	line: number;
	section?: string;
}

const TARGET_COLUMNS = {
	metric: /^(metric|metrics|kpi|indicator|measure|sli|requirement|aspect)$/i,
	target: /^(target|targets|goal|objective|threshold|budget|slo|requirement|value)$/i,
	measurement: /^(measurement|measured (by|with)|how measured|tool|tooling|method)$/i,
	strategy: /^(strategy|approach|how|mitigation|notes?)$/i,
};
const PERFORMANCE_SECTION =
	/\b(performance|latency|throughput|slos?|service level|non-functional|nfrs?|scalability|capacity|targets)\b/;

const RETENTION_COLUMNS = {
	dataType: /^(data type|data|data category|category|dataset|data class|type|record|records)$/i,
	period: /^(retention( period| policy| time)?|kept for|ttl|duration|retained for)$/i,
	privacy: /^(privacy( level)?|classification|sensitivity|pii)$/i,
	compliance: /^(compliance|regulation|legal basis|basis|policy)$/i,
};

/** Performance targets: Metric | Target tables (Measurement, Strategy read when present) in a performance section. */
export function collectPerformanceTargets(
	tree: Root,
	anchors: RowAnchors,
): AnchoredRow<PerformanceTarget>[] {
	const found: AnchoredRow<PerformanceTarget>[] = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		if (!withinSection(section, PERFORMANCE_SECTION)) return;
		for (const record of readTable(node, TARGET_COLUMNS, ['metric', 'target']) ?? []) {
			const { metric, target, ...rest } = record.values;
			if (!metric || !target) continue;
			found.push({
				node: record.row,
				item: {
					metric,
					target,
					...rest,
					anchor: anchors.claim('target', metric),
					line: record.line,
					section: sectionId(section),
				},
			});
		}
	});
	return found;
}

/** Data retention rules: tables with a data column and a Retention column, wherever they are. */
export function collectRetention(tree: Root, anchors: RowAnchors): AnchoredRow<RetentionRule>[] {
	const found: AnchoredRow<RetentionRule>[] = [];
	visitInSections<Table>(tree, ['table'], (node, section) => {
		for (const record of readTable(node, RETENTION_COLUMNS, ['dataType', 'period']) ?? []) {
			const { dataType, period, ...rest } = record.values;
			if (!dataType || !period) continue;
			found.push({
				node: record.row,
				item: {
					dataType,
					period,
					...rest,
					anchor: anchors.claim('retention', dataType),
					line: record.line,
					section: sectionId(section),
				},
			});
		}
	});
	return found;
}
