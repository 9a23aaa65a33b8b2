import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAnchors } from '#plans/redirects/match-anchors.ts';
import type { OutlineHeading, PlanOutline } from '#plans/redirects/outline.ts';

// Headings are drawn from a small vocabulary, so renamed headings often share words with
// other headings: the case where a match by words alone would pick the wrong section.
const WORDS = [
	'data',
	'risks',
	'cost',
	'plan',
	'rollout',
	'storage',
	'policy',
	'users',
	'api',
	'load',
];
const text = fc
	.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
	.map((words) => words.join(' '));

interface Node {
	text: string;
	children: Node[];
}
const tree: fc.Arbitrary<Node[]> = fc.letrec((tie) => ({
	nodes: fc.array(tie('node') as fc.Arbitrary<Node>, { maxLength: 4 }),
	node: fc.record({
		text,
		children: fc.oneof(
			{ depthSize: 'small' },
			fc.constant([]),
			tie('nodes') as fc.Arbitrary<Node[]>,
		),
	}),
})).nodes as fc.Arbitrary<Node[]>;

/** The outline of a tree of headings, ids numbered so every heading has its own; `name` gives each id. */
function outline(nodes: Node[], name: (path: string, node: Node) => string): PlanOutline {
	const headings: OutlineHeading[] = [];
	const walk = (list: Node[], depth: number, parent: string | undefined, path: string) =>
		list.forEach((node, index) => {
			const id = name(`${path}${index}`, node);
			headings.push({ id, text: node.text, depth, parent });
			walk(node.children, depth + 1, id, `${path}${index}.`);
		});
	walk(nodes, 2, undefined, '');
	return {
		url: '/plans/p/',
		title: 'P',
		file: 'plans/p.md',
		headings,
		rowGroups: [],
		htmlAnchors: [],
	};
}

describe('headings renamed at random', () => {
	it('never send an old link to another section: it lands on its own section, one around it, or the top', () => {
		fc.assert(
			fc.property(tree, fc.infiniteStream(fc.option(text, { freq: 2 })), (nodes, renames) => {
				// Each heading keeps its text or gets another; a new text gives a new id.
				const renamed = new Map<string, string>();
				const rename = (list: Node[]): Node[] =>
					list.map((node) => {
						const next = renames.next().value;
						return {
							text: next ?? node.text,
							children: rename(node.children),
							renamedTo: next,
						} as Node;
					});
				const after = rename(nodes);
				const before = outline(nodes, (path) => `h-${path}`);
				const now = outline(after, (path, node) => {
					const to = (node as Node & { renamedTo: string | null }).renamedTo;
					const id = to ? `h-${path}-new` : `h-${path}`;
					if (to) renamed.set(`h-${path}`, id);
					return id;
				});
				const ids = (plan: PlanOutline) => plan.headings.map((heading) => heading.id);
				const landings = matchAnchors(before, ids(before), now, ids(now));
				const ancestors = (id: string): string[] => {
					const parent = before.headings.find((heading) => heading.id === id)?.parent;
					return parent ? [parent, ...ancestors(parent)] : [];
				};
				for (const [old, landing] of landings) {
					if (landing.kind === 'top') continue;
					const allowed =
						landing.kind === 'renamed'
							? [renamed.get(old)]
							: ancestors(old).map((ancestor) => renamed.get(ancestor) ?? ancestor);
					expect(allowed, `${old} → ${landing.to}`).toContain(landing.to);
				}
				// A heading renamed with a word of its old text kept, in a section that kept its
				// headings, lands exactly on itself.
				for (const [old, id] of renamed) {
					const was = before.headings.find((heading) => heading.id === old)!;
					const is = now.headings.find((heading) => heading.id === id)!;
					const shared = was.text.split(' ').some((word) => is.text.split(' ').includes(word));
					const parentKept =
						landings.get(was.parent ?? '')?.kind !== 'top' &&
						landings.get(was.parent ?? '')?.kind !== 'parent';
					if (shared && parentKept)
						expect(landings.get(old), old).toEqual({ kind: 'renamed', to: id });
				}
			}),
			{ numRuns: 300 },
		);
	});
});
