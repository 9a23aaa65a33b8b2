import { describe, expect, it } from 'vitest';
import { parsePlan } from '#plans/parse/plan.ts';

// A drawing that does not match its text is shown as the text; the build says where.

const MISALIGNED = ['┌─────────┐', '│ alpha   │', '│ gamma             │', '└─────────┘'];

describe('drawings shown as text', () => {
	it('are reported at the file, line and column where drawing and text part ways', () => {
		// The fence is indented in a list item: its text starts three columns in.
		const raw = [
			'# Plan',
			'',
			'- Step',
			'',
			'   ```',
			...MISALIGNED.map((line) => `   ${line}`),
			'   ```',
			'',
		].join('\n');
		const { problems } = parsePlan({ raw, file: 'plans/a.md', path: 'a.md' });
		expect(problems).toEqual([
			{
				severity: 'warning',
				message: 'Drawing shown as text: a "│" here meets no other line.',
				file: 'plans/a.md',
				line: 8,
				column: 24,
				hint: expect.stringContaining('drawings: { verify: false }'),
			},
		]);
	});

	it('are not reported when the site publishes drawings unchecked, nor when they match', () => {
		const raw = ['# Plan', '', '```', ...MISALIGNED, '```', ''].join('\n');
		expect(
			parsePlan({ raw, file: 'plans/a.md', path: 'a.md', verifyDrawings: false }).problems,
		).toEqual([]);
		const fixed = [
			'# Plan',
			'',
			'```',
			'┌─────────┐',
			'│ alpha   │',
			'│ gamma   │',
			'└─────────┘',
			'```',
			'',
		].join('\n');
		expect(parsePlan({ raw: fixed, file: 'plans/a.md', path: 'a.md' }).problems).toEqual([]);
	});
});
