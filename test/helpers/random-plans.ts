import fc from 'fast-check';
import { costTable, type CostTableCase } from './random-costs.ts';

/**
 * Random plans assembled from the fragments real plans are made of, written the way hostile
 * or careless editors write them: tables with odd money cells, nested and unclosed fences,
 * box-drawing garbage, duplicate and empty headings, links to anchors that may not exist,
 * right-to-left text and combining marks, then CRLF or CR line endings, a BOM and tabs.
 */

/** Titles repeat on purpose: duplicate headings get `-1`, `-2` ids, and sections drive extraction. */
const TITLES = [
	'Overview',
	'Overview',
	'Executive Summary',
	'Cost Estimate',
	'Risks',
	'Technology Stack',
	'Milestones',
	'Dependencies',
	'Open Questions',
	'Glossary',
	'Approvals',
	'Scaling Projections',
	'Performance Targets',
	'Data Retention',
	'3.1 Backend',
	'',
];

/** Anchors links point at: some exist in most plans, some never do. */
const ANCHORS = [
	'overview',
	'overview-1',
	'overview-2',
	'cost-estimate',
	'risks',
	'cost-api',
	'risk-outage',
	'nowhere',
	'',
	'%E2%82%AC',
	'%ZZ',
	'Overview',
];
const OTHER_PLANS = [
	'a.md',
	'b.md',
	'plan-1.md',
	'missing.md',
	'sub/dir/c.md',
	'../up.md',
	'./a.mdx',
	'a.md?x=1',
];

/** Characters that break naive code: right-to-left scripts, bidi controls, combining marks, emoji sequences, odd spaces. */
const HOSTILE = [
	...'abc XYZ 0123456789 ',
	...'שלום עולם',
	...'مرحبا',
	'\u200e',
	'\u200f',
	'\u202e',
	'\u2067',
	'\u2069',
	'\u0301',
	'\u0308',
	'\u0327',
	'\u20dd',
	'\u0489',
	'👩‍👩‍👧',
	'🏳️‍🌈',
	'🇫🇷',
	'𝕏',
	'\u200b',
	'\u200d',
	'\ufe0f',
	'\u00a0',
	'\u3000',
	'\t',
	'\u2028',
	'\u0000',
	'\ufffd',
	...'*_`[]()#<>&\\|~!{}:-+=.$€£¥₹%',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** A short run of hostile characters, or any Unicode at all. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.array(pick(HOSTILE), { maxLength: 24 }).map((chars) => chars.join('')),
	},
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);

const anchor = fc.oneof(
	pick(ANCHORS),
	hostileText.map((text) => text.replace(/[\s()]/g, '-')),
);

const link = fc
	.record({
		text: hostileText,
		plan: fc.option(pick(OTHER_PLANS)),
		anchor: fc.option(anchor),
		bracketed: fc.boolean(),
	})
	.map(({ text, plan, anchor, bracketed }) => {
		const target = `${plan ?? ''}${anchor === null ? '' : `#${anchor}`}`;
		return `[${text}](${bracketed ? `<${target}>` : target.replace(/\s/g, '')})`;
	});

const inline = fc.oneof(
	{ weight: 4, arbitrary: hostileText },
	{ weight: 2, arbitrary: link },
	{
		weight: 1,
		arbitrary: fc
			.tuple(hostileText, anchor)
			.map(([text, target]) => `[${text}][r]\n\n[r]: #${target}`),
	},
	{
		weight: 1,
		arbitrary: pick([
			'![diagram](images/missing.png)',
			'![](../x.svg)',
			'<img src="missing.png" alt="x">',
			'[^1]',
			'[^1]: A note.',
			'`code`',
			'**bold**',
			'~~gone~~',
			'https://example.com',
		]),
	},
);

const heading = fc
	.record({
		depth: fc.integer({ min: 1, max: 6 }),
		title: fc.oneof(pick(TITLES), hostileText),
		style: pick(['atx', 'atx', 'closed', 'setext']),
	})
	.map(({ depth, title, style }) => {
		if (style === 'setext') return `${title}\n${depth === 1 ? '===' : '---'}`;
		return `${'#'.repeat(depth)} ${title}${style === 'closed' ? ` ${'#'.repeat(depth)}` : ''}`;
	});

const paragraph = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

const fieldLine = fc
	.record({
		name: pick(['Status', 'Version', 'Date', 'Owner', 'Author', 'Based on spec', 'Last updated']),
		value: fc.oneof(
			pick([
				'Approved',
				'In Review',
				'Draft',
				'Superseded',
				'1.0',
				'2024-02-30',
				'13/13/2024',
				'[Link](spec.md)',
				'',
			]),
			hostileText,
		),
	})
	.map(({ name, value }) => `**${name}:** ${value}`);

/** Table cells with pipes escaped, so the row keeps its columns (mostly). */
const cell = hostileText.map((text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' '));

