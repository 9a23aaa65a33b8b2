import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '#plans/diagrams/mermaid/browser.ts';

/** The system Chromium the integration itself would use for Mermaid. */
export function chromiumPath(): string {
	const found = findBrowser(undefined);
	if (!found)
		throw new Error(
			'No Chromium found: install it (apt-get install -y chromium) or set PLANS_CHROMIUM.',
		);
	return found;
}

/** Headless Chromium with the flags this sandbox needs (no network beyond localhost). */
export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
