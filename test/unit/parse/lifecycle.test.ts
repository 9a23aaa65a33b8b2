import { describe, expect, it } from 'vitest';
import { closestStatus, stageOf } from '#plans/parse/lifecycle.ts';
import { parsePlan } from '#plans/parse/plan.ts';

describe('the stage of a status', () => {
	it('knows the template, KEP, PEP and ADR vocabularies and common words', () => {
		const stages = Object.fromEntries(
			[
				'Draft',
				'In Review',
				'Approved', // the template
				'provisional',
				'implementable',
				'implemented',
				'deferred',
				'rejected',
				'withdrawn',
				'replaced', // KEPs
				'Active',
				'Accepted',
				'Final',
				'Superseded', // PEPs
				'proposed',
				'deprecated', // ADRs
				'Obsolete',
				'experimental',
				'completed',
				'In Progress',
				'Done', // others
			].map((status) => [status, stageOf(status)]),
		);
		expect(stages).toEqual({
			Draft: 'draft',
			'In Review': 'review',
			Approved: 'accepted',
			provisional: 'draft',
			implementable: 'accepted',
			implemented: 'done',
			deferred: 'closed',
			rejected: 'closed',
			withdrawn: 'closed',
			replaced: 'closed',
			Active: 'accepted',
			Accepted: 'accepted',
			Final: 'done',
			Superseded: 'closed',
			proposed: 'draft',
			deprecated: 'closed',
			Obsolete: 'closed',
			experimental: 'accepted',
			completed: 'done',
			'In Progress': 'accepted',
			Done: 'done',
		});
	});

	it("reads a status with more words after it, and a team's own words first", () => {
		expect(stageOf('Implemented (Swift 5.7)')).toBe('done');
		expect(stageOf('Superseded by RFC 1234')).toBe('closed');
		expect(stageOf('✅ Accepted')).toBe('accepted');
		expect(stageOf('Ready for build')).toBe('accepted');
		expect(stageOf('Ready for build', { 'Ready for build': 'review' })).toBe('review');
		expect(stageOf('Parked', { parked: 'closed' })).toBe('closed');
		expect(stageOf('Greenlit')).toBeUndefined();
		expect(stageOf('Draft | In Review | Approved')).toBeUndefined();
	});

	it('suggests the closest known status for a misspelt one, and none for a word of its own', () => {
		expect(closestStatus('Aproved')).toBe('approved');
		expect(closestStatus('Implemnted')).toBe('implemented');
		expect(closestStatus('Greenlit')).toBeUndefined();
	});

	it('is in the plan data, with a warning naming the closest status when there is none', () => {
		const { data } = parsePlan({
			raw: '# P\n\n**Status**: Implementable\n',
			file: 'plans/p.md',
			path: 'p.md',
		});
		expect(data).toMatchObject({ status: 'Implementable', stage: 'accepted', statusKnown: false });
		expect(data.problems).toEqual([]);
		const misspelt = parsePlan({
			raw: '# P\n\n**Status**: Aproved\n',
			file: 'plans/p.md',
			path: 'p.md',
		}).data;
		expect(misspelt.stage).toBeUndefined();
		expect(misspelt.problems).toMatchObject([
			{ severity: 'warning', line: 3, hint: expect.stringContaining('Did you mean "approved"?') },
		]);
		const own = parsePlan({
			raw: '# P\n\n**Status**: Greenlit\n',
			file: 'plans/p.md',
			path: 'p.md',
			statuses: { Greenlit: 'accepted' },
		}).data;
		expect(own).toMatchObject({ stage: 'accepted', problems: [] });
	});
});
