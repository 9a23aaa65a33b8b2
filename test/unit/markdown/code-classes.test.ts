import type { Element } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { tokenColoursByClass } from '#plans/markdown/code-classes.ts';

describe('tokenColoursByClass', () => {
	it('moves only Shiki variables to classes, leaving a single theme’s colour and font styles in place', () => {
		const pre = h('pre', { style: 'color:#24292e;--shiki-dark:#e1e4e8' }, [
			h('code', [
				h('span', { className: ['line'] }, [
					h('span', { style: 'color:#D73A49;--shiki-dark:#F97583;font-style:italic' }, 'const'),
					h('span', { style: 'color:#24292E;--shiki-dark:#E1E4E8' }, ' a'),
					h('span', { style: 'user-select: none;' }, '+'),
				]),
			]),
		]) as Element;
		expect(tokenColoursByClass([pre])).toBe('.astro-code .t0{--shiki-dark:#F97583}');
		expect(toHtml(pre.children)).toBe(
			'<code><span class="line"><span style="color:#D73A49;font-style:italic" class="t0">const</span><span style="color:#24292E"> a</span><span style="user-select: none;">+</span></span></code>',
		);
	});

	it('compares a token with the colours it inherits from the nearest element that sets them', () => {
		const pre = h('pre', { style: '--shiki-light:#111111' }, [
			h('span', { style: '--shiki-light:#222222' }, [
				h('span', { style: '--shiki-light:#222222' }, 'same as its parent'),
				h('span', { style: '--shiki-light:#111111' }, 'same as the block'),
			]),
		]) as Element;
		expect(tokenColoursByClass([pre])).toBe(
			'.astro-code .t0{--shiki-light:#222222}.astro-code .t1{--shiki-light:#111111}',
		);
		expect(toHtml(pre.children)).toBe(
			'<span class="t0">same as its parent<span class="t1">same as the block</span></span>',
		);
	});

	it('returns no sheet for blocks without token colours', () => {
		expect(tokenColoursByClass([h('pre', [h('code', 'plain')]) as Element])).toBeUndefined();
	});
});
