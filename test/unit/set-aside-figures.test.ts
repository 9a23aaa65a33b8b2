import { describe, expect, it } from 'vitest';
import { putFiguresBack, setFigureAside, setFiguresAsideFor } from '#plans/markdown/set-aside-figures.ts';

describe('figures set aside during a render', () => {
	it('hold their place with a comment and are spliced back in order', () => {
		setFiguresAsideFor('/plans/a.md');
		const first = setFigureAside('/plans/a.md', '<figure>one</figure>')!;
		const second = setFigureAside('/plans/a.md', '<figure>two</figure>')!;
		expect(first).toMatch(/^<!--plans-figure-[0-9a-f-]+:0-->$/);
		expect(putFiguresBack('/plans/a.md', `<h2>A</h2>\n${first}\n<p>x</p>\n${second}`)).toBe('<h2>A</h2>\n<figure>one</figure>\n<p>x</p>\n<figure>two</figure>');
	});

	it('stay in the tree for a render the loader did not announce (MDX pages)', () => {
		expect(setFigureAside('/plans/b.mdx', '<figure></figure>')).toBeUndefined();
		expect(setFigureAside(undefined, '<figure></figure>')).toBeUndefined();
	});

	it('fail the render when one lost its place, instead of dropping a diagram', () => {
		setFiguresAsideFor('/plans/c.md');
		setFigureAside('/plans/c.md', '<figure>one</figure>');
		expect(() => putFiguresBack('/plans/c.md', '<p>the comment was dropped</p>')).toThrow(/1 of 1 diagram figures lost their place/);
	});

	it('leave a plan’s own look-alike comment alone', () => {
		setFiguresAsideFor('/plans/d.md');
		expect(putFiguresBack('/plans/d.md', '<!--plans-figure-0:0-->')).toBe('<!--plans-figure-0:0-->');
	});
});
