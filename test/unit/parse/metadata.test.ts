import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';
import { normalizeSource } from '#plans/parse/source.ts';
import { normalizeStatus } from '#plans/parse/status.ts';

const parse = (raw: string, path = 'payments/checkout.md') =>
	parsePlan({ raw, path, file: `plans/${path}` });

describe('normalizeSource', () => {
	it('strips a BOM and turns CRLF and CR into LF', () => {
		expect(normalizeSource('\uFEFF# A\r\nb\rc\n')).toBe('# A\nb\nc\n');
	});
});

describe('metadata from the template bold lines', () => {
	it('reads the header of the template-shaped plan', () => {
		const plan = readFileSync(
			new URL('../../fixtures/template/technical-plan.md', import.meta.url),
			'utf8',
		);
		const { data, problems } = parse(plan);
		expect(problems).toEqual([]);
		expect(data).toMatchObject({
			title: 'Technical Plan: Shift Planner',
			version: '1.2',
			date: '2026-02-03',
			isoDate: '2026-02-03',
			spec: {
				text: 'Shift Planner Specification v1.1',
				href: 'https://docs.example.org/shift-planner/specification-v1.1',
			},
			status: 'In Review',
			statusKnown: true,
		});
	});

	it('reads the unfilled template header', () => {
		const { data, problems } = parse(
			'# Technical Plan: [Project Name]\n\n**Version**: 1.0\n**Date**: [YYYY-MM-DD]\n**Status**: Draft | In Review | Approved\n**Based on Spec**: [Link to SPECIFICATION.md v1.0]\n',
		);
		expect(data).toMatchObject({
			title: 'Technical Plan: [Project Name]',
			version: '1.0',
			date: '[YYYY-MM-DD]',
			spec: { text: '[Link to SPECIFICATION.md v1.0]' },
			status: 'Draft | In Review | Approved',
			statusKnown: false,
		});
		// The unfilled template's "Draft | In Review | Approved" is not a status: warned at its line.
		expect(problems).toEqual([
			expect.objectContaining({ severity: 'warning', line: 5, column: 1 }),
		]);
	});

	it('reads a filled-in header with a spec link', () => {
		const { data, problems } = parse(
			'# Technical Plan: Checkout\n\n**Version**: 2.1\n**Date**: 2026-03-14\n**Status**: In Review\n**Based on Spec**: [Spec v1](../specs/checkout.md)\n',
		);
		expect(problems).toEqual([]);
		expect(data).toMatchObject({
			title: 'Technical Plan: Checkout',
			version: '2.1',
			date: '2026-03-14',
			isoDate: '2026-03-14',
			status: 'In Review',
			statusKnown: true,
			spec: { text: 'Spec v1', href: '../specs/checkout.md' },
		});
	});

	it('accepts `**Key:** value`, list items and spec-kit `|` separated fields', () => {
		expect(parse('# X\n\n- **Status:** approved\n- **Version:** 3\n').data).toMatchObject({
			status: 'Approved',
			version: '3',
		});
		expect(
			parse(
				'# X\n\n**Branch**: `001-core` | **Date**: 2025-10-02 | **Spec**: [spec.md](./spec.md)\n',
			).data,
		).toMatchObject({
			date: '2025-10-02',
			spec: { text: 'spec.md', href: './spec.md' },
		});
	});

	it('finds fields under the first section when the preamble has none', () => {
		const { data } = parse(
			'# Plan\n\n## Executive Summary\n\n**Status**: Draft\n\nWe build X.\n\n## Next\n\n**Version**: 9\n',
		);
		expect(data).toMatchObject({ status: 'Draft', summary: 'We build X.' });
		expect(data.version).toBeUndefined();
	});

	it('does not read bold labels deep in the plan as metadata', () => {
		const { data } = parse(
			'# Plan\n\nIntro.\n\n## A\n\ntext\n\n## Dependencies\n\n**Status**: Blocked\n',
		);
		expect(data.status).toBeUndefined();
	});
});

