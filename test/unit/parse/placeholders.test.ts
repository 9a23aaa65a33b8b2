import { describe, expect, it } from 'vitest';
import { collectPlaceholders } from '#plans/parse/placeholders.ts';
import { parseMarkdown } from '#plans/parse/tree.ts';

const placeholders = (markdown: string) =>
	collectPlaceholders(parseMarkdown(markdown)).map(
		({ text, line, column }) => `${line}:${column} ${text}`,
	);

describe('collectPlaceholders', () => {
	it('leaves bracketed text inside a quotation alone: it shows a screen or a message as written', () => {
		expect(
			placeholders(
				'The dialog shows "hey, this app keeps asking [Block future requests]" and a button.\n\nSo does “Retry later [Dismiss the banner]”.\n',
			),
		).toEqual([]);
		expect(placeholders('Said "ok". Then [Fill in the owner] here.\n')).toEqual([
			'1:17 [Fill in the owner]',
		]);
	});

	it("finds the template's bracketed instructions where they are", () => {
		const markdown = [
			'# Technical Plan: [Project Name]',
			'',
			'**Date**: [YYYY-MM-DD]',
			'',
			'- **Pattern**: [Monolithic | Microservices | Serverless]',
			'',
			'[2-3 sentences describing the technical approach]',
			'',
			'| Layer | Choice |',
			'| --- | --- |',
			'| Framework | [e.g., React] |',
		].join('\n');
		expect(placeholders(markdown)).toEqual([
			'1:19 [Project Name]',
			'3:11 [YYYY-MM-DD]',
			'5:16 [Monolithic | Microservices | Serverless]',
			'7:1 [2-3 sentences describing the technical approach]',
			'11:15 [e.g., React]',
		]);
	});

	it('finds TBD, TODO and XXX in table cells, and tables with nothing in them', () => {
		const markdown = [
			'| Item | Cost |',
			'| --- | --- |',
			'| Compute | TBD |',
			'| Storage | $40 |',
			'',
			'| Milestone | Date |',
			'| --- | --- |',
			'|  |  |',
		].join('\n');
		expect(placeholders(markdown)).toEqual(['3:13 TBD', '6:1 empty table']);
	});

	it('leaves writing alone: links, one word in brackets, checkboxes, alerts, footnotes, TBD in prose and code', () => {
		const markdown = [
			'See [the spec](spec.md) and [the guide][g].',
			'',
			'Install `pip install foo[onnx]`, or foo[onnx] from source; done: [x]; see [rfcs#3838].',
			'',
			'> [!NOTE]',
			'> A note.',
			'',
			'Footnote[^1]. The date is TBD in this sentence.',
			'',
			'```',
			'[Project Name]',
			'```',
			'',
			'[g]: guide.md',
			'[^1]: A footnote.',
		].join('\n');
		expect(placeholders(markdown)).toEqual([]);
	});
});
