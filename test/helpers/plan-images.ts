import type { Browser } from 'playwright-core';
import { recordProblems } from './page-problems.ts';

/** The plans of test/fixtures/images link one remote image, on a host the sandbox cannot reach. */
const REMOTE_IMAGES = 'https://ci.example.com/**';
const PIXEL = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

/**
 * Opens a plan page, brings every local image of its body into view (they load lazily) and
 * returns their alt texts and natural widths, with any problem the page met on the way.
 */
export async function loadedPlanImages(browser: Browser, url: string) {
	const { origin, pathname } = new URL(url);
	const problems: string[] = [];
	const page = await browser.newPage();
	await page.route(REMOTE_IMAGES, (route) =>
		route.fulfill({ contentType: 'image/gif', body: PIXEL }),
	);
	recordProblems(page, origin, pathname, problems);
	await page.goto(url, { waitUntil: 'networkidle' });
	const images = page.locator('.plan-content img:not([src^="https:"])');
	for (const image of await images.all()) await image.scrollIntoViewIfNeeded();
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLImageElement>('.plan-content img')].every(
			(img) => img.complete,
		),
	);
	const sizes = await images.evaluateAll((all) =>
		(all as HTMLImageElement[]).map(({ alt, naturalWidth }) => ({ alt, naturalWidth })),
	);
	await page.close();
	return {
		sizes,
		problems: problems.filter(
			(problem) => !problem.includes('foreign request https://ci.example.com/'),
		),
	};
}