describe('metadata as real plans write it', () => {
	it('reads frontmatter keys in any case, with the names KEPs, RFCs and ADRs give them', () => {
		expect(
			parse('---\nStatus: Active\nAuthor: Dana\nCreated: 2024-03-01\n---\n# X\n').data,
		).toMatchObject({ status: 'Active', owner: 'Dana', date: '2024-03-01' });
		const kep = parse(
			'---\ntitle: kep-1234\nauthors:\n  - "@alice"\n  - "@bob"\nowning-sig: sig-node\nstatus: implementable\ncreation-date: 2023-01-10\nlast-updated: 2023-05-02\n---\n# KEP-1234: Pod Sidecars\n',
		).data;
		expect(kep).toMatchObject({
			title: 'KEP-1234: Pod Sidecars',
			owner: '@alice, @bob',
			status: 'implementable',
			date: '2023-05-02',
		});
		expect(
			parse('---\nfeature: external-function\nstart_date: "2022/11/04"\n---\n# External Function\n')
				.data.date,
		).toBe('2022/11/04');
		expect(
			parse('---\nauthor: "Mike Griese @zadjii-msft"\ncreated on: 2019-05-16\n---\n# Panes\n').data,
		).toMatchObject({ owner: 'Mike Griese @zadjii-msft', date: '2019-05-16' });
	});

	it('reads plain list items, bold values and wholly bold fields at the top, as written', () => {
		expect(
			parse(
				'# Registry\n\n* Proposal: [SE-0292](0292.md)\n* Authors: [Bryan](https://x.dev/b), [Mattt](https://x.dev/m)\n* Status: **Implemented (Swift 5.7)**\n\n## Introduction\n',
			).data,
		).toMatchObject({
			status: 'Implemented (Swift 5.7)',
			owner: 'Bryan, Mattt',
		});
		expect(
			parse('# RFC\n\n- Feature Name: `borrow`\n- Start Date: 2015-08-04\n\n# Summary\n').data.date,
		).toBe('2015-08-04');
		expect(
			parse('# Tool\n\n* **Implementation Status:** `Implemented`\n\n## Motivation\n').data.status,
		).toBe('Implemented');
		expect(
			parse('# Plan: Shared Core\n\n> **Status: Complete** — kept as reference.\n\n## Summary\n')
				.data.status,
		).toBe('Complete');
	});

	it('reads a two-column metadata table', () => {
		const { data } = parse(
			'# Proposal\n\n| Metadata | Value |\n| --- | --- |\n| Date | 2025-06-01 |\n| Author | Ana Lopez |\n| Status | Under review |\n| Version | 0.3 |\n\n## Context\n',
		);
		expect(data).toMatchObject({
			date: '2025-06-01',
			owner: 'Ana Lopez',
			status: 'In Review',
			version: '0.3',
		});
	});

	it('finds no metadata in the sections of a plan that writes its sections as # headings', () => {
		expect(
			parse('# Summary\n\nText.\n\n# Details\n\n- Status: not the plan’s\n').data.status,
		).toBeUndefined();
	});

	it('titles a plan from the ## heading that opens it when it has no #, and from its heading when the frontmatter title is a slug', () => {
		expect(parse('## Discovery Service\n\nText.\n\n## Goals\n').data.title).toBe(
			'Discovery Service',
		);
		expect(
			parse('---\ntitle: machine-config-node\n---\n# MachineConfigNode status\n').data.title,
		).toBe('MachineConfigNode status');
		expect(parse('---\ntitle: Config nodes\n---\n# MachineConfigNode status\n').data.title).toBe(
			'Config nodes',
		);
		expect(
			parse('# Summary\n\nText.\n\n# Motivation\n', 'flows/2023-07-10-metric-engine.md').data.title,
		).toBe('2023 07 10 metric engine');
	});

	it('does not title a plan with a note written as its first # heading, and keeps the note on the page', () => {
		const { data } = parse(
			'# This was the basis for Flow, and though not all of it made it in, it is kept for context.\n\n# Agent Flow - Components\n\n## Problem\n',
		);
		expect(data.title).toBe('Agent Flow - Components');
		expect(
			data.headings.map((heading) => [heading.text.slice(0, 20), heading.title ?? false]),
		).toEqual([
			['This was the basis f', false],
			['Agent Flow - Compone', false],
			['Problem', false],
		]);
	});
});