/** Tables with the header names the extractors look for, and cells of any kind. */
const factTable = fc
	.record({
		headers: fc.shuffledSubarray(
			[
				'Risk',
				'Likelihood',
				'Impact',
				'Mitigation',
				'Owner',
				'Technology',
				'Version',
				'Milestone',
				'Target Date',
				'Status',
				'Term',
				'Definition',
				'Question',
				'Stakeholder',
				'Cost',
				'Metric',
				'Target',
				'Dependency',
				'Users',
				'Total',
			],
			{ minLength: 1, maxLength: 5 },
		),
		rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }),
		delimiter: pick(['---', ':--', '--:', ':-:', '-', '']),
	})
	.map(({ headers, rows, delimiter }) =>
		[
			`| ${headers.join(' | ')} |`,
			`|${headers.map(() => delimiter).join('|')}|`,
			...rows.map((row) => `| ${row.join(' | ')} |`),
		].join('\n'),
	);

const BOX = [...'┌┐└┘─│├┤┬┴┼═║╔╗╚╝╠╣╦╩╬▶◀▲▼►◄→←↑↓+-|<>v^/\\_. '];

/** Lines of box-drawing characters, ASCII art and noise. */
export const boxGarbage = fc
	.array(
		fc.array(
			fc.oneof({ weight: 5, arbitrary: pick(BOX) }, { weight: 1, arbitrary: pick(HOSTILE) }),
			{ maxLength: 60 },
		),
		{ minLength: 1, maxLength: 14 },
	)
	.map((rows) => rows.map((row) => row.join('')).join('\n'));

const mermaidish = fc
	.array(
		fc.oneof(
			pick([
				'graph TD',
				'flowchart LR',
				'sequenceDiagram',
				'A-->B',
				'B --> C{Ok?}',
				'A->>B: hi',
				'classDiagram',
				'end',
				'subgraph S',
				'%%{init: {"theme": "dark"}}%%',
			]),
			hostileText,
		),
		{
			minLength: 1,
			maxLength: 8,
		},
	)
	.map((lines) => lines.join('\n'));

/** A fenced block: any fence length and character, maybe indented, maybe nested or never closed. */
const fence = fc
	.record({
		char: pick(['`', '~']),
		length: fc.integer({ min: 3, max: 6 }),
		indent: fc.integer({ min: 0, max: 3 }),
		lang: pick([
			'',
			'mermaid',
			'text',
			'ascii',
			'diagram',
			'ts',
			'js {1,3}',
			'no-such-lang',
			'text no-diagram',
			'mermaid extra',
		]),
		body: fc.oneof(
			boxGarbage,
			mermaidish,
			hostileText,
			fc.constant('```\ninner\n```'),
			fc.constant('~~~~\n````\n'),
		),
		closing: pick(['same', 'same', 'longer', 'shorter', 'none']),
	})
	.map(({ char, length, indent, lang, body, closing }) => {
		const pad = ' '.repeat(indent);
		const open = `${pad}${char.repeat(length)}${lang}`;
		const close =
			closing === 'none'
				? ''
				: `\n${pad}${char.repeat(closing === 'longer' ? length + 1 : closing === 'shorter' ? length - 1 : length)}`;
		return `${open}\n${body}${close}`;
	});

const list = fc
	.array(
		fc.record({
			indent: fc.integer({ min: 0, max: 12 }),
			marker: pick(['-', '*', '+', '1.', '2)', '- [ ]', '- [x]', '-']),
			text: fc.oneof(
				hostileText,
				link,
				fc
					.tuple(hostileText, hostileText)
					.map(([term, definition]) => `**${term}**: ${definition}`),
			),
		}),
		{ minLength: 1, maxLength: 10 },
	)
	.map((items) =>
		items.map(({ indent, marker, text }) => `${' '.repeat(indent)}${marker} ${text}`).join('\n'),
	);

const quote = fc
	.array(fc.tuple(fc.integer({ min: 1, max: 4 }), hostileText), { minLength: 1, maxLength: 5 })
	.map((lines) => lines.map(([depth, text]) => `${'>'.repeat(depth)} ${text}`).join('\n'));

const html = pick([
	'<details><summary>More</summary>',
	'</details>',
	'<div align="center">',
	'</div>',
	'<!-- a comment that never ends',
	'<table><tr><td rowspan="2">$5</td><td>x</td></tr></table>',
	'<script>alert(1)</script>',
	'<br>',
	'<a name="overview"></a>',
	'<img src="images/missing.png">\n<img src="other.png" alt="two">',
	'<p>\n\n<img\n  src="late.png">\n</p>',
]);

/**
 * Content nested deeper than any real plan: quotes, lists, emphasis or raw HTML, up to thousands
 * of levels. Lists and emphasis stay shallower: their text grows with the square of the depth,
 * and emphasis parses in quadratic time in MDX.
 */
const deepNesting = fc
	.record({
		kind: pick(['quote', 'list', 'emphasis', 'html']),
		depth: fc.integer({ min: 1, max: 12_000 }),
	})
	.map(({ kind, depth }) => {
		if (kind === 'quote') return `${'>'.repeat(depth)} deep`;
		if (kind === 'list')
			return Array.from(
				{ length: depth % 300 },
				(_, level) => `${'  '.repeat(level)}- level ${level}`,
			).join('\n');
		if (kind === 'emphasis') return `${'*'.repeat(depth % 3_000)}deep${'*'.repeat(depth % 3_000)}`;
		return `${'<div>'.repeat(depth)}\n\ndeep`;
	});

