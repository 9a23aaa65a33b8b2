import type { Nodes as HastNodes, Parents as HastParents } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents } from 'mdast';

/**
 * Tree walks for the plugins that run on every plan. unist-util-visit gives its visitor
 * function a new name for each node it visits (for stack traces); on plan-sized trees that
 * made walking a fifth of a render thread's time. These walk the same way (depth first,
 * parents before children) with the part of its interface the plugins use.
 */

/** Return from a visitor to leave the node's children out. */
export const SKIP = 'skip';
/** What a visitor returns: nothing (go on), SKIP, or SKIP and the index of the sibling to go on with. */
export type Action = typeof SKIP | [typeof SKIP, number] | undefined | void;

interface AnyParent {
	type: string;
	children: AnyNode[];
}
interface AnyNode {
	type: string;
	children?: AnyNode[];
}

function walk(
	parent: AnyParent,
	type: string | undefined,
	visitor: (node: AnyNode, index: number, parent: AnyParent) => Action,
): void {
	const { children } = parent;
	for (let index = 0; index < children.length; index++) {
		const node = children[index]!;
		const action =
			type === undefined || node.type === type ? visitor(node, index, parent) : undefined;
		if (Array.isArray(action)) {
			index = action[1] - 1;
			continue;
		}
		if (action !== SKIP && node.children) walk(node as AnyParent, type, visitor);
	}
}

type Walker = (node: AnyNode, index: number, parent: AnyParent) => Action;

function visitAny(tree: AnyParent, ...args: unknown[]): void {
	const [type, visitor] = args.length === 1 ? [undefined, args[0]] : args;
	walk(tree, type as string | undefined, visitor as Walker);
}

/** Visits every hast node below `tree`, or those of one type, with its index and parent. */
interface VisitHast {
	(
		tree: HastParents,
		visitor: (node: HastNodes, index: number, parent: HastParents) => Action,
	): void;
	<Type extends HastNodes['type']>(
		tree: HastParents,
		type: Type,
		visitor: (
			node: Extract<HastNodes, { type: Type }>,
			index: number,
			parent: HastParents,
		) => Action,
	): void;
}

/** Visits every mdast node below `tree`, or those of one type, with its index and parent. */
interface VisitMdast {
	(
		tree: MdastParents,
		visitor: (node: MdastNodes, index: number, parent: MdastParents) => Action,
	): void;
	<Type extends MdastNodes['type']>(
		tree: MdastParents,
		type: Type,
		visitor: (
			node: Extract<MdastNodes, { type: Type }>,
			index: number,
			parent: MdastParents,
		) => Action,
	): void;
}

export const visitHast = visitAny as VisitHast;
export const visitMdast = visitAny as VisitMdast;