describe('frontmatter', () => {
	it('wins over bold lines and keeps values as written', () => {
		const { data } = parse(
			'---\ntitle: From YAML\nversion: 1.0\nstatus: approved\nowner: Dana\ntags: [payments, pci]\n---\n# From H1\n\n**Version**: 7\n**Status**: Draft\n',
		);
		expect(data).toMatchObject({
			title: 'From YAML',
			version: '1.0',
			status: 'Approved',
			owner: 'Dana',
			tags: ['payments', 'pci'],
		});
	});

	it('works with a BOM and CRLF line endings, and keeps line numbers', () => {
		const { data } = parse(
			'\uFEFF---\r\ntitle: T\r\nstatus: Greenlit\r\n---\r\n\r\n## Section\r\n',
		);
		expect(data.title).toBe('T');
		expect(data.headings).toEqual([{ depth: 2, id: 'section', text: 'Section', line: 6 }]);
		expect(data.problems[0]).toMatchObject({
			message: expect.stringContaining('Unknown status "Greenlit"'),
			line: 3,
		});
	});

	it('ends an empty frontmatter block at its own closing line, not at a later ---', () => {
		const { data, problems } = parse(
			'---\n---\n# Empty Frontmatter\n\nText.\n\n---\n\n## After the rule\n',
		);
		expect(problems).toEqual([]);
		expect(data.title).toBe('Empty Frontmatter');
		expect(data.headings.map((heading) => heading.line)).toEqual([3, 9]);
	});

	it('warns for invalid YAML at its file line and column, with the fix, and builds the plan', () => {
		const { problems, data } = parse(
			'---\ntitle: Flow incremental query\nAuthor: @discord9\nstatus: Approved\n---\n# X\n\nBody.\n',
		);
		expect(problems).toEqual([
			{
				severity: 'warning',
				file: 'plans/payments/checkout.md',
				line: 3,
				column: 9,
				message:
					'Frontmatter is not valid YAML: Plain value cannot start with reserved character @. The plan is built; what YAML cannot read is shown as written.',
				hint: 'Quote the value: `author: "@name"`. A plain YAML value cannot start with @, ` or another reserved character.',
			},
		]);
		// The entries around the broken one are read; the broken one is kept as written.
		expect(data).toMatchObject({
			title: 'Flow incremental query',
			status: 'Approved',
			owner: undefined,
		});
		expect(data.unreadFrontmatter).toEqual([
			{
				line: 3,
				text: 'Author: @discord9',
				reason: 'Plain value cannot start with reserved character @',
			},
		]);
	});

	it('never guesses at an entry a YAML error falls in, nor at what an unclosed quote swallowed', () => {
		const unclosed = parse('---\ntitle: ok\nstatus: [unclosed\n---\n# X\n');
		expect(unclosed.problems.map(({ severity, line }) => `${severity} ${line}`)).toEqual([
			'warning 4',
		]);
		expect(unclosed.data).toMatchObject({ title: 'ok', status: undefined });
		expect(unclosed.data.unreadFrontmatter.map(({ line, text }) => `${line}: ${text}`)).toEqual([
			'3: status: [unclosed',
		]);

		const quote = parse('---\ntitle: "Half\nstatus: Approved\nversion: 2\n---\n# Heading title\n');
		expect(quote.data).toMatchObject({ title: 'Heading title', status: undefined });
		expect(quote.data.unreadFrontmatter.map(({ line, text }) => `${line}: ${text}`)).toEqual([
			'2: title: "Half\nstatus: Approved\nversion: 2',
		]);
	});

	it('shows frontmatter that is not a list of entries at all as written', () => {
		const { data, problems } = parse('---\n- a\nb: c\n---\n# X\n');
		expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
		expect(data.unreadFrontmatter.length).toBeGreaterThan(0);
		expect(data.unreadFrontmatter.map(({ text }) => text).join('\n')).toContain('b: c');
	});
});

describe('title and files without metadata', () => {
	it('falls back to the first h1, then to the file name', () => {
		expect(parse('Intro\n\n# Real Title\n').data.title).toBe('Real Title');
		expect(parse('#\n\n# \t\n\nText.\n', 'ops/disaster_recovery-plan.md').data.title).toBe(
			'Disaster recovery plan',
		);
		expect(parse('no heading at all\n', 'ops/disaster_recovery-plan.md').data).toMatchObject({
			title: 'Disaster recovery plan',
			folder: 'ops',
			status: undefined,
			statusKnown: true,
			problems: [],
		});
	});
});

describe('normalizeStatus', () => {
	it.each([
		['draft', 'Draft'],
		['DRAFT', 'Draft'],
		['In review', 'In Review'],
		['in-review', 'In Review'],
		['**Approved**', 'Approved'],
		['✅ Approved', 'Approved'],
		['Accepted', 'Approved'],
	])('%s → %s', (written, status) => {
		expect(normalizeStatus(written)).toEqual({ status, known: true });
	});

	it('keeps anything else as written', () => {
		expect(normalizeStatus('Implementable')).toEqual({ status: 'Implementable', known: false });
	});
});
