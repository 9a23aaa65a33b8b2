import { describe, expect, it } from 'vitest';
import { reviewDue, staleDays } from '#plans/indexes/review.ts';

const rule = { days: 180, stages: ['accepted'] as const };
const reviewBy = (date: string) => ({ date, line: 4, column: 1 });

describe('reviews due', () => {
	it('reads a staleAfter period in days, weeks or months', () => {
		expect(['180 days', '26 weeks', '6 months', '1 day'].map(staleDays)).toEqual([
			180, 182, 180, 1,
		]);
	});

	it('are due on the Review by date, whatever the stage', () => {
		expect(
			reviewDue(
				{ reviewBy: reviewBy('2026-06-01'), stage: 'draft' },
				undefined,
				'2026-06-01',
				undefined,
			),
		).toEqual({
			since: '2026-06-01',
			reason: 'review-by',
		});
		expect(
			reviewDue(
				{ reviewBy: reviewBy('2026-06-02'), stage: 'draft' },
				undefined,
				'2026-06-01',
				undefined,
			),
		).toBeUndefined();
	});

	it('are due for a plan of a covered stage unchanged for longer than the rule, the earlier reason first', () => {
		expect(reviewDue({ stage: 'accepted' }, '2026-01-01', '2026-06-30', rule)).toEqual({
			since: '2026-06-30',
			reason: 'stale',
		});
		expect(reviewDue({ stage: 'accepted' }, '2026-01-01', '2026-06-29', rule)).toBeUndefined();
		expect(reviewDue({ stage: 'done' }, '2025-01-01', '2026-06-30', rule)).toBeUndefined();
		expect(
			reviewDue(
				{ stage: 'accepted', reviewBy: reviewBy('2026-07-01') },
				'2025-01-01',
				'2026-08-01',
				rule,
			),
		).toEqual({
			since: '2025-06-30',
			reason: 'stale',
		});
	});
});
