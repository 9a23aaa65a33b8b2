import type { List, ListItem, Root, Table, TableRow } from 'mdast';
import { type AnchoredRow, RowAnchors } from './anchors.ts';
import { type Approval, collectApprovals } from './approvals.ts';
import { type CostTable, collectCostTables } from './costs.ts';
import { collectDependencies, type Dependency } from './dependencies.ts';
import { collectGlossary, type GlossaryEntry } from './glossary.ts';
import { collectHeadings } from './headings.ts';
import { collectMilestones, type Milestone } from './milestones.ts';
import { collectQuestions, type Question } from './questions.ts';
import { collectRiskTables, type Risk, type RiskColumns } from './risks.ts';
import { collectScalingProjections, type ScalingPoint } from './scaling.ts';
import {
	collectPerformanceTargets,
	collectRetention,
	type PerformanceTarget,
	type RetentionRule,
} from './targets.ts';
import { collectTechnologies, type Technology } from './technologies.ts';

/** What a plan's tables and lists say, typed: the data indexes and plans.json are built from. */
export interface PlanFacts {
	costs: CostTable[];
	scaling: ScalingPoint[];
	risks: Risk[];
	technologies: Technology[];
	milestones: Milestone[];
	dependencies: Dependency[];
	questions: Question[];
	glossary: GlossaryEntry[];
	approvals: Approval[];
	performanceTargets: PerformanceTarget[];
	retention: RetentionRule[];
}

/** Where the facts sit in the tree, for the plugins that decorate the page. */
export interface FactNodes {
	costTables: Array<{ node: Table; table: CostTable }>;
	riskTables: Array<{ node: Table; columns: RiskColumns; risks: Risk[] }>;
	scaling: Array<{ node: List | Table; points: ScalingPoint[] }>;
	/** Every row that gets an id, with the id (once, though a row can be two facts). */
	rows: Array<{ node: TableRow | ListItem; anchor: string }>;
}

export interface ExtractedFacts {
	facts: PlanFacts;
	nodes: FactNodes;
}

/** Facts by tree: the renderer reuses what the loader read from the same tree. */
const factsByTree = new WeakMap<Root, ExtractedFacts>();

/**
 * Reads every fact of a plan from its Markdown tree. The loader (for the data) and the
 * renderer (to put ids and charts on the page) both call this on the same source, and the
 * row ids are handed out in one fixed order, so the page has exactly the ids the data names.
 */
export function extractPlanFacts(tree: Root): ExtractedFacts {
	const known = factsByTree.get(tree);
	if (known) return known;
	const result = extractFrom(tree);
	factsByTree.set(tree, result);
	return result;
}

function extractFrom(tree: Root): ExtractedFacts {
	const anchors = new RowAnchors(collectHeadings(tree).map((heading) => heading.id));
	const rows: ClaimedRow[] = [];
	const anchored = <T extends { anchor: string }>(found: AnchoredRow<T>[]): T[] => {
		for (const { node, item } of found) if (node) rows.push({ node, item });
		return found.map(({ item }) => item);
	};

	const costTables = collectCostTables(tree, anchors);
	for (const { node, table } of costTables) {
		const bodyRows = node.children.slice(1);
		for (const item of table.items) {
			const row = bodyRows.find((candidate) => candidate.position?.start.line === item.line);
			if (row) rows.push({ node: row, item });
		}
	}
	const riskTables = collectRiskTables(tree, anchors);
	for (const { node, risks } of riskTables) {
		node.children.slice(1).forEach((row, index) => rows.push({ node: row, item: risks[index]! }));
	}
	const projections = collectScalingProjections(tree, anchors);

	const facts: PlanFacts = {
		costs: costTables.map(({ table }) => table),
		scaling: anchored(projections.flatMap(({ points }) => points)),
		risks: riskTables.flatMap(({ risks }) => risks),
		technologies: anchored(collectTechnologies(tree, anchors)),
		milestones: anchored(collectMilestones(tree, anchors)),
		dependencies: anchored(collectDependencies(tree, anchors)),
		questions: anchored(collectQuestions(tree, anchors)),
		glossary: anchored(collectGlossary(tree, anchors)),
		approvals: anchored(collectApprovals(tree, anchors)),
		performanceTargets: anchored(collectPerformanceTargets(tree, anchors)),
		retention: anchored(collectRetention(tree, anchors)),
	};
	const scaling = projections.map(({ node, points }) => ({
		node,
		points: points.map(({ item }) => item),
	}));
	return { facts, nodes: { costTables, riskTables, scaling, rows: oneIdPerRow(rows) } };
}

/** A row an extractor claimed, with the item whose `anchor` names it. */
interface ClaimedRow {
	node: TableRow | ListItem;
	item: { anchor: string };
}

/**
 * A row can be two facts at once: a dated Phase table with a Cost column is a milestone table
 * and a cost table. The page gives the row one id, so every fact of the row names that id —
 * the last one handed out, which is the id such rows have always had on the page.
 */
function oneIdPerRow(claimed: ClaimedRow[]): FactNodes['rows'] {
	const idOf = new Map(claimed.map(({ node, item }) => [node, item.anchor]));
	for (const { node, item } of claimed) item.anchor = idOf.get(node)!;
	return [...idOf].map(([node, anchor]) => ({ node, anchor }));
}