/** YAML frontmatter that parses, with odd values, and frontmatter that does not. */
const validFrontmatter = fc.oneof(
	fc
		.record({
			title: hostileText,
			status: pick(['Approved', 'Weird', '']),
			date: pick(['2024-01-02', '2024-13-45', 'yesterday']),
		})
		.map(
			({ title, status, date }) =>
				`---\ntitle: ${JSON.stringify(title)}\nstatus: ${status}\ndate: ${date}\ntags: [a, b]\n---`,
		),
	pick(['---\n---', '---\nversion: 1.0\nowner:\n  - nested\n---']),
);
const brokenFrontmatter = pick([
	'---\ntitle: [unclosed\n---',
	'---\n: : :\n\tbad: tab\n---',
	'---\ntitle: x',
]);

const MDX_ONLY = pick([
	'{1 + }',
	'import X from "./x.js"',
	'<Component prop={a} />',
	'export const a = {',
	'<',
	'{/* comment */}',
]);

/** One block of a plan, from the fragments above. */
export const planBlock: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: heading },
	{ weight: 4, arbitrary: paragraph },
	{ weight: 2, arbitrary: fieldLine },
	{ weight: 3, arbitrary: costTable.map((table: CostTableCase) => table.lines.join('\n')) },
	{ weight: 2, arbitrary: factTable },
	{ weight: 3, arbitrary: fence },
	{ weight: 1, arbitrary: boxGarbage },
	{ weight: 2, arbitrary: list },
	{ weight: 1, arbitrary: quote },
	{ weight: 1, arbitrary: html },
	{ weight: 1, arbitrary: pick(['---', '***', '===', '', '\t', '    indented code']) },
);

export interface LineEndings {
	eol: '\n' | '\r\n' | '\r' | 'mixed';
	bom: boolean;
}

export const lineEndings: fc.Arbitrary<LineEndings> = fc.record({
	eol: pick(['\n', '\n', '\r\n', '\r', 'mixed'] as const),
	bom: fc.boolean(),
});

/** Writes LF text with other line endings and maybe a BOM, as editors save files. */
export function withLineEndings(text: string, { eol, bom }: LineEndings): string {
	const lines = text.split('\n');
	// In a mix, a CR is never followed by an LF break: across an empty line the two would make one CRLF.
	const mixed = ['\n', '\r\n', '\r', '\r\n'];
	const joined =
		eol === 'mixed'
			? lines
					.map(
						(line, index) => line + (index === lines.length - 1 ? '' : mixed[index % mixed.length]),
					)
					.join('')
			: lines.join(eol);
	return (bom ? '\ufeff' : '') + joined;
}

export interface RandomPlan {
	raw: string;
	/** `p.md` or `p.mdx`. */
	extension: 'md' | 'mdx';
}

export interface RandomPlanOptions {
	/** Include what is an error by design: YAML frontmatter that does not parse, and MDX. */
	errors?: boolean;
	/** Include content nested thousands of levels deep (an error past the limit). */
	nesting?: boolean;
	/** How many blocks a plan has at most, and fast-check's size for that count. */
	blocks?: { maxLength: number; size?: fc.SizeForArbitrary };
}

/** A whole hostile plan. Without `errors` and `nesting`, a site of such plans must build. */
export function randomPlan({
	errors = true,
	nesting = true,
	blocks: count = { maxLength: 16 },
}: RandomPlanOptions = {}): fc.Arbitrary<RandomPlan> {
	const blocks = fc.oneof(
		{ weight: 30, arbitrary: planBlock },
		{ weight: nesting ? 1 : 0, arbitrary: deepNesting },
		{ weight: errors ? 1 : 0, arbitrary: MDX_ONLY },
	);
	return fc
		.record({
			frontmatter: fc.option(
				errors ? fc.oneof(validFrontmatter, brokenFrontmatter) : validFrontmatter,
				{ freq: 3 },
			),
			blocks: fc.array(blocks, count),
			separators: fc.array(pick(['\n\n', '\n\n', '\n', '\n\n\n']), count),
			endings: lineEndings,
			finalNewline: fc.boolean(),
			extension: errors ? pick(['md', 'md', 'md', 'mdx'] as const) : fc.constant('md' as const),
		})
		.map(({ frontmatter, blocks, separators, endings, finalNewline, extension }) => {
			let body = blocks.reduce(
				(text, block, index) => text + (index === 0 ? '' : (separators[index] ?? '\n\n')) + block,
				'',
			);
			// A `---` first line opens frontmatter, on GitHub too: only a plan with errors may start so.
			if (!errors && frontmatter === null && /^---[ \t]*(\n|$)/.test(body))
				body = `Intro\n\n${body}`;
			const text =
				[frontmatter, body].filter((part) => part !== null).join('\n') + (finalNewline ? '\n' : '');
			return { raw: withLineEndings(text, endings), extension };
		});
}
