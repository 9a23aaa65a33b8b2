import { textWidth } from './svg.ts';
import { ITEM_FONT, MARKER, PAD, STAGGER, WIDTH } from './timeline-geometry.ts';

/**
 * Where a lane's milestones go: markers spread apart so none hides another, then each label in the
 * nearest free place beside, under or over its marker, stepping down onto extra rows when crowded.
 * Positions are in chart units, vertically relative to the lane's track centre.
 */

/** Deepest label row a crowded lane may grow to; it takes about a dozen milestones within a few weeks to need it. */
const MAX_LABEL_ROWS = 12;
/** Least room between a label and its marker, and between neighbouring labels or leader lines. */
const LABEL_GAP = 4;

/** A horizontal extent and vertical extent in chart units, for overlap checks. */
interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

function overlaps(a: Box, b: Box, gap = 0): boolean {
	return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Positions for ascending `xs` such that neighbours are at least `gap` apart: points that are too
 * close form a cluster, spread evenly around the cluster's mean, and clusters that then touch merge.
 * Order is kept, and points that are far enough apart do not move. With `bounds`, points pushed
 * past either end are moved back inside (as long as they fit), still `gap` apart.
 */
export function spread(xs: number[], gap: number, bounds?: { min: number; max: number }): number[] {
	const clusters: Array<{ first: number; count: number; sum: number }> = [];
	const left = (cluster: { count: number; sum: number }) =>
		cluster.sum / cluster.count - ((cluster.count - 1) * gap) / 2;
	xs.forEach((x, index) => {
		clusters.push({ first: index, count: 1, sum: x });
		for (;;) {
			const last = clusters[clusters.length - 1]!;
			const previous = clusters[clusters.length - 2];
			if (!previous || left(previous) + previous.count * gap <= left(last)) break;
			clusters.pop();
			previous.count += last.count;
			previous.sum += last.sum;
		}
	});
	const out: number[] = [];
	for (const cluster of clusters)
		for (let i = 0; i < cluster.count; i++) out.push(left(cluster) + i * gap);
	if (bounds) {
		// Each pass keeps neighbours `gap` apart: a point is only moved next to one already moved.
		const last = out.length - 1;
		for (let i = last; i >= 0; i--) out[i] = Math.min(out[i]!, bounds.max - (last - i) * gap);
		for (let i = 0; i <= last; i++) out[i] = Math.max(out[i]!, bounds.min + i * gap);
	}
	return out;
}

/** Where a milestone's text label goes, if anywhere. */
export interface PlacedLabel {
	x: number;
	/** Label row: 0 is the marker's own row, 1 the row below it, -1 the row above it, 2 and on further down. */
	row: number;
	anchor: 'start' | 'end';
	text: string;
}

/** The way a cluster's labels run from their markers. */
type Side = 'right' | 'left';

/** What a new label must keep clear of, relative to the lane's track centre. */
interface Occupied {
	markers: Box[];
	labels: Box[];
	leaders: Box[];
}

/** Whether the label is tied to its marker by a vertical leader line: it is two or more rows below it. */
export function hasLeader(label: PlacedLabel): boolean {
	return label.row > 1;
}

/** The estimated box of an item label (font size {@link ITEM_FONT}), relative to the lane's track centre. */
function itemLabelBox(label: PlacedLabel): Box {
	const width = textWidth(label.text, ITEM_FONT);
	const left = label.anchor === 'start' ? label.x : label.x - width;
	const centreY = label.row * STAGGER;
	return {
		left,
		right: left + width,
		top: centreY - ITEM_FONT * 0.55,
		bottom: centreY + ITEM_FONT * 0.55,
	};
}

/**
 * Places to try for a label, nearest first: beside the marker towards `side`, under it, over it,
 * beside it on the other side; then further rows down, next to the leader line. A label that would
 * leave the plot runs the other way from the same point.
 */
function labelCandidates(x: number, label: string, side: Side, plotLeft: number): PlacedLabel[] {
	const width = textWidth(label, ITEM_FONT);
	const run = (row: number, startX: number, endX: number): PlacedLabel => {
		const rightward =
			side === 'right' ? startX + width <= WIDTH - PAD : endX - width < plotLeft - LABEL_GAP;
		return rightward
			? { x: startX, row, anchor: 'start', text: label }
			: { x: endX, row, anchor: 'end', text: label };
	};
	const after: PlacedLabel = { x: x + MARKER + LABEL_GAP, row: 0, anchor: 'start', text: label };
	const before: PlacedLabel = { x: x - MARKER - LABEL_GAP, row: 0, anchor: 'end', text: label };
	const candidates = [
		side === 'right' ? after : before,
		run(1, x - MARKER, x + MARKER),
		run(-1, x - MARKER, x + MARKER),
		side === 'right' ? before : after,
	];
	for (let row = 2; row <= MAX_LABEL_ROWS; row++)
		candidates.push(run(row, x + LABEL_GAP, x - LABEL_GAP));
	return candidates;
}

/** The label's box and leader line when it stays inside the plot and touches nothing occupied. */
function fit(
	candidate: PlacedLabel,
	markerX: number,
	occupied: Occupied,
	plotLeft: number,
): { box: Box; leader?: Box } | undefined {
	const box = itemLabelBox(candidate);
	if (box.left < plotLeft - LABEL_GAP || box.right > WIDTH - PAD) return undefined;
	const leader = hasLeader(candidate)
		? { left: markerX - 0.5, right: markerX + 0.5, top: MARKER, bottom: candidate.row * STAGGER }
		: undefined;
	if (occupied.markers.some((marker) => overlaps(box, marker))) return undefined;
	if (occupied.leaders.some((other) => overlaps(box, other, LABEL_GAP))) return undefined;
	if (
		occupied.labels.some(
			(other) =>
				overlaps(box, other, LABEL_GAP) ||
				(leader !== undefined && overlaps(leader, other, LABEL_GAP)),
		)
	)
		return undefined;
	return { box, leader };
}

/** Runs of neighbouring milestones close enough for their labels to compete for room. */
function clusters(items: Array<{ x: number; label: string }>): number[][] {
	const runs: number[][] = [];
	items.forEach((item, i) => {
		const previous = items[i - 1];
		const reach = previous
			? Math.max(textWidth(previous.label, ITEM_FONT), textWidth(item.label, ITEM_FONT)) +
				2 * (MARKER + LABEL_GAP)
			: 0;
		if (previous && item.x - previous.x < reach) runs[runs.length - 1]!.push(i);
		else runs.push([i]);
	});
	return runs;
}

/**
 * One cluster's labels, running towards `side`. The milestone furthest that way is labelled first and
 * the others step down a row each, so every leader line passes beside, not through, the labels above it.
 */
function placeCluster(
	items: Array<{ x: number; label: string }>,
	cluster: number[],
	side: Side,
	occupied: Occupied,
	plotLeft: number,
) {
	const next: Occupied = {
		markers: occupied.markers,
		labels: [...occupied.labels],
		leaders: [...occupied.leaders],
	};
	const placed = new Map<number, PlacedLabel>();
	for (const i of side === 'right' ? [...cluster].reverse() : cluster) {
		const { x, label } = items[i]!;
		for (const candidate of labelCandidates(x, label, side, plotLeft)) {
			const boxes = fit(candidate, x, next, plotLeft);
			if (!boxes) continue;
			next.labels.push(boxes.box);
			if (boxes.leader) next.leaders.push(boxes.leader);
			placed.set(i, candidate);
			break;
		}
	}
	return {
		placed,
		occupied: next,
		deepest: Math.max(0, ...[...placed.values()].map((label) => label.row)),
	};
}

/**
 * Label placement for one lane, relative to its track centre. Each cluster of close milestones is laid
 * out with its labels running right (the usual case) and running left (better near the right edge of
 * the chart); the layout that labels more milestones, then in fewer rows, is kept. A label is left out
 * only past {@link MAX_LABEL_ROWS}; the marker's <title> and the table beside the chart still name it.
 */
export function placeLabels(
	items: Array<{ x: number; label: string }>,
	plotLeft: number,
): Array<PlacedLabel | undefined> {
	let occupied: Occupied = {
		markers: items.map((item) => ({
			left: item.x - MARKER - 1,
			right: item.x + MARKER + 1,
			top: -MARKER,
			bottom: MARKER,
		})),
		labels: [],
		leaders: [],
	};
	const placed: Array<PlacedLabel | undefined> = new Array(items.length).fill(undefined);
	for (const cluster of clusters(items)) {
		const rightward = placeCluster(items, cluster, 'right', occupied, plotLeft);
		const leftward = placeCluster(items, cluster, 'left', occupied, plotLeft);
		const leftIsBetter =
			leftward.placed.size > rightward.placed.size ||
			(leftward.placed.size === rightward.placed.size && leftward.deepest < rightward.deepest);
		const chosen = leftIsBetter ? leftward : rightward;
		for (const [i, label] of chosen.placed) placed[i] = label;
		occupied = chosen.occupied;
	}
	return placed;
}
