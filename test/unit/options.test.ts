import { describe, expect, it } from 'vitest';
import plans from '../../integrations/plans/index.ts';
import { parseOptions } from '../../integrations/plans/options.ts';

describe('plans() options', () => {
	it('fills in defaults', () => {
		expect(parseOptions(undefined)).toEqual({ title: 'Technical Plans', directory: 'plans', brokenLinks: 'error', search: true, mermaid: {} });
	});

	it('rejects a wrong value with an AstroError naming the option and a hint', () => {
		let error: (Error & { hint?: string }) | undefined;
		try {
			plans({ brokenLinks: 'ignore' as 'warn' });
		} catch (caught) {
			error = caught as Error & { hint?: string };
		}
		expect(error?.name).toBe('AstroUserError');
		expect(error?.message).toContain('`brokenLinks`');
		expect(error?.hint).toContain('brokenLinks: "warn"');
	});

	it('rejects unknown keys (a typo must not be silently ignored)', () => {
		expect(() => parseOptions({ titel: 'x' })).toThrow(/Invalid options passed to the plans\(\) integration/);
	});

	it('rejects an edit URL that is not a URL', () => {
		expect(() => parseOptions({ editUrl: 'github/acme' })).toThrow(/`editUrl`/);
	});
});
