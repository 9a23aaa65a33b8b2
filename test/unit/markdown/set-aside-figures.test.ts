import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import {
	isFigurePlace,
	putFiguresBack,
	setFigureAside,
	setFiguresAsideFor,
} from '#plans/markdown/set-aside-figures.ts';

/** A plan file the renderer announced: its figures are set aside. */
function announced(path: string): VFile {
	const file = new VFile({ path });
	setFiguresAsideFor(file);
	return file;
}

describe('figures set aside during a render', () => {
	it('hold their place with a comment and are spliced back in order', () => {
		const file = announced('/plans/a.md');
		const first = setFigureAside(file, '<figure>one</figure>')!;
		const second = setFigureAside(file, '<figure>two</figure>')!;
		expect(first).toMatch(/^plans-figure-[0-9a-f-]+:0$/);
		expect(isFigurePlace(file, first)).toBe(true);
		expect(putFiguresBack(file, `<h2>A</h2>\n<!--${first}-->\n<p>x</p>\n<!--${second}-->`)).toBe(
			'<h2>A</h2>\n<figure>one</figure>\n<p>x</p>\n<figure>two</figure>',
		);
	});

	it('stay in the tree for a render that did not announce them (MDX pages)', () => {
		const file = new VFile({ path: '/plans/b.mdx' });
		expect(setFigureAside(file, '<figure></figure>')).toBeUndefined();
		expect(putFiguresBack(file, '<figure></figure>')).toBe('<figure></figure>');
	});

	it('fail the render when one lost its place, instead of dropping a diagram', () => {
		const file = announced('/plans/c.md');
		setFigureAside(file, '<figure>one</figure>');
		expect(() => putFiguresBack(file, '<p>the comment was dropped</p>')).toThrow(
			/c\.md: 1 of 1 diagram figures lost their place/,
		);
	});

	it('leave a plan’s own look-alike comment alone', () => {
		const file = announced('/plans/d.md');
		expect(isFigurePlace(file, 'plans-figure-0:0')).toBe(false);
		expect(putFiguresBack(file, '<!--plans-figure-0:0-->')).toBe('<!--plans-figure-0:0-->');
	});

	it('are kept per file: two renders at once do not mix their figures', () => {
		const one = announced('/plans/e.md');
		const two = announced('/plans/e.md');
		const place = setFigureAside(one, '<figure>one</figure>')!;
		expect(isFigurePlace(two, place)).toBe(false);
	});
});
