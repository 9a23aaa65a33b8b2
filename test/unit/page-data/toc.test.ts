import { describe, expect, it } from 'vitest';
import { tocEntries } from '#plans/page-data/toc.ts';
import { parsePlan } from '#plans/parse/plan.ts';

const toc = (raw: string) =>
	tocEntries(parsePlan({ raw, file: 'plans/p.md', path: 'p.md' }).data.headings).map(
		({ heading, level }) => `${level} ${heading.text}`,
	);

describe('the table of contents', () => {
	it('lists a template plan’s ## sections and their ### parts, not its title or deeper levels', () => {
		expect(toc('# Plan\n\n## Overview\n\n### Goals\n\n#### Detail\n\n## Costs\n')).toEqual([
			'1 Overview',
			'2 Goals',
			'1 Costs',
		]);
	});

	it('follows a plan whose sections are # headings', () => {
		expect(toc('# Summary\n\nText.\n\n# Motivation\n\n## Goals\n\n# Details\n')).toEqual([
			'1 Summary',
			'1 Motivation',
			'2 Goals',
			'1 Details',
		]);
		expect(toc('# RFC: Queues\n\n# Motivation\n\n## Goals\n\n# Design\n')).toEqual([
			'1 Motivation',
			'2 Goals',
			'1 Design',
		]);
	});

	it('leaves out a # heading that is not the title, when it is the plan’s only one', () => {
		expect(
			toc(
				'---\ntitle: Config Node Status\n---\n# Machine Config Nodes\n\n## Summary\n\n### Goals\n',
			),
		).toEqual(['1 Summary', '2 Goals']);
	});
});
