import { describe, expect, it } from 'vitest';
import { markBrokenLinks, problemPlaceInPage } from '#plans/page-data/problem-marks.ts';
import type { Problem } from '#plans/problems.ts';

const problem = (
	line: number,
	column: number,
	message = 'Link "x.md" points to a plan that does not exist (x.md).',
): Problem => ({ severity: 'error', file: 'plans/p.md', line, column, message });

describe('markBrokenLinks', () => {
	it('marks the links a problem points at, by their place in the file, and leaves the others', () => {
		const html =
			'<p><a href="/plans/x/" data-source-place="3:5">x</a> and <a href="/plans/y/" data-source-place="4:1">y</a></p>';
		expect(markBrokenLinks(html, [problem(9, 1), problem(3, 5, 'Link "x.md" & "<y>"')])).toBe(
			'<p><a href="/plans/x/" id="plan-problem-2" class="plan-link-broken" title="Link &quot;x.md&quot; &amp; &quot;&lt;y>&quot;" data-source-place="3:5">x</a> and <a href="/plans/y/" data-source-place="4:1">y</a></p>',
		);
	});

	it('gives the id to the first of the links that share a definition', () => {
		const html =
			'<a href="/plans/x/" data-source-place="9:1">one</a><a href="/plans/x/" data-source-place="9:1">two</a>';
		expect(markBrokenLinks(html, [problem(9, 1)]).match(/id="[^"]+"/g)).toEqual([
			'id="plan-problem-1"',
		]);
		expect(markBrokenLinks(html, [problem(9, 1)]).match(/plan-link-broken/g)).toHaveLength(2);
	});

	it('returns the HTML as it is when there is no problem', () => {
		const html = '<a href="/plans/x/" data-source-place="3:5">x</a>';
		expect(markBrokenLinks(html, [])).toBe(html);
	});
});

describe('problemPlaceInPage', () => {
	const plan = {
		links: [{ href: 'x.md', targetPath: 'x.md', line: 12, column: 3 }],
		headings: [
			{ depth: 1, id: 'title', text: 'Title', line: 1 },
			{ depth: 2, id: 'costs', text: 'Costs', line: 20 },
		],
	};

	it('is the marked link for a problem at a link, else the section the problem is in', () => {
		expect(problemPlaceInPage(problem(12, 3), 4, plan)).toBe('#plan-problem-5');
		expect(problemPlaceInPage(problem(25, 1, 'Cost table total does not add up'), 0, plan)).toBe(
			'#costs',
		);
		expect(problemPlaceInPage(problem(12, 1, 'Unknown status'), 0, plan)).toBe('#title');
		expect(problemPlaceInPage(problem(1, 1), 0, { links: [], headings: [] })).toBeUndefined();
	});
});
