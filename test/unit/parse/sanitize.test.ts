import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { sanitizeAuthorContent, sanitizeHtml } from '#plans/parse/sanitize.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';
import { toString } from 'mdast-util-to-string';

const hostile = readFileSync(
	new URL('../../fixtures/hostile/plans/xss.md', import.meta.url),
	'utf8',
);

/** Every removal of a plan, as `line:column message`. */
function removals(raw: string, sanitize = true, path = 'xss.md'): string[] {
	return parsePlan({ raw, file: `plans/${path}`, path, sanitize }).problems.map(
		({ line, column, message }) => `${line}:${column} ${message}`,
	);
}

describe('sanitising a Markdown plan', () => {
	it('reports every removal at its line and column, with the reason', () => {
		expect(removals(hostile)).toEqual([
			'7:1 javascript: link removed: plans do not run scripts or load data URLs',
			'8:1 javascript: URL removed from <a href>: plans do not run scripts or load data URLs',
			'9:1 <script> removed with its content (line 9): plans do not run scripts',
			'10:1 onerror attribute removed from <img>: plans do not run scripts',
			'11:1 <iframe> removed with its content (line 11): plans do not embed other pages',
			'12:1 <style> removed with its content (line 12): plans do not restyle the site',
			'14:1 <form> removed with its content (line 14): plans do not hold forms',
			'16:1 onclick attribute removed from <div>: plans do not run scripts',
			'16:1 style attribute removed from <div>: plans allow the HTML GitHub allows',
			'18:1 javascript: link removed: plans do not run scripts or load data URLs',
			'18:36 data: image removed: plans do not run scripts or load data URLs',
			'20:1 <embed> removed: plans do not embed other pages',
		]);
	});

	it('leaves none of the hostile elements, handlers or URLs in the tree', () => {
		const { tree } = parsePlan({ raw: hostile, file: 'plans/xss.md', path: 'xss.md' });
		const html = JSON.stringify(tree);
		for (const banned of [
			'<script',
			'<iframe',
			'<style',
			'<form',
			'<input',
			'onerror',
			'onclick',
			'javascript:',
			'JAVASCRIPT:',
			'data:text/html',
			'position:fixed',
		]) {
			expect(html, banned).not.toContain(banned);
		}
		expect(toString(tree)).toContain('click me');
		expect(html).toContain('data:image/gif;base64');
	});

	it('keeps what GitHub keeps: details, summary, kbd, sub, sup, table cells with align, rowspan and colspan, image sizes', () => {
		const kept = [
			'<details>\n<summary>Rollout notes</summary>',
			'<kbd>Ctrl</kbd>',
			'<sub>2</sub>',
			'<td rowspan="2" align="right">Region</td>',
			'<td colspan="2">EU</td>',
			'<img src="images/a.png" width="600" height="300" alt="A">',
			'<picture><source srcset="a.webp"><img src="a.png"></picture>',
			'<p align="center"><a href="https://example.com/" title="Example">x</a></p>',
			'<a name="legacy-anchor" id="legacy-id"></a>',
			'<!-- a comment stays, invisible -->',
		];
		for (const html of kept) expect(sanitizeHtml(html).html, html).toBe(html);
	});

	it('checks each tag of HTML that Markdown split into pieces, so the pieces still fit', () => {
		expect(sanitizeHtml('<details>').html).toBe('<details>');
		expect(sanitizeHtml('</details>').html).toBe('</details>');
		expect(sanitizeHtml('<font color="red">').html).toBe('');
		expect(sanitizeHtml('<a href="javas&#99;ript:alert(1)">').html).toBe('<a>');
	});

	it('takes out the content of a script opened in one piece of inline HTML and closed in another', () => {
		const { tree, problems } = parsePlan({
			raw: '# P\n\nBefore <script>alert(*"inline"*)</script> after, <b>bold</b>.\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(toString(tree, { includeHtml: false })).toBe('PBefore  after, bold.');
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:8 <script> removed with its content (line 3): plans do not run scripts',
		]);
	});

	it('removes a void element (`<embed>`, `<param>`, `<frame>`) alone: it has no content to take', () => {
		const raw =
			'# P\n\n<embed src="https://example.com/x.swf">\n\n## After\n\nKept paragraph with <sup>sup</sup>.\n\n<object><param name="a" value="b"></object>\n\nAlso kept.\n';
		const { tree, problems } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
		expect(toString(tree, { includeHtml: false })).toBe('PAfterKept paragraph with sup.Also kept.');
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:1 <embed> removed: plans do not embed other pages',
			'9:1 <object> removed with its content (line 9): plans do not embed other pages',
		]);
	});

	it('ends an element that is never closed with its HTML block, and names the lines it took', () => {
		const raw =
			'# P\n\n<iframe src="https://example.com/">\nfallback text\n\nKept *paragraph*.\n\n<svg><text>drawn</text>\n</svg>\n\nLast.\n';
		const { tree, problems } = parsePlan({ raw, file: 'plans/p.md', path: 'p.md' });
		expect(toString(tree, { includeHtml: false })).toBe('PKept paragraph.Last.');
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:1 <iframe> removed with the rest of its HTML block, as it is never closed (lines 3–4): plans do not embed other pages',
			'8:1 <svg> removed with its content (lines 8–9): plans allow the HTML GitHub allows',
		]);
	});

	it('names every line an unclosed `<script>` block takes: Markdown ends that block only at `</script>`, as on GitHub', () => {
		const { problems } = parsePlan({
			raw: '# P\n\n<script>\nalert(1)\n\nNot Markdown any more.\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:1 <script> removed with the rest of its HTML block, as it is never closed (lines 3–6): plans do not run scripts',
		]);
	});

	it('keeps the text after an inline element that no piece of its paragraph closes', () => {
		const { tree, problems } = parsePlan({
			raw: '# P\n\nBefore <script> after *it*.\n\nNext.\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(toString(tree, { includeHtml: false })).toBe('PBefore  after it.Next.');
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:8 <script> removed, never closed: plans do not run scripts',
		]);
	});

	it('takes an inline element across lines of its paragraph, and names them', () => {
		const { tree, problems } = parsePlan({
			raw: '# P\n\nBefore <style>\nbody {}\n</style> after.\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(toString(tree, { includeHtml: false })).toBe('PBefore  after.');
		expect(problems.map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
			'3:8 <style> removed with its content (lines 3–5): plans do not restyle the site',
		]);
	});

	it('changes nothing when run again', () => {
		const tree = parseMarkdown(hostile);
		expect(sanitizeAuthorContent(tree).length).toBe(12);
		const once = JSON.stringify(tree);
		expect(sanitizeAuthorContent(tree)).toEqual([]);
		expect(JSON.stringify(tree)).toBe(once);
	});

	it('leaves a plan as written with sanitize: false, and MDX plans always', () => {
		expect(removals(hostile, false)).toEqual([]);
		expect(
			parsePlan({
				raw: hostile,
				file: 'plans/xss.md',
				path: 'xss.md',
				sanitize: false,
			}).tree.children.some((node) => node.type === 'html' && node.value.includes('<script>')),
		).toBe(true);
		expect(removals('# MDX\n\n<div onClick={() => 1}>component</div>\n', true, 'x.mdx')).toEqual(
			[],
		);
	});
});
