import type { Page } from 'playwright-core';

/**
 * Records what a reader should never meet on a page: console errors, uncaught errors, failed
 * requests, error responses (except those `expected` allows) and requests to another origin.
 */
export function recordProblems(
	page: Page,
	origin: string,
	path: string,
	problems: string[],
	expected: (url: string) => boolean = () => false,
): void {
	page.on(
		'console',
		(message) => message.type() === 'error' && problems.push(`${path}: console: ${message.text()}`),
	);
	page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
	page.on('requestfailed', (request) => problems.push(`${path}: request failed ${request.url()}`));
	page.on(
		'request',
		(request) =>
			!request.url().startsWith(origin) &&
			!request.url().startsWith('data:') &&
			problems.push(`${path}: foreign request ${request.url()}`),
	);
	page.on(
		'response',
		(response) =>
			response.status() >= 400 &&
			!expected(response.url()) &&
			problems.push(`${path}: ${response.status()} ${response.url()}`),
	);
}
